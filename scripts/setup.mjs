#!/usr/bin/env node
/**
 * Run by npm before `npm start` (prestart) and `npm test` (pretest), so that a fresh clone needs only those two
 * commands: installs the dependencies when node_modules is missing or lacks one package.json declares, and checks the system packages the
 * command needs, installing them where it can (root with apt-get) and saying in one line which and how where
 * it cannot. Node builtins only: it runs before anything is installed.
 *
 *   node scripts/setup.mjs start|test
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, lstatSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const command = process.argv[2];
const isRoot = process.getuid?.() === 0;

function run(program, args, env = process.env) {
  return spawnSync(program, args, { cwd: root, stdio: 'inherit', env }).status === 0;
}

function onPath(program) {
  return (process.env.PATH ?? '')
    .split(':')
    .filter(Boolean)
    .some((dir) => {
      try {
        accessSync(join(dir, program), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
}

/** The dependencies package.json declares that node_modules lacks (all of them before the first install). */
function missingDependencies() {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  // npm writes node_modules/.package-lock.json last: without it, an install never finished.
  const installed = existsSync(join(root, 'node_modules', '.package-lock.json'));
  return Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).filter(
    (name) => !installed || !existsSync(join(root, 'node_modules', name, 'package.json')),
  );
}

function installDependencies() {
  const missing = missingDependencies();
  if (missing.length === 0) return;
  const modules = join(root, 'node_modules');
  if (existsSync(modules) && lstatSync(modules).isSymbolicLink()) {
    // Another checkout's node_modules, shared: reinstalling it here would change that checkout too.
    console.error(
      `spanlight: node_modules links to ${realpathSync(modules)}, which lacks ${missing.join(', ')}: run npm ci there.`,
    );
    process.exit(1);
  }
  console.log(
    existsSync(join(modules, '.package-lock.json'))
      ? `The dependencies changed (${missing.join(', ')} missing): reinstalling them (npm ci)...`
      : 'Installing the dependencies (npm ci; better-sqlite3 may compile, a minute or two)...',
  );
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const args = ['ci', '--no-audit', '--no-fund'];
  if (run(npm, args)) return;
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD !== '1') {
    console.log(
      "The install failed, most likely downloading Electron's binary: installing without it; Spanlight will run in browser mode (Chromium).",
    );
    if (run(npm, args, { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })) return;
  }
  console.error('spanlight: npm ci failed (see above); fix that and run the command again.');
  process.exit(1);
}

/**
 * Makes sure each Debian package is there: installed with apt-get when this shell is root, otherwise one line
 * saying which packages are missing and the command that installs them. Answers whether all are there.
 */
function ensureDebianPackages(missing) {
  if (missing.length === 0) return true;
  const names = missing.map((m) => m.package);
  if (isRoot && onPath('apt-get')) {
    console.log(`Installing ${names.join(' ')} with apt-get...`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (run('apt-get', ['update', '-qq'], env) && run('apt-get', ['install', '-y', '-qq', ...names], env))
      return true;
  }
  const how = `${isRoot ? '' : 'sudo '}apt-get install -y ${names.join(' ')}`;
  const what = missing.map((m) => `${m.package} (${m.why})`).join(', ');
  const alternatives = missing.flatMap((m) => (m.alternative ? [m.alternative] : []));
  console.error(
    `spanlight: missing ${what}: install with \`${how}\`${alternatives.length ? `, or ${alternatives.join('; ')}` : ''}.`,
  );
  return false;
}

/** What start.js checks too: the electron package records its binary in path.txt once downloaded. */
function electronBinaryInstalled() {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  return (
    existsSync(pathFile) &&
    existsSync(join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim()))
  );
}

/** Without Electron's binary, `npm start` opens the app in a Chromium-family browser (src/host/browser.ts). */
function startPackages() {
  if (electronBinaryInstalled() && process.env.SPANLIGHT_BROWSER_MODE !== '1') return [];
  if (process.env.SPANLIGHT_BROWSER) return [];
  const { candidates } = JSON.parse(readFileSync(join(root, 'src', 'host', 'browsers.json'), 'utf8'));
  if (candidates.some(onPath)) return [];
  return [
    {
      package: 'chromium',
      why: "the window Spanlight opens in when Electron's binary is absent",
      alternative: 'set SPANLIGHT_BROWSER to a Chromium or Chrome binary',
    },
  ];
}

function testPackages() {
  const missing = [];
  // The e2e tests drive Debian's Chromium (e2e/support/app.ts) unless SPANLIGHT_CHROMIUM names another.
  const chosen = process.env.SPANLIGHT_CHROMIUM;
  if (chosen && !existsSync(chosen)) {
    console.error(`spanlight: SPANLIGHT_CHROMIUM is ${chosen}, which does not exist.`);
    process.exit(1);
  }
  if (!chosen && !existsSync('/usr/bin/chromium'))
    missing.push({
      package: 'chromium',
      why: 'the browser the end-to-end tests drive',
      alternative: 'set SPANLIGHT_CHROMIUM to a Chromium or Chrome binary',
    });
  if (!onPath('python3')) missing.push({ package: 'python3', why: 'checks the offsets of every export' });
  // The export consumer checks (scripts/check_consumers.py) and the agreement reference
  // (scripts/agreement_reference.py) use these from Debian's Python, as .ci/run says.
  for (const [module, pkg, script] of [
    ['pyld', 'python3-pyld', 'check_consumers.py'],
    ['lxml', 'python3-lxml', 'check_consumers.py'],
    ['sklearn', 'python3-sklearn', 'agreement_reference.py'],
    ['statsmodels', 'python3-statsmodels', 'agreement_reference.py'],
    ['nltk', 'python3-nltk', 'agreement_reference.py'],
  ]) {
    const found = spawnSync('/usr/bin/python3', ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0;
    if (!found) missing.push({ package: pkg, why: `scripts/${script} imports ${module}` });
  }
  return missing;
}

if (command !== 'start' && command !== 'test') {
  console.error('usage: node scripts/setup.mjs start|test');
  process.exit(2);
}
installDependencies();
if (command === 'test' && !ensureDebianPackages(testPackages())) process.exit(1);
// The app still starts without a browser: the host prints its address to open by hand.
if (command === 'start') ensureDebianPackages(startPackages());
