#!/usr/bin/env node
/**
 * `npm start` (after the build): the Electron app when its binary is installed; otherwise one line saying so,
 * and the same UI in a Chromium or Chrome app window served by the browser host on 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    // The electron package exports the path of its binary, and throws when the binary was never downloaded.
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const args = process.argv.slice(2);
const electron = process.env.SPANLIGHT_BROWSER_MODE === '1' ? null : electronBinary();
const child = electron
  ? spawn(electron, [root, ...args], { stdio: 'inherit' })
  : (console.log(
      'Electron binary not installed: opening Spanlight in a Chromium app window instead (browser mode).',
    ),
    spawn(process.execPath, [join(root, 'out/main/host.js'), ...args], { stdio: 'inherit' }));
child.on('exit', (code) => process.exit(code ?? 0));
