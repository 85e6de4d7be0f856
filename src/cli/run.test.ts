import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Project } from '../core/project/project';
import {
  CollectingWritable,
  SAMPLE_ARTICLES_DIR,
  createProjectFile,
  parseCsv,
  sampleArticles,
  sha256File,
  useTempDirs,
} from '../../test/support/fixtures';
import { exportDataset } from '../core/export/exporter';
import { CSV_COLUMNS } from '../core/export/formats/csv';
import { runCliCollecting } from '../../test/support/cli';
import { USAGE } from './run';

const temp = useTempDirs();

/** Runs the CLI in-process and keeps what it printed. */
const cli = runCliCollecting;

const SPANS_JSONL =
  [
    {
      id: 'doc-1',
      text: 'Claims\nThe army said 3 drones fell.',
      spans: [
        { start: 7, end: 29, label: 'claim' },
        { start: 21, end: 22, label: 'number' },
      ],
    },
    {
      id: 'doc-2',
      text: 'Denial\nThe ministry denied it.',
      spans: [{ start: 20, end: 26, label: 'denial', text: 'denied' }],
    },
  ]
    .map((line) => JSON.stringify(line))
    .join('\n') + '\n';

describe('a session: import, stats, export', () => {
  let dir: string;
  let projectPath: string;

  beforeAll(() => {
    dir = temp.make();
    projectPath = join(dir, 'cli.spanlight');
  });

  it('imports the sample articles into a new project and prints one line per file and a summary', async () => {
    const { code, out, err } = await cli('import', projectPath, SAMPLE_ARTICLES_DIR);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(existsSync(projectPath)).toBe(true);
    expect(out).toHaveLength(7);
    sampleArticles().forEach((file, i) => {
      expect(out[i]).toMatch(
        new RegExp(`^imported  articles/${file.split('/').pop()!.replace('.', '\\.')}  ".+"$`),
      );
    });
    expect(out[6]).toBe('6 imported, 0 skipped, 0 rejected');
  });

  it('skips them the second time and imports spans from canonical JSONL', async () => {
    const jsonlPath = join(dir, 'spans.jsonl');
    writeFileSync(jsonlPath, SPANS_JSONL);
    const { code, out, err } = await cli('import', projectPath, SAMPLE_ARTICLES_DIR, jsonlPath);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out.filter((line) => line.startsWith('skipped   articles/'))).toHaveLength(6);
    expect(out).toContain('imported  spans.jsonl:1  "Claims" (2 spans)');
    expect(out).toContain('imported  spans.jsonl:2  "Denial" (1 spans)');
    expect(out.at(-1)).toBe('2 imported, 6 skipped, 0 rejected');
  });

  it('prints stats as JSON', async () => {
    const { code, out, err } = await cli('stats', projectPath, '--json');
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(out).toHaveLength(1);
    expect(JSON.parse(out[0]!)).toEqual({
      documents: 8,
      documentsByStatus: { todo: 8 },
      spans: 3,
      spansByLabel: { claim: 1, denial: 1, number: 1 },
    });
  });

  it('prints stats as text', async () => {
    const { code, out } = await cli('stats', projectPath);
    expect(code).toBe(0);
    expect(out).toEqual([
      'documents: 8',
      '  todo: 8',
      'spans: 3',
      '  claim: 1',
      '  denial: 1',
      '  number: 1',
    ]);
  });

  it('exports JSONL and CSV with the project content', async () => {
    for (const format of ['jsonl', 'csv'] as const) {
      const outPath = join(dir, `dataset.${format}`);
      const { code, out, err } = await cli('export', projectPath, '--format', format, '--out', outPath);
      expect(err).toEqual([]);
      expect(code).toBe(0);
      expect(out).toEqual([`exported 8 documents, 3 spans to ${outPath}`]);
      const project = Project.open(projectPath);
      try {
        const expected = new CollectingWritable();
        await exportDataset(project, format, expected);
        expect(readFileSync(outPath, 'utf8')).toBe(expected.text);
      } finally {
        project.close();
      }
    }
    expect(readFileSync(join(dir, 'dataset.jsonl'), 'utf8').trimEnd().split('\n')).toHaveLength(8);
    const rows = parseCsv(readFileSync(join(dir, 'dataset.csv'), 'utf8'));
    expect(rows.slice(1).map((row) => [row[0], row[5], row[6]])).toEqual([
      ['doc-1', 'claim', 'The army said 3 drones'],
      ['doc-1', 'number', '3'],
      ['doc-2', 'denial', 'denied'],
    ]);
  });
});

describe('regression: imported text reaches the terminal with its control characters shown, not obeyed', () => {
  // OSC 52 writes the clipboard; CSI 2J clears the screen, CSI 1A moves the cursor up; U+009B is the C1 CSI;
  // OSC 0 sets the window title; U+202E reorders what follows.
  const OSC52_TITLE = 'Report \x1b]52;c;cm0gLXJmIH4=\x07 ends';
  const CSI_LABEL = 'claim\x1b[2J\x1b[1A\u009b31m';
  const EVIL_FILE = 'evil\x1b]0;pwned\x07\r.txt';
  /** Any character a terminal would act on rather than show (tab and newline are the CLI's own layout). */
  // eslint-disable-next-line no-control-regex -- matching the control characters is the point
  const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/;

  it('import, stats, stats --json and export print them escaped', async () => {
    const dir = temp.make();
    const projectPath = join(dir, 'hostile.spanlight');
    const jsonl = join(dir, 'hostile.jsonl');
    writeFileSync(
      jsonl,
      JSON.stringify({
        id: 'h1',
        text: `${OSC52_TITLE}\nThe army said 3 drones fell.`,
        spans: [{ start: 0, end: 6, label: CSI_LABEL }],
      }) + '\n',
    );
    writeFileSync(join(dir, EVIL_FILE), Buffer.from([0x61, 0x00, 0x62]));
    const runs = [
      await cli('import', projectPath, jsonl, join(dir, EVIL_FILE)),
      await cli('stats', projectPath),
      await cli('stats', projectPath, '--json'),
      await cli(
        'export',
        projectPath,
        '--format',
        'jsonl',
        '--out',
        join(dir, 'out.jsonl'),
        '--label',
        'a\x1b[1Ab',
      ),
    ];
    for (const line of runs.flatMap((run) => [...run.out, ...run.err]))
      expect(line, JSON.stringify(line)).not.toMatch(RAW_CONTROL);

    const [imported, stats, json, exported] = runs;
    expect(imported!.out).toContain(
      'imported  hostile.jsonl:1  "Report ␛]52;c;cm0gLXJmIH4=␇ ends" (1 spans)',
    );
    expect(imported!.err).toEqual([`rejected  evil␛]0;pwned␇␍.txt: it looks binary (a NUL byte at byte 1)`]);
    expect(stats!.out).toContain('  claim␛[2J␛[1A<U+009B>31m: 1');
    // The JSON is still the stored value, byte for byte once parsed.
    expect(JSON.parse(json!.out[0]!).spansByLabel[CSI_LABEL]).toBe(1);
    expect(exported!.err).toEqual(['spanlight: the project has no label "a\\u001b[1Ab"']);
  });

  it('terminal output of a title with a bidi override shows the override', async () => {
    const dir = temp.make();
    const file = join(dir, 'note.txt');
    writeFileSync(file, 'safe\u202egnp.exe\nbody');
    const { out } = await cli('import', join(dir, 'p.spanlight'), file);
    expect(out[0]).toBe('imported  note.txt  "safe<U+202E>gnp.exe"');
  });
});

describe('export --excel (finding 9: CSV formula injection)', () => {
  it('writes CSV for a spreadsheet: a BOM, formula cells prefixed, and says how many on stderr', async () => {
    const dir = temp.make();
    const projectPath = join(dir, 'excel.spanlight');
    const jsonlPath = join(dir, 'formula.jsonl');
    const text = '=HYPERLINK("https://example.com","x")\nbody';
    writeFileSync(
      jsonlPath,
      JSON.stringify({ id: 'd', text, spans: [{ start: 0, end: 10, label: 'claim' }] }) + '\n',
    );
    expect((await cli('import', projectPath, jsonlPath)).code).toBe(0);
    const exactPath = join(dir, 'exact.csv');
    expect(await cli('export', projectPath, '--format', 'csv', '--out', exactPath)).toMatchObject({
      code: 0,
      err: [],
    });
    const excelPath = join(dir, 'excel.csv');
    const { code, out, err } = await cli(
      'export',
      projectPath,
      '--format',
      'csv',
      '--out',
      excelPath,
      '--excel',
    );
    expect(code).toBe(0);
    expect(out).toEqual([`exported 1 documents, 1 spans to ${excelPath}`]);
    expect(err).toEqual([
      "warning: csv: 3 cells starting with = + - @, tab or carriage return were prefixed with ' so that a spreadsheet shows them as text",
    ]);
    const exact = readFileSync(exactPath, 'utf8');
    const excel = readFileSync(excelPath, 'utf8');
    expect(exact.startsWith('doc_id,')).toBe(true);
    expect(excel.startsWith('\ufeffdoc_id,')).toBe(true);
    const exactRow = parseCsv(exact)[1]!;
    const excelRow = parseCsv(excel.slice(1))[1]!;
    expect(exactRow[1]).toBe('=HYPERLINK("https://example.com","x")');
    expect(excelRow[1]).toBe(`'${exactRow[1]}`);
    expect(excelRow[6]).toBe(`'${exactRow[6]}`);
    expect(excelRow[CSV_COLUMNS.indexOf('document_text')]).toBe(`'${text}`);
  });
});

describe('bad arguments exit 2 with one spanlight: line', () => {
  it.each([
    [
      'an unknown command',
      ['frobnicate'],
      /^spanlight: unknown command "frobnicate" \(see spanlight --help\)$/,
    ],
    [
      'import without paths',
      ['import', 'p.spanlight'],
      /^spanlight: import needs a project and at least one path/,
    ],
    ['import without anything', ['import'], /^spanlight: import needs a project/],
    [
      'export without --format',
      ['export', 'p.spanlight', '--out', 'x.jsonl'],
      /^spanlight: --format must be one of jsonl, csv/,
    ],
    [
      'export with an unknown format',
      ['export', 'p.spanlight', '--format', 'xml', '--out', 'x'],
      /--format must be one of/,
    ],
    [
      'export without --out',
      ['export', 'p.spanlight', '--format', 'csv'],
      /^spanlight: --out <file> is required/,
    ],
    [
      'export without a project',
      ['export', '--format', 'csv', '--out', 'x.csv'],
      /^spanlight: export needs exactly one project/,
    ],
    [
      'export with two projects',
      ['export', 'a', 'b', '--format', 'csv', '--out', 'x.csv'],
      /export needs exactly one project/,
    ],
    [
      '--excel with another format than CSV',
      ['export', 'p.spanlight', '--format', 'jsonl', '--out', 'x.jsonl', '--excel'],
      /^spanlight: --excel is for --format csv/,
    ],
    ['stats without a project', ['stats'], /^spanlight: stats needs exactly one project/],
    ['an unknown option', ['stats', 'p.spanlight', '--bogus'], /^spanlight: .*--bogus/],
    [
      'an option without its value',
      ['export', 'p.spanlight', '--out', 'x.csv', '--format'],
      /^spanlight: .*--format/,
    ],
  ])('%s', async (_name, argv, message) => {
    const dir = temp.make();
    const { code, out, err } = await cli(...argv.map((arg) => (arg.includes('.') ? join(dir, arg) : arg)));
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(message);
  });

  it('no arguments prints the usage and exits 2; --help exits 0', async () => {
    expect(await cli()).toEqual({ code: 2, out: [USAGE], err: [] });
    expect(await cli('--help')).toEqual({ code: 0, out: [USAGE], err: [] });
  });
});

describe('failures exit 1 and change nothing', () => {
  it('import with an input that does not exist creates no project', async () => {
    const dir = temp.make();
    const projectPath = join(dir, 'never.spanlight');
    const missing = join(dir, 'missing.txt');
    const { code, err } = await cli('import', projectPath, SAMPLE_ARTICLES_DIR, missing);
    expect(code).toBe(1);
    expect(err).toEqual([`spanlight: ${missing} does not exist`]);
    expect(existsSync(projectPath)).toBe(false);
  });

  it.each([['stats'], ['export']])('%s of a project that does not exist creates none', async (command) => {
    const projectPath = join(temp.make(), 'absent.spanlight');
    const extra = command === 'export' ? ['--format', 'jsonl', '--out', `${projectPath}.jsonl`] : [];
    const { code, err } = await cli(command, projectPath, ...extra);
    expect(code).toBe(1);
    expect(err).toEqual([`spanlight: ${projectPath} does not exist`]);
    expect(existsSync(projectPath)).toBe(false);
    expect(existsSync(`${projectPath}.jsonl`)).toBe(false);
  });

  it('export, stats and import on a file that is not a project leave it byte for byte', async () => {
    const dir = temp.make();
    const notAProject = join(dir, 'notes.spanlight');
    writeFileSync(notAProject, 'These are my notes, not a database.\n'.repeat(10));
    const hash = sha256File(notAProject);
    const outPath = join(dir, 'out.jsonl');
    for (const argv of [
      ['export', notAProject, '--format', 'jsonl', '--out', outPath],
      ['stats', notAProject],
      ['import', notAProject, sampleArticles()[0]!],
    ]) {
      const { code, err } = await cli(...argv);
      expect(code).toBe(1);
      expect(err).toEqual([
        'spanlight: notes.spanlight is not a Spanlight project: it is not a SQLite database',
      ]);
      expect(sha256File(notAProject)).toBe(hash);
    }
    expect(existsSync(outPath)).toBe(false);
    expect(existsSync(`${notAProject}-wal`)).toBe(false);
  });

  it('import with a rejected file exits 1, imports the rest and names the rejected file', async () => {
    const dir = temp.make();
    const projectPath = join(dir, 'partial.spanlight');
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const good = sampleArticles()[3]!;
    const { code, out, err } = await cli('import', projectPath, good, empty);
    expect(code).toBe(1);
    expect(err).toEqual(['rejected  empty.txt: it is empty']);
    expect(out.at(-1)).toBe('1 imported, 0 skipped, 1 rejected');
    expect((await cli('stats', projectPath, '--json')).out).toEqual([
      JSON.stringify({
        documents: 1,
        documentsByStatus: { todo: 1 },
        spans: 0,
        spansByLabel: { claim: 0, denial: 0, number: 0 },
      }),
    ]);
  });

  it('import of a rejected JSONL prints every problem line under the file', async () => {
    const dir = temp.make();
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"text": "abc", "spans": [{"start": 0, "end": 9, "label": "claim"}]}\nnot json\n');
    const { code, err } = await cli('import', join(dir, 'p.spanlight'), bad);
    expect(code).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]!.split('\n')).toEqual([
      expect.stringMatching(/^rejected {2}bad\.jsonl: bad\.jsonl:1: span 1: end 9 is past the end/),
      expect.stringMatching(/^ {10}bad\.jsonl:2: not valid JSON/),
    ]);
  });
});

describe('dataset formats on the command line', () => {
  it('imports a CSV with chosen columns, exports brat to a folder and filtered JSONL, and re-imports the brat folder', async () => {
    const dir = temp.make();
    const projectPath = join(dir, 'formats.spanlight');
    const csvPath = join(dir, 'articles.csv');
    writeFileSync(csvPath, 'key,headline,body\na1,First,"The army said 3 drones fell."\n');
    const imported = await cli(
      'import',
      projectPath,
      csvPath,
      '--format',
      'csv',
      '--text-column',
      'body',
      '--title-column',
      'headline',
      '--id-column',
      'key',
    );
    expect(imported.err).toEqual([]);
    expect(imported.out).toEqual(['imported  articles.csv:2  "First"', '1 imported, 0 skipped, 0 rejected']);
    const project = Project.open(projectPath);
    project.annotationService.create({ documentId: 'a1', start: 0, end: 27, labelId: 'claim' });
    project.annotationService.create({ documentId: 'a1', start: 14, end: 15, labelId: 'number' });
    project.close();

    const bratDir = join(dir, 'brat');
    expect(await cli('export', projectPath, '--format', 'brat', '--out', bratDir)).toEqual({
      code: 0,
      out: [`exported 1 documents, 2 spans to ${bratDir}`],
      err: [],
    });
    expect(readFileSync(join(bratDir, 'a1.ann'), 'utf8')).toBe(
      'T1\tclaim 0 27\tThe army said 3 drones fell\nT2\tnumber 14 15\t3\n',
    );

    const filtered = join(dir, 'numbers.jsonl');
    expect(
      (
        await cli(
          'export',
          projectPath,
          '--format',
          'jsonl',
          '--out',
          filtered,
          '--label',
          'number',
          '--status',
          // The first annotation took the document from to do to in progress.
          'in_progress',
        )
      ).code,
    ).toBe(0);
    expect(JSON.parse(readFileSync(filtered, 'utf8')).spans.map((s: { label: string }) => s.label)).toEqual([
      'number',
    ]);

    const copy = join(dir, 'copy.spanlight');
    const again = await cli('import', copy, bratDir);
    expect(again.out.at(-1)).toBe('1 imported, 0 skipped, 0 rejected');
    expect((await cli('stats', copy, '--json')).out[0]).toContain('"spans":2');
  });

  it.each([
    [
      'an unknown import format',
      ['import', 'p.spanlight', 'x.txt', '--format', 'xml'],
      /--format must be one of auto, txt, jsonl/,
    ],
    [
      'an unknown status',
      ['export', 'p.spanlight', '--format', 'csv', '--out', 'x.csv', '--status', 'finished'],
      /--status: "finished" is not one of/,
    ],
  ])('%s exits 2', async (_name, argv, message) => {
    const dir = temp.make();
    const { code, err } = await cli(...argv.map((arg) => (arg.includes('.') ? join(dir, arg) : arg)));
    expect(code).toBe(2);
    expect(err[0]).toMatch(message);
  });

  it('exporting a label the project does not have exits 1 and writes nothing', async () => {
    const dir = temp.make();
    const projectPath = createProjectFile(join(dir, 'p.spanlight'));
    const { code, err } = await cli(
      'export',
      projectPath,
      '--format',
      'csv',
      '--out',
      join(dir, 'x.csv'),
      '--label',
      'quote',
    );
    expect({ code, err }).toEqual({ code: 1, err: ['spanlight: the project has no label "quote"'] });
    expect(existsSync(join(dir, 'x.csv'))).toBe(false);
  });
});

describe('export warnings', () => {
  it('prints what the format could not hold: brat and a span that ends on a line break', async () => {
    const dir = temp.make();
    const projectPath = join(dir, 'warn.spanlight');
    const textPath = join(dir, 'claim.txt');
    writeFileSync(textPath, 'Title\nThe army said so.\nEnd.');
    expect((await cli('import', projectPath, textPath)).code).toBe(0);
    const project = Project.open(projectPath);
    const [document] = project.documents.list();
    // "The army said so.\n": the span takes its line's break.
    project.annotationService.create({ documentId: document!.id, start: 6, end: 24, labelId: 'claim' });
    project.close();
    const bratDir = join(dir, 'brat');
    expect(await cli('export', projectPath, '--format', 'brat', '--out', bratDir)).toEqual({
      code: 0,
      out: [`exported 1 documents, 1 spans to ${bratDir}`],
      err: ['warning: brat: spans that start or end on a line break are written without that line break'],
    });
  });
});

describe('import --meta-column (issue 15)', () => {
  it('reads provenance from CSV columns, the option given once or many times', async () => {
    const dir = temp.make();
    const projectPath = join(dir, 'meta.spanlight');
    const csvPath = join(dir, 'reports.csv');
    writeFileSync(csvPath, 'body,source,date,page\n"Reports of 93 killed",SOHR,2020-10-05,4\n');
    const imported = await cli(
      'import',
      projectPath,
      csvPath,
      '--text-column',
      'body',
      '--meta-column',
      'outlet=source, published=date',
      '--meta-column',
      'page=page',
    );
    expect(imported.err).toEqual([]);
    const project = Project.open(projectPath);
    try {
      expect([...project.documents.metaById().values()]).toEqual([
        {
          fileName: 'reports.csv',
          outlet: 'SOHR',
          published: '2020-10-05',
          url: null,
          language: 'en',
          externalId: null,
          extra: { page: '4' },
        },
      ]);
    } finally {
      project.close();
    }
  });

  it('a pair that is not key=column is a usage error, and no project is created', async () => {
    const dir = temp.make();
    const projectPath = join(dir, 'never.spanlight');
    writeFileSync(join(dir, 'a.csv'), 'text\nx\n');
    const { code, err } = await cli('import', projectPath, join(dir, 'a.csv'), '--meta-column', 'outlet');
    expect(code).toBe(2);
    expect(err.join('\n')).toContain('--meta-column "outlet": write key=column, e.g. outlet=source');
    expect(existsSync(projectPath)).toBe(false);
  });
});
