// The layers of src/ (README, "How it is built"), checked by dependency-cruiser in `npm run lint`. Each rule
// says why it exists; a violation prints the rule's name and the import that broke it.
//
// The layer rules judge shipped code. Tests are left out of them on purpose: a test stands outside the layers and
// may drive a lower layer through a higher one (src/core/jobs/jobs.test.ts runs jobs through the browser host,
// src/core/db/sharedProject.test.ts a shared project through the CLI). Tests still count for cycles and for
// who reaches the repositories.
const TEST = '\\.test\\.tsx?$';
// Node's built-in modules (node:fs, path...) are resolved to their bare names; packages to node_modules/.
const BUILTIN = ['core'];

/** A rule on shipped code under `from` (tests left out, see above): no import may match `to`. */
function shipped(name, from, to, comment) {
  return { name, comment, severity: 'error', from: { path: from, pathNot: TEST }, to };
}

/** A rule that shipped code under `from` imports nothing under src/ but the folders in `allowed`. */
function onlySrc(name, from, allowed, comment) {
  return shipped(name, from, { path: '^src/', pathNot: allowed.map((folder) => `^src/${folder}/`) }, comment);
}

module.exports = {
  forbidden: [
    shipped(
      'shared-is-portable',
      '^src/shared/',
      { pathNot: ['^src/shared/', '^node_modules/zod/'] },
      'src/shared runs in the renderer, the preload, Electron main, the browser host and the CLI alike: it may ' +
        'import only itself and zod, never a Node built-in, a DOM library or any other package.',
    ),
    onlySrc(
      'core-sits-on-shared',
      '^src/core/',
      ['core', 'shared'],
      'src/core is the plain Node domain that Electron main, the browser host, the CLI and the tortures all ' +
        'run: it must not know which of them runs it, so it never imports main, host, cli, renderer or preload.',
    ),
    onlySrc(
      'main-sits-on-core',
      '^src/main/',
      ['main', 'core', 'shared'],
      'src/main is the Electron shell over src/core; the browser host and the CLI are other shells over the ' +
        'same core, and the renderer is a separate process reached only through the contract.',
    ),
    onlySrc(
      'host-sits-on-core',
      '^src/host/',
      ['host', 'core', 'shared'],
      'src/host serves the contract over HTTP from src/core; it must run where Electron and the CLI are absent, ' +
        'and the renderer is only served as built files, never imported.',
    ),
    onlySrc(
      'cli-sits-on-core',
      '^src/cli/',
      ['cli', 'core', 'shared'],
      'src/cli runs src/core from a terminal, without Electron, the browser host or the renderer.',
    ),
    {
      name: 'electron-only-in-main-and-preload',
      comment:
        'Only the Electron main process (src/main) and the preload may import electron: the domain, the browser ' +
        'host and the CLI run where the Electron binary is absent (CI, air-gapped machines). Scripts outside ' +
        'the app (scripts/start.js, lint-security.js) may, to find the binary and its version.',
      severity: 'error',
      from: { path: '^(src|test|e2e)/', pathNot: ['^src/main/', '^src/preload/'] },
      to: { path: '^node_modules/electron/' },
    },
    shipped(
      'preload-is-the-contract',
      '^src/preload/',
      { pathNot: ['^src/(preload|shared)/', '^node_modules/electron/'] },
      'The sandboxed preload exposes one function per contract channel: it imports src/shared and electron ' +
        '(contextBridge, ipcRenderer) and nothing else, since a sandboxed preload cannot load Node modules.',
    ),
    onlySrc(
      'renderer-sits-on-shared',
      '^src/renderer/',
      ['renderer', 'shared'],
      'The renderer is a web page that reaches the app only through the contract (Electron IPC or the ' +
        'browser host): it imports src/renderer, src/shared and browser packages, never another layer.',
    ),
    shipped(
      'renderer-has-no-node',
      '^src/renderer/',
      { dependencyTypes: BUILTIN },
      'The renderer runs sandboxed without Node integration: a Node built-in would fail at run time (or be ' +
        'bundled as a stub), so none is imported.',
    ),
    shipped(
      'no-tests-in-production',
      '^src/',
      { path: '^(test|e2e)/' },
      'Shipped code never imports test support, fixtures or e2e specs: they are not built into the app, and ' +
        'a fixture reached from production would make behaviour depend on test code.',
    ),
    {
      name: 'no-runtime-cycles',
      comment:
        'A runtime import cycle makes module initialisation order matter (a value read before it is defined) ' +
        'and ties the modules of the cycle into one. A cycle with a type-only import in it is erased when ' +
        'compiled, so it is allowed.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'repositories-behind-services',
      comment:
        'src/core/repositories holds all the SQL. Their write methods are meant to be reached only through the ' +
        'services of src/core/project, which write each change and its change-log row in one transaction (the log ' +
        'undo, redo and the team server replay); a write from anywhere else would skip the log. Only the ' +
        'project services and the export reader (src/core/export/dataset.ts, reads only) import them; the ' +
        'importer writes through ImportService, and everything else gets the reads `Project` exposes (its ' +
        'repository fields are typed to their reads). A new writer goes through a service, not into this list.',
      severity: 'error',
      from: { pathNot: ['^src/core/repositories/', '^src/core/project/', '^src/core/export/dataset\\.ts$'] },
      to: { path: '^src/core/repositories/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'repository-types-behind-services',
      comment:
        "A repository's row types describe the SQL tables: besides the services, only the export reader and the " +
        'importer (src/core/import/textDocument.ts, the shape of a new document) use them, as types alone.',
      severity: 'error',
      from: {
        pathNot: [
          '^src/core/repositories/',
          '^src/core/project/',
          '^src/core/export/dataset\\.ts$',
          '^src/core/import/textDocument\\.ts$',
        ],
      },
      to: { path: '^src/core/repositories/', dependencyTypes: ['type-only'] },
    },
    {
      name: 'everything-resolves',
      comment:
        'An import the cruiser cannot resolve escapes every rule above (a lost @shared alias would silence ' +
        'them all), so it fails here too; the compiler reports the same import more fully.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: '^node_modules/' },
    // Parse with TypeScript itself, so type-only imports are seen and marked (the cycle rule needs them).
    tsPreCompilationDeps: true,
    // The @shared alias, as the compiler resolves it. tsconfig.web.json maps it the same way for the renderer.
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
