#!/usr/bin/env node
/**
 * `npm run lint`: ESLint, Prettier's check and the layer check (dependency-cruiser, .dependency-cruiser.cjs),
 * all three at once. Each is one single-threaded process, so side by side they take the time of the slowest
 * rather than of all three, on a 2-core machine too. Each one's output is printed whole when it ends, with its
 * time; the exit code is 1 if any of them failed.
 *
 * ESLint and Prettier keep a cache in node_modules/.cache keyed by file content, so a second run rechecks only
 * changed files (ESLint's cache is also dropped when its configuration changes).
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = ['--cache', '--cache-strategy', 'content'];
const CHECKS = [
  {
    name: 'eslint',
    args: ['--max-warnings', '0', ...CACHE, '--cache-location', 'node_modules/.cache/eslint/', '.'],
  },
  { name: 'prettier', args: ['--check', ...CACHE, '.'] },
  // Uncached: it takes a few seconds, and a stale answer here would hide a broken layer.
  { name: 'depcruise', args: ['src', 'test', 'e2e', 'scripts', 'bin', 'bench'] },
];

function run({ name, args }) {
  const started = performance.now();
  const child = spawn(join(root, 'node_modules', '.bin', name), args, { cwd: root });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => {
    child.on('error', (error) => resolve({ name, ok: false, output: String(error), seconds: 0 }));
    child.on('close', (code) =>
      resolve({ name, ok: code === 0, output, seconds: (performance.now() - started) / 1000 }),
    );
  });
}

const results = await Promise.all(CHECKS.map(run));
for (const { name, ok, output, seconds } of results) {
  console.log(`── ${name}: ${ok ? 'passed' : 'FAILED'} in ${seconds.toFixed(1)} s`);
  if (output.trim()) console.log(output.trimEnd());
}
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
