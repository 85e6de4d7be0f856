import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCollecting as cli } from '../../test/support/cli';
import { useTempDirs } from '../../test/support/fixtures';
import { Project } from '../core/project/project';

const temp = useTempDirs();

const TEXT = 'Officials said 93 fighters were killed. Baku denied it.';
const OTHER = 'A second article, not in the project yet.';

function jsonl(dir: string, name: string, lines: object[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
  return path;
}

/** A project holding TEXT (no spans) and the path of a folder for sources. */
async function setup() {
  const dir = temp.make();
  const path = join(dir, 'lead.spanlight');
  expect((await cli('import', path, jsonl(dir, 'doc.jsonl', [{ id: 'doc', text: TEXT }]))).code).toBe(0);
  return { dir, path };
}

function layer(path: string, annotator: string) {
  const project = Project.open(path);
  try {
    const labels = new Map(project.labels.list().map((l) => [l.id, l.name]));
    return project.annotations
      .listByDocument('doc')
      .filter((a) => a.annotator === annotator)
      .map((a) => [labels.get(a.labelId), a.start, a.end, a.note]);
  } finally {
    project.close();
  }
}

describe('spanlight merge', () => {
  it('brings each annotator’s layer in by the document’s text, and merging twice changes nothing', async () => {
    const { dir, path } = await setup();
    const source = jsonl(dir, 'ana.jsonl', [
      {
        id: 'elsewhere',
        text: TEXT,
        spans: [
          { start: 15, end: 17, label: 'number', annotator: 'Ana' },
          { start: 40, end: 54, label: 'denial', annotator: 'Ana', note: 'Baku' },
          { start: 15, end: 38, label: 'claim', annotator: 'Ben' },
        ],
      },
    ]);
    const first = await cli('merge', path, source);
    expect(first.code).toBe(0);
    expect(first.out).toContain(
      '1 layers merged'.replace('1 layers', '2 layers') + ', 0 unchanged, 0 conflicts, 0 documents missing',
    );
    expect(layer(path, 'Ana')).toEqual([
      ['number', 15, 17, ''],
      ['denial', 40, 54, 'Baku'],
    ]);
    expect(layer(path, 'Ben')).toEqual([['claim', 15, 38, '']]);
    const changesBefore = Project.open(path);
    const logged = changesBefore.db.prepare('SELECT count(*) FROM change_log').pluck().get();
    changesBefore.close();
    const second = await cli('merge', path, source);
    expect(second.out.at(-1)).toBe('0 layers merged, 2 unchanged, 0 conflicts, 0 documents missing');
    const after = Project.open(path);
    expect(after.db.prepare('SELECT count(*) FROM change_log').pluck().get()).toBe(logged);
    after.close();
  });

  it('replaces a layer with the source’s newer version: added, changed and removed, undoable', async () => {
    const { dir, path } = await setup();
    const v1 = [
      { start: 15, end: 17, label: 'number', annotator: 'Ana' },
      { start: 40, end: 54, label: 'denial', annotator: 'Ana' },
    ];
    await cli('merge', path, jsonl(dir, 'v1.jsonl', [{ text: TEXT, spans: v1 }]));
    const v2 = [
      { start: 15, end: 17, label: 'number', annotator: 'Ana', note: 'as reported' },
      { start: 0, end: 38, label: 'claim', annotator: 'Ana' },
    ];
    const { out } = await cli('merge', path, jsonl(dir, 'v2.jsonl', [{ text: TEXT, spans: v2 }]));
    expect(out[0]).toMatch(/Ana: 1 added, 1 changed, 1 removed$/);
    expect(layer(path, 'Ana')).toEqual([
      ['claim', 0, 38, ''],
      ['number', 15, 17, 'as reported'],
    ]);
    const project = Project.open(path);
    project.history.undo('doc');
    project.close();
    expect(layer(path, 'Ana')).toEqual([
      ['number', 15, 17, ''],
      ['denial', 40, 54, ''],
    ]);
  });

  it('reports a layer edited here since its last merge as a conflict, leaves it, and overwrites it with --force', async () => {
    const { dir, path } = await setup();
    await cli(
      'merge',
      path,
      jsonl(dir, 'v1.jsonl', [
        { text: TEXT, spans: [{ start: 15, end: 17, label: 'number', annotator: 'Ana' }] },
      ]),
    );
    const project = Project.open(path);
    project.setAnnotator('Ana');
    project.annotationService.create({ documentId: 'doc', start: 40, end: 54, labelId: 'denial' });
    project.close();
    const v2 = jsonl(dir, 'v2.jsonl', [
      { text: TEXT, spans: [{ start: 0, end: 38, label: 'claim', annotator: 'Ana' }] },
    ]);
    const conflict = await cli('merge', path, v2);
    expect(conflict.code).toBe(1);
    expect(conflict.err[0]).toMatch(/^conflict .*Ana: edited here since it was last merged/);
    expect(layer(path, 'Ana')).toEqual([
      ['number', 15, 17, ''],
      ['denial', 40, 54, ''],
    ]);
    expect((await cli('merge', path, v2, '--force')).code).toBe(0);
    expect(layer(path, 'Ana')).toEqual([['claim', 0, 38, '']]);
  });

  it('reports documents the project lacks, and adds them with --add-documents', async () => {
    const { dir, path } = await setup();
    const source = jsonl(dir, 'other.jsonl', [
      {
        text: OTHER,
        meta: { outlet: 'Al Jazeera', url: 'https://example.org/a', published: '2020-09-30', desk: 'Syria' },
        spans: [{ start: 2, end: 8, label: 'number', annotator: 'Ana' }],
      },
    ]);
    const missing = await cli('merge', path, source);
    expect(missing.code).toBe(1);
    expect(missing.err[0]).toMatch(/^missing {3}other\.jsonl:1: not in the project/);
    const added = await cli('merge', path, source, '--add-documents');
    expect(added.code).toBe(0);
    const project = Project.open(path);
    const id = project.documents.list().find((d) => d.title === OTHER)!.id;
    expect(project.annotations.listByDocument(id).map((a) => [a.annotator, a.start, a.end])).toEqual([
      ['Ana', 2, 8],
    ]);
    // The document arrives with its provenance, as an import of the same line would bring it.
    expect(project.documents.meta(id)).toMatchObject({
      outlet: 'Al Jazeera',
      url: 'https://example.org/a',
      published: '2020-09-30',
      extra: { desk: 'Syria' },
    });
    project.close();
  });

  it('adds a document from another project with its provenance', async () => {
    const { dir, path } = await setup();
    const otherPath = join(dir, 'ana.spanlight');
    await cli(
      'import',
      otherPath,
      jsonl(dir, 'other.jsonl', [
        {
          text: OTHER,
          meta: { outlet: 'BBC Arabic', language: 'ar', external_id: 'bbc-17' },
          spans: [{ start: 2, end: 8, label: 'number', annotator: 'Ana' }],
        },
      ]),
    );
    expect((await cli('merge', path, otherPath, '--add-documents')).code).toBe(0);
    const project = Project.open(path);
    try {
      const id = project.documents.list().find((d) => d.title === OTHER)!.id;
      expect(project.documents.meta(id)).toMatchObject({
        outlet: 'BBC Arabic',
        language: 'ar',
        externalId: 'bbc-17',
        fileName: 'other.jsonl',
      });
    } finally {
      project.close();
    }
  });

  it('says how many spans it left for naming no annotator, and merges the rest', async () => {
    const { dir, path } = await setup();
    const source = jsonl(dir, 'mixed.jsonl', [
      {
        text: TEXT,
        spans: [
          { start: 15, end: 17, label: 'number', annotator: 'Ana' },
          { start: 0, end: 38, label: 'claim' },
          { start: 40, end: 54, label: 'denial', annotator: '' },
        ],
      },
    ]);
    const merged = await cli('merge', path, source);
    expect(merged.code).toBe(0);
    expect(merged.err).toContain(
      'left      2 spans naming no annotator: a layer is one annotator’s, so they are not merged',
    );
    expect(layer(path, 'Ana')).toEqual([['number', 15, 17, '']]);
  });

  it('refuses a source that is not a Spanlight project by its name, and changes nothing', async () => {
    const { dir, path } = await setup();
    const notes = join(dir, 'notes.spanlight');
    writeFileSync(notes, 'Meeting notes, not a project.\n'.repeat(20));
    const refused = await cli('merge', path, notes);
    expect(refused.code).not.toBe(0);
    expect(refused.err.join('\n')).toContain(
      'notes.spanlight is not a Spanlight project: it is not a SQLite database',
    );
    expect(layer(path, 'Ana')).toEqual([]);
  });

  it('merges from another Spanlight project without writing to it', async () => {
    const { dir, path } = await setup();
    const otherPath = join(dir, 'ana.spanlight');
    await cli(
      'import',
      otherPath,
      jsonl(dir, 'same.jsonl', [
        { text: TEXT, spans: [{ start: 15, end: 17, label: 'number', annotator: 'Ana' }] },
      ]),
    );
    const { statSync } = await import('node:fs');
    const before = statSync(otherPath).mtimeMs;
    expect((await cli('merge', path, otherPath)).code).toBe(0);
    expect(layer(path, 'Ana')).toEqual([['number', 15, 17, '']]);
    expect(statSync(otherPath).mtimeMs).toBe(before);
  });
});
