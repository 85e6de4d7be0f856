/**
 * Builds worker.ts into one ES module with Vite, the same bundler (and so the same `import.meta.glob` of the
 * migrations and `@shared` alias) as the app's own build. Chosen over tsx or a fourth electron-vite entry:
 * no new dependency, and the unit tests need no `npm run build` first. The output goes under
 * node_modules/.cache, inside the project, so the bundle's `import 'better-sqlite3'` resolves; a folder per
 * build, so test runs at the same time do not overwrite each other's worker.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

export interface BuiltWorker {
  path: string;
  dispose(): void;
}

export async function buildWorker(): Promise<BuiltWorker> {
  const outDir = join(
    ROOT,
    'node_modules/.cache/spanlight-torture',
    `${process.pid}-${randomBytes(4).toString('hex')}`,
  );
  await build({
    configFile: false,
    logLevel: 'error',
    root: ROOT,
    resolve: { alias: { '@shared': join(ROOT, 'src/shared') } },
    build: {
      ssr: join(ROOT, 'test/torture/worker.ts'),
      outDir,
      emptyOutDir: true,
      minify: false,
      reportCompressedSize: false,
      rolldownOptions: { output: { format: 'es', entryFileNames: 'worker.mjs' } },
    },
  });
  return {
    path: join(outDir, 'worker.mjs'),
    dispose: () => rmSync(outDir, { recursive: true, force: true }),
  };
}

/**
 * For a test file: builds the worker before its tests and removes it after them. `worker.path` is readable
 * inside the tests.
 */
export function useBuiltWorker(): { readonly path: string } {
  let built: BuiltWorker | undefined;
  beforeAll(async () => {
    built = await buildWorker();
  });
  afterAll(() => built?.dispose());
  return {
    get path() {
      if (!built) throw new Error('The torture worker is built in beforeAll; read its path inside a test');
      return built.path;
    },
  };
}
