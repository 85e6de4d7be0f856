// Issue 15: every import keeps the file a document came from and the provenance the file gives.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportOptions } from '@shared/datasets';
import type { ImportReport } from '@shared/model';
import { Project } from '../project/project';
import { steppingClock, useTempDirs } from '../../../test/support/fixtures';
import { Importer } from './importer';
import { sourceFromBytes, sourcesFromPaths, type ImportSource } from './sources';

const temp = useTempDirs();
let project: Project;
beforeEach(() => (project = Project.inMemory(steppingClock())));
afterEach(() => project.close());

const source = (name: string, text: string) => sourceFromBytes(name, Buffer.from(text, 'utf8'));
const jsonl = (...lines: unknown[]) => lines.map((line) => JSON.stringify(line)).join('\n') + '\n';

function importOk(sources: ImportSource[], options: Partial<ImportOptions> = {}): ImportReport {
  const report = new Importer(project, options).importAll(sources);
  expect(report.rejected).toEqual([]);
  return report;
}

function rejection(sources: ImportSource[], options: Partial<ImportOptions> = {}): string {
  const report = new Importer(project, options).importAll(sources);
  expect(report.imported).toEqual([]);
  expect(project.documents.count()).toBe(0);
  return report.rejected.map((r) => r.reason).join('\n');
}

const metaOf = (documentId: string) => project.documents.meta(documentId);
const onlyMeta = () => [...project.documents.metaById().values()];

describe('file names', () => {
  it('a folder of text files keeps each file’s path; each document of a many-document file keeps that file', () => {
    const dir = join(temp.make(), 'reports');
    mkdirSync(join(dir, 'october'), { recursive: true });
    writeFileSync(join(dir, 'october', 'a 10.txt'), 'Ten fighters were killed');
    writeFileSync(join(dir, 'a 2.txt'), 'قتل عشرة مقاتلين');
    importOk(sourcesFromPaths([dir]).sources);
    importOk([source('batch.jsonl', jsonl({ text: 'one article' }, { text: 'another article' }))]);
    expect(onlyMeta().map((m) => [m.fileName, m.language])).toEqual([
      [join('reports', 'a 2.txt'), 'ar'],
      [join('reports', 'october', 'a 10.txt'), 'en'],
      ['batch.jsonl', 'en'],
      ['batch.jsonl', 'en'],
    ]);
  });
});

describe('canonical JSONL "meta"', () => {
  it('fills the known keys, keeps every other key in extra, and keeps the file the document first came from', () => {
    const line = {
      id: 'doc-1',
      text: 'قالت مصادر إن 93 مقاتلا قتلوا',
      meta: {
        title: 'A title',
        outlet: 'North Press',
        published: '2020-10-05',
        url: 'https://npasyria.com/en/1',
        external_id: 4711,
        file_name: 'scrape/north-press-1.html',
        section: 'world',
        tags: ['karabakh', 'syria'],
      },
    };
    // A key JSON.parse makes an own key, which an assignment in code could not.
    const withProto = JSON.stringify(line).replace('"section"', '"__proto__":"kept as a key","section"');
    const report = importOk([source('export.jsonl', withProto + '\n')]);
    expect(report.imported[0]).toMatchObject({ documentId: 'doc-1', title: 'A title' });
    expect(metaOf('doc-1')).toEqual({
      fileName: 'scrape/north-press-1.html',
      outlet: 'North Press',
      published: '2020-10-05',
      url: 'https://npasyria.com/en/1',
      language: 'ar',
      externalId: '4711',
      extra: { section: 'world', tags: ['karabakh', 'syria'], ['__proto__']: 'kept as a key' },
    });
    expect(Object.hasOwn(metaOf('doc-1')!.extra, '__proto__')).toBe(true);
  });

  it('takes the file’s language over the one the text suggests', () => {
    importOk([source('a.jsonl', jsonl({ id: 'x', text: 'Mostly Latin text', meta: { language: 'fr' } }))]);
    expect(metaOf('x')!.language).toBe('fr');
  });

  it('rejects the whole file on bad metadata, naming the file, the line and the key', () => {
    const reason = rejection([
      source(
        'bad.jsonl',
        jsonl(
          { text: 'fine', meta: { outlet: 'A' } },
          { text: 'bad date', meta: { published: '05/10/2020' } },
          { text: 'bad language', meta: { language: 'Arabic language' } },
          { text: 'long outlet', meta: { outlet: 'x'.repeat(301) } },
        ),
      ),
    ]);
    expect(reason.split('\n')).toEqual([
      expect.stringMatching(/^bad\.jsonl:2: metadata published: an ISO 8601 date/),
      expect.stringMatching(/^bad\.jsonl:3: metadata language: a BCP 47 language tag/),
      'bad.jsonl:4: metadata outlet: at most 300 characters',
    ]);
  });

  it('reads the same from a file on disk, a line at a time', () => {
    const path = join(temp.make(), 'disk.jsonl');
    writeFileSync(
      path,
      jsonl({ id: 'd', text: 'Some text', meta: { outlet: 'SANA', published: 'yesterday' } }),
    );
    const report = new Importer(project).importAll(sourcesFromPaths([path]).sources);
    expect(report.rejected[0]!.reason).toMatch(/^disk\.jsonl:1: metadata published:/);
    writeFileSync(
      path,
      jsonl({ id: 'd', text: 'Some text', meta: { outlet: 'SANA', published: '2020-10-01' } }),
    );
    importOk(sourcesFromPaths([path]).sources);
    expect(metaOf('d')).toMatchObject({ fileName: 'disk.jsonl', outlet: 'SANA', published: '2020-10-01' });
  });
});

describe('doccano', () => {
  it('reads meta and the top-level keys doccano does not use', () => {
    importOk([
      source(
        'doccano.jsonl',
        jsonl({
          id: 7,
          text: 'Armenia says 4,000 were sent',
          label: [[13, 18, 'number']],
          Comments: [],
          source_file: 'am.txt',
          meta: { outlet: 'Asbarez', published: '2020-10-02T09:00:00Z', id: 7 },
        }),
      ),
    ]);
    expect(metaOf('7')).toEqual({
      fileName: 'doccano.jsonl',
      outlet: 'Asbarez',
      published: '2020-10-02T09:00:00Z',
      url: null,
      language: 'en',
      externalId: null,
      extra: { Comments: [], source_file: 'am.txt' },
    });
  });
});

describe('Label Studio', () => {
  it('reads the task’s other data keys and its meta', () => {
    const tasks = [
      {
        id: 1,
        data: { text: 'Azerbaijan denies any are there', outlet: 'APA', spanlight_id: 'ls-1', page: 3 },
        meta: { published: '2020-10-03', url: 'https://apa.az/1' },
        annotations: [],
      },
    ];
    importOk([source('tasks.json', JSON.stringify(tasks))]);
    expect(metaOf('ls-1')).toEqual({
      fileName: 'tasks.json',
      outlet: 'APA',
      published: '2020-10-03',
      url: 'https://apa.az/1',
      language: 'en',
      externalId: null,
      extra: { page: 3 },
    });
  });

  it('names the task’s line when its metadata is bad', () => {
    const tasks =
      '[\n{"data": {"text": "x y"}},\n{"data": {"text": "z"}, "meta": {"published": "2020-02-30"}}\n]';
    expect(rejection([source('tasks.json', tasks)])).toMatch(/^tasks\.json:3: metadata published:/);
  });
});

describe('CSV metadata columns', () => {
  const csv =
    'text,source,date,section\n"Reports of 93 killed",SOHR,2020-10-05,war\n"72 killed",North Press,,\n';

  it('maps columns to keys; an unknown key goes to extra; an empty cell is nothing known, not a key', () => {
    importOk([source('articles.csv', csv)], {
      format: 'csv',
      csv: { textColumn: 'text', metaColumns: { outlet: 'source', published: 'date', topic: 'section' } },
    });
    expect(
      onlyMeta().map(({ fileName, outlet, published, extra }) => ({ fileName, outlet, published, extra })),
    ).toEqual([
      { fileName: 'articles.csv', outlet: 'SOHR', published: '2020-10-05', extra: { topic: 'war' } },
      { fileName: 'articles.csv', outlet: 'North Press', published: null, extra: {} },
    ]);
  });

  it('names the row of a bad date, and a mapped column that is missing', () => {
    const bad = 'text,date\nfine,2020-10-05\nnot fine,5 October\n';
    expect(
      rejection([source('bad.csv', bad)], {
        format: 'csv',
        csv: { textColumn: 'text', metaColumns: { published: 'date' } },
      }),
    ).toMatch(/^bad\.csv:3: metadata published: an ISO 8601 date/);
    expect(
      rejection([source('bad.csv', bad)], {
        format: 'csv',
        csv: { textColumn: 'text', metaColumns: { outlet: 'source' } },
      }),
    ).toBe('bad.csv:1: no outlet metadata column "source" (columns: text, date)');
  });
});
