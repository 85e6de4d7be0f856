#!/usr/bin/env node
// The CLI is built with the app (`npm run build`) into out/main/cli.js.
import { existsSync } from 'node:fs';

const cli = new URL('../out/main/cli.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('spanlight: not built yet; run `npm run build` first');
  process.exit(1);
}
await import(cli.href);
