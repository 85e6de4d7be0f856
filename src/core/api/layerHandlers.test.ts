/**
 * The layer channels end to end through dispatch and a real project file: another annotator's spans merged
 * in from a canonical JSONL export, read-only to the user unless they curate, and everyone's statuses.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, RequestOf, ResponseOf } from '@shared/contract';
import type { ErrorCode } from '@shared/errors';
import type { Annotation } from '@shared/model';
import { AppSession } from '../session/session';
import { rangeOf, useTempDirs } from '../../../test/support/fixtures';
import { dispatch } from './dispatch';
import { createHandlers, type Handlers } from './handlers';

const temp = useTempDirs();

const TEXT = 'Officials said 93 fighters were killed. Baku denied it.';

let dir: string;
let session: AppSession;
let handlers: Handlers;
let documentId: string;

async function call<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await dispatch(handlers, channel, payload);
  if (!result.ok) throw new Error(`${channel} answered ${result.error.code}: ${result.error.message}`);
  return result.value as ResponseOf<C>;
}

async function failure(channel: Channel, payload: unknown): Promise<{ code: ErrorCode; message: string }> {
  const result = await dispatch(handlers, channel, payload);
  expect(result.ok, `${channel} ${JSON.stringify(payload)} should fail`).toBe(false);
  return (result as { ok: false; error: { code: ErrorCode; message: string } }).error;
}

/** Ben's canonical JSONL export of the same article: one claim and one number, his status "done". */
function bensExport(): string {
  const path = join(dir, 'ben.jsonl');
  const spans = [
    { ...rangeOf(TEXT, '93 fighters were killed'), label: 'claim', annotator: 'Ben', note: 'casualty' },
    { ...rangeOf(TEXT, '93'), label: 'number', annotator: 'Ben' },
  ];
  writeFileSync(path, JSON.stringify({ id: 'elsewhere', text: TEXT, spans }) + '\n');
  return path;
}

const byAnnotator = (annotations: Annotation[], annotator: string) =>
  annotations.filter((a) => a.annotator === annotator);

beforeEach(async () => {
  dir = temp.make();
  session = new AppSession('browser', join(dir, 'data'));
  handlers = createHandlers(session);
  await call('project:create', { path: join(dir, 'lead') });
  await call('project:set-annotator', { name: 'Ana' });
  const doc = join(dir, 'doc.jsonl');
  writeFileSync(doc, JSON.stringify({ id: 'doc', text: TEXT }) + '\n');
  const report = await call('layers:merge', {
    source: { kind: 'path', path: doc },
    addDocuments: true,
  });
  expect(report?.addedDocuments).toHaveLength(1);
  documentId = (await call('documents:list', {}))[0]!.id;
});

afterEach(() => session.close());

describe('layers:merge', () => {
  it('reports the spans of the source that name no annotator, which no layer takes', async () => {
    const path = join(dir, 'mixed.jsonl');
    const spans = [
      { ...rangeOf(TEXT, '93'), label: 'number', annotator: 'Ben' },
      { ...rangeOf(TEXT, 'Baku denied it'), label: 'denial' },
    ];
    writeFileSync(path, JSON.stringify({ text: TEXT, spans }) + '\n');
    const report = await call('layers:merge', { source: { kind: 'path', path } });
    expect(report).toMatchObject({ unattributed: 1, merged: [{ annotator: 'Ben', added: 1 }] });
  });

  it('brings Ben’s layer in with counts per (document, annotator), and merging again changes nothing', async () => {
    const first = await call('layers:merge', { source: { kind: 'path', path: bensExport() } });
    expect(first).toEqual({
      merged: [
        {
          document: expect.stringContaining('ben.jsonl'),
          annotator: 'Ben',
          added: 2,
          changed: 0,
          removed: 0,
        },
      ],
      unchanged: 0,
      conflicts: [],
      missingDocuments: [],
      addedDocuments: [],
      unattributed: 0,
    });
    const opened = await call('documents:open', { id: documentId });
    expect(byAnnotator(opened.annotations, 'Ben')).toHaveLength(2);
    const again = await call('layers:merge', { source: { kind: 'path', path: bensExport() } });
    expect(again).toMatchObject({ merged: [], unchanged: 1, conflicts: [] });
  });

  it('reports a document the project lacks, and a missing path or the project itself as errors', async () => {
    const other = join(dir, 'other.jsonl');
    writeFileSync(other, JSON.stringify({ id: 'x', text: 'Not in the project.', spans: [] }) + '\n');
    expect((await call('layers:merge', { source: { kind: 'path', path: other } }))?.missingDocuments).toEqual(
      [expect.stringContaining('other.jsonl')],
    );
    expect(
      await failure('layers:merge', { source: { kind: 'path', path: join(dir, 'nope.jsonl') } }),
    ).toMatchObject({ code: 'not_found' });
    const self = session.requireProject().path!;
    expect(await failure('layers:merge', { source: { kind: 'path', path: self } })).toMatchObject({
      code: 'invalid_input',
    });
  });

  it('answers unsupported for a native dialog in the browser host', async () => {
    expect(await failure('layers:merge', { source: { kind: 'choose' } })).toMatchObject({
      code: 'unsupported',
    });
  });
});

describe('another annotator’s spans are read-only', () => {
  let ben: Annotation[];
  let mine: Annotation;

  beforeEach(async () => {
    await call('layers:merge', { source: { kind: 'path', path: bensExport() } });
    ben = byAnnotator((await call('documents:open', { id: documentId })).annotations, 'Ben');
    mine = (
      await call('annotations:create', { documentId, ...rangeOf(TEXT, 'Baku denied it'), labelId: 'denial' })
    ).upserted[0]!;
  });

  it('refuses a delete, relabel, note, attributes or link on Ben’s span, with a message naming his layer', async () => {
    const span = ben[0]!;
    for (const [channel, payload] of [
      ['annotations:delete', { id: span.id }],
      ['annotations:relabel', { id: span.id, labelId: 'denial' }],
      ['annotations:set-note', { id: span.id, note: 'mine now' }],
      ['annotations:set-attributes', { id: span.id, attributes: {} }],
      ['relations:create', { fromId: mine.id, toId: span.id, type: 'supports' }],
    ] as const) {
      const error = await failure(channel, payload);
      expect(error.code, channel).toBe('layer_read_only');
      expect(error.message).toContain("Ben's layer");
    }
    const after = byAnnotator((await call('documents:open', { id: documentId })).annotations, 'Ben');
    expect(after).toEqual(ben);
  });

  it('lets the user change their own spans as before', async () => {
    const noted = await call('annotations:set-note', { id: mine.id, note: 'checked' });
    expect(noted.upserted[0]).toMatchObject({ note: 'checked', annotator: 'Ana' });
    expect((await call('annotations:delete', { id: mine.id })).deletedIds).toEqual([mine.id]);
  });

  it('curating: new spans go to the curated layer and are editable; Ben’s stay read-only; stopping restores Ana’s', async () => {
    expect(await call('layers:mode', {})).toEqual({ own: 'Ana', curating: null });
    expect(await call('layers:set-curating', { layer: 'curated' })).toEqual({
      own: 'Ana',
      curating: 'curated',
    });
    const settled = (
      await call('annotations:create', {
        documentId,
        start: ben[0]!.start,
        end: ben[0]!.end,
        labelId: 'claim',
      })
    ).upserted[0]!;
    expect(settled.annotator).toBe('curated');
    expect((await call('annotations:set-note', { id: settled.id, note: 'agreed' })).upserted[0]!.note).toBe(
      'agreed',
    );
    expect((await failure('annotations:delete', { id: ben[0]!.id })).message).toContain(
      'while you curate into "curated"',
    );
    // The user's own layer is not the one being curated: it waits until curating stops.
    expect((await failure('annotations:delete', { id: mine.id })).code).toBe('layer_read_only');
    await call('layers:set-curating', { layer: null });
    expect((await failure('annotations:delete', { id: settled.id })).code).toBe('layer_read_only');
    expect((await call('annotations:delete', { id: mine.id })).deletedIds).toEqual([mine.id]);
  });

  it('refuses to curate into the user’s own layer', async () => {
    expect(await failure('layers:set-curating', { layer: 'Ana' })).toMatchObject({ code: 'invalid_input' });
  });
});

describe('statuses per annotator', () => {
  it('layers:statuses lists everyone’s, and the list shows the user’s own layer status', async () => {
    await call('layers:merge', { source: { kind: 'path', path: bensExport() } });
    await call('documents:set-status', { id: documentId, status: 'done' });
    const sorted = (await call('layers:statuses', {})).sort((a, b) => a.annotator.localeCompare(b.annotator));
    // Ben's export carries no status of his: his layer has spans, so it is in progress.
    expect(sorted).toEqual([
      { documentId, annotator: 'Ana', status: 'done', spans: 0 },
      { documentId, annotator: 'Ben', status: 'in_progress', spans: 2 },
    ]);
    // Ana's own status changed elsewhere (a copy of her work merged back) shows in the list.
    session
      .requireProject()
      .db.prepare(`UPDATE document_layers SET status = 'skipped' WHERE annotator = 'Ana'`)
      .run();
    expect((await call('documents:list', {}))[0]!.status).toBe('skipped');
  });
});
