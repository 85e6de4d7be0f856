// `npm run bench`: builds the app (electron-vite, as `npm test` does), bundles the benchmark (its TypeScript
// imports the app's domain code, which needs Vite: the `@shared` alias, import.meta.glob) and the peer page,
// then runs bench/src/main.mts. Arguments are passed on: see bench/README.md. Type checking is
// `tsc -p bench/tsconfig.json`.
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const out = join(root, 'bench/.out');

function run(command, args) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, SPANLIGHT_BENCH_ROOT: root },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const started = performance.now();
run('npm', ['run', '--silent', 'build']);
await build({
  configFile: false,
  root,
  logLevel: 'warn',
  resolve: { alias: { '@shared': join(root, 'src/shared') } },
  build: {
    ssr: join(root, 'bench/src/main.mts'),
    outDir: join(out, 'node'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rolldownOptions: { output: { format: 'es', entryFileNames: '[name].mjs' } },
  },
});
await build({
  configFile: false,
  root: join(root, 'bench/peer'),
  base: './',
  logLevel: 'warn',
  build: { outDir: join(out, 'peer'), emptyOutDir: true, target: 'es2022', minify: false },
});
if (process.argv.includes('--prototypes')) {
  const { variants } = JSON.parse(readFileSync(join(root, 'bench/prototypes/variants.json'), 'utf8'));
  for (const variant of variants) {
    const replace = new Map(
      Object.entries(variant.replace).map(([from, to]) => [join(root, from), join(root, to)]),
    );
    // The host serves the renderer next to it (../renderer): a copy of the built host beside the variant's.
    const dir = join(out, 'variants', variant.name);
    rmSync(dir, { recursive: true, force: true });
    cpSync(join(root, 'out/main'), join(dir, 'main'), { recursive: true });
    await build({
      configFile: false,
      root: join(root, 'src/renderer'),
      base: './',
      logLevel: 'warn',
      resolve: { alias: { '@shared': join(root, 'src/shared') } },
      plugins: [
        react(),
        {
          name: 'bench-prototype',
          enforce: 'pre',
          async resolveId(source, importer, options) {
            const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
            return resolved && replace.has(resolved.id) ? replace.get(resolved.id) : null;
          },
        },
      ],
      build: { outDir: join(dir, 'renderer'), emptyOutDir: true, minify: false },
    });
  }
}
console.log(`[bench] built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
run(process.execPath, [join(out, 'node/main.mjs'), ...process.argv.slice(2)]);
