#!/usr/bin/env node
/**
 * `npm run lint:security`: Electronegativity over what the Electron app is made of (the main process, the
 * preload, and the renderer's index.html with its CSP), for the Electron version installed. Fails on
 *   - a high or medium finding that electronegativity.json does not justify, with a reason, for that file;
 *   - a file Electronegativity cannot parse (a finding in it would go unseen);
 *   - a justification no finding needs any more (so the list says what is true today).
 * Tests are left out: they are not shipped, and window.test.ts stands in for Electron on purpose.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronegativity = require('@doyensec/electronegativity');
const config = JSON.parse(readFileSync(join(root, 'electronegativity.json'), 'utf8'));
const SCANNED = ['src/main', 'src/core', 'src/host', 'src/preload', 'src/renderer/index.html'];
const FAILING = new Set(['HIGH', 'MEDIUM']);

const isShipped = (path) =>
  !/\.test\.tsx?$/.test(path) && !relative(root, path).split(sep).join('/').startsWith('test/');

function stage() {
  const dir = mkdtempSync(join(tmpdir(), 'spanlight-electronegativity-'));
  for (const path of SCANNED)
    cpSync(join(root, path), join(dir, path), { recursive: true, filter: isShipped });
  return dir;
}

const stageDir = stage();
let failures = [];
try {
  const electronVersion = require('electron/package.json').version;
  const { issues, errors } = await electronegativity({
    input: stageDir,
    isRelative: true,
    electronVersionOverride: electronVersion,
    excludeFromScan: config.excludedChecks.map((c) => c.check),
  });

  failures = errors.map((e) => `cannot parse ${relative(stageDir, e.file)}: ${e.message}`);
  const used = new Set();
  const report = [];
  for (const issue of issues) {
    const where = `${issue.id} (${issue.severity.name}, ${issue.confidence.name}) in ${issue.file}:${issue.location.line}`;
    if (!FAILING.has(issue.severity.name)) {
      report.push(`  ${where}: below medium, reported only`);
      continue;
    }
    const justification = config.justified.find((j) => j.check === issue.id && j.file === issue.file);
    if (!justification) {
      failures.push(
        `${where} is not justified in electronegativity.json: ${issue.description} ${issue.shortenedURL}`,
      );
      continue;
    }
    used.add(justification);
    report.push(`  ${where}: justified, ${justification.reason}`);
  }
  for (const justification of config.justified) {
    if (!used.has(justification))
      failures.push(
        `electronegativity.json justifies ${justification.check} in ${justification.file}, which no longer occurs: remove it`,
      );
  }

  console.log(
    `Electronegativity on ${SCANNED.join(', ')} for Electron ${electronVersion}: ${issues.length} findings`,
  );
  if (report.length) console.log(report.join('\n'));
  for (const { check, reason } of config.excludedChecks) console.log(`  ${check} not run: ${reason}`);
} finally {
  rmSync(stageDir, { recursive: true, force: true });
}

if (failures.length) {
  console.error(`\nlint:security failed:\n${failures.map((f) => `  ${f}`).join('\n')}`);
  process.exit(1);
}
console.log('lint:security: no unjustified high or medium finding');
