/**
 * The channels of schema 2 end to end: a payload through dispatch (validation included), the handler, a real
 * project file, and back, as the renderer sees it.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, RequestOf, ResponseOf } from '@shared/contract';
import type { ErrorCode } from '@shared/errors';
import type { Annotation, Label } from '@shared/model';
import { AppSession } from '../session/session';
import { codePointSlice, rangeOf, tableRows, useTempDirs } from '../../../test/support/fixtures';
import { filesToSend, importAsJob } from '../../../test/support/importJob';
import { dispatch } from './dispatch';
import { createHandlers, type Handlers } from './handlers';

const temp = useTempDirs();

const EN =
  'Fighters defect\nAbout 1,200 FIGHTERS fled the front; the ministry denied it. 😀 Later 15 returned.';
const AR = 'مصادر: هروب مقاتلين\nقال المصدر إنّ المُقَاتِلِينَ الـ 430 وصلوا إلى المدرسة، ونفى الجيش ذلك.';

let session: AppSession;
let handlers: Handlers;
let projectPath: string;
let en: string;
let ar: string;

/** Calls a channel through dispatch and answers its value, failing the test on an error value. */
async function call<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await dispatch(handlers, channel, payload);
  if (!result.ok) throw new Error(`${channel} answered ${result.error.code}: ${result.error.message}`);
  return result.value as ResponseOf<C>;
}

const viaDispatch = (channel: string, payload: unknown) => dispatch(handlers, channel, payload);

/** Calls a channel that must fail, and answers its error code and message. */
async function failure(channel: Channel, payload: unknown): Promise<{ code: ErrorCode; message: string }> {
  const result = await dispatch(handlers, channel, payload);
  expect(result.ok, `${channel} ${JSON.stringify(payload)} should fail`).toBe(false);
  return (result as { ok: false; error: { code: ErrorCode; message: string } }).error;
}

const project = () => session.requireProject();

async function annotate(
  documentId: string,
  text: string,
  needle: string,
  labelId: string,
): Promise<Annotation> {
  return (await call('annotations:create', { documentId, ...rangeOf(text, needle), labelId })).upserted[0]!;
}

beforeEach(async () => {
  const dir = temp.make();
  session = new AppSession('browser', join(dir, 'data'));
  handlers = createHandlers(session);
  projectPath = (await call('project:create', { path: join(dir, 'handlers') })).path;
  const report = await importAsJob(viaDispatch, filesToSend({ 'en.txt': EN, 'ar.txt': AR }));
  expect(report.rejected).toEqual([]);
  [en, ar] = report.imported.map((file) => file.documentId) as [string, string];
});

afterEach(() => session.close());

describe('labels', () => {
  const QUOTE = {
    name: 'quote',
    color: '#e69f00',
    hotkey: '4',
    attributes: [{ name: 'speaker', type: 'text' as const, suggest: true }],
  };

  it('labels:create adds a label that labels:list then shows and annotations can use', async () => {
    const label = await call('labels:create', QUOTE);
    expect(label).toEqual({ id: expect.any(String), ...QUOTE, position: 3 });
    expect((await call('labels:list', {})).map((l) => l.name)).toEqual([
      'claim',
      'denial',
      'number',
      'quote',
    ]);
    const quoted = await annotate(en, EN, 'the ministry denied it', label.id);
    expect(quoted.labelId).toBe(label.id);
  });

  it('labels:create trims the name, and refuses a taken name, a taken or reserved key and a bad colour', async () => {
    expect((await call('labels:create', { ...QUOTE, name: '  quote  ' })).name).toBe('quote');
    expect(await failure('labels:create', { ...QUOTE, name: 'Quote', hotkey: null })).toMatchObject({
      code: 'invalid_input',
      message: 'A label named quote exists',
    });
    expect(await failure('labels:create', { ...QUOTE, name: 'other', hotkey: '1' })).toMatchObject({
      code: 'invalid_input',
      message: 'Key 1 is already the key of claim',
    });
    expect(await failure('labels:create', { ...QUOTE, name: 'other', hotkey: 'j' })).toMatchObject({
      code: 'invalid_payload',
    });
    expect(await failure('labels:create', { ...QUOTE, name: 'other', color: 'red' })).toMatchObject({
      code: 'invalid_payload',
    });
    expect(await failure('labels:create', { ...QUOTE, name: '   ' })).toMatchObject({
      code: 'invalid_payload',
    });
    expect(
      await failure('labels:create', {
        ...QUOTE,
        name: 'other',
        hotkey: null,
        attributes: [{ name: 'Bad Name', type: 'text' }],
      }),
    ).toMatchObject({ code: 'invalid_payload' });
    expect(await call('labels:list', {})).toHaveLength(4);
  });

  it('labels:update renames a label and every annotation keeps its id and row', async () => {
    await annotate(en, EN, '1,200 FIGHTERS fled the front', 'claim');
    await annotate(ar, AR, 'المُقَاتِلِينَ', 'claim');
    const rows = tableRows(project(), 'annotations');
    const claim = (await call('labels:list', {}))[0]!;
    const renamed = await call('labels:update', {
      id: 'claim',
      name: 'assertion',
      color: '#123456',
      // Not "a": that key accepts a suggestion.
      hotkey: 'q',
      attributes: claim.attributes,
    });
    expect(renamed).toEqual({ ...claim, name: 'assertion', color: '#123456', hotkey: 'q' });
    expect(tableRows(project(), 'annotations')).toEqual(rows);
    expect((await call('documents:open', { id: en })).annotations.map((a) => a.labelId)).toEqual(['claim']);
    expect(
      await failure('labels:update', {
        id: 'nope',
        name: 'x',
        color: '#123456',
        hotkey: null,
        attributes: [],
      }),
    ).toMatchObject({ code: 'not_found' });
  });

  it('labels:reorder answers the labels in the new order, and refuses a partial list', async () => {
    const reordered = await call('labels:reorder', { ids: ['number', 'claim', 'denial'] });
    expect(reordered.map((l) => [l.id, l.position])).toEqual([
      ['number', 0],
      ['claim', 1],
      ['denial', 2],
    ]);
    expect(await call('labels:list', {})).toEqual(reordered);
    expect(await failure('labels:reorder', { ids: ['number', 'claim'] })).toMatchObject({
      code: 'invalid_input',
    });
    expect(await failure('labels:reorder', { ids: [] })).toMatchObject({ code: 'invalid_payload' });
  });

  it('labels:delete with the right count removes the label, its annotations and links; a wrong count changes nothing', async () => {
    const quote: Label = await call('labels:create', QUOTE);
    const quoted = await annotate(en, EN, 'the ministry denied it', quote.id);
    const claim = await annotate(en, EN, '1,200 FIGHTERS fled the front', 'claim');
    await call('relations:create', { fromId: quoted.id, toId: claim.id, type: 'denies' });

    const before = tableRows(project(), 'annotations');
    const wrong = await failure('labels:delete', { id: quote.id, expectedCount: 2 });
    expect(wrong).toEqual({
      code: 'invalid_input',
      // "1 annotations" until the message came from the catalogue, which has the plural forms.
      message: 'Label quote now has 1 annotation, not 2; confirm again',
      i18n: { ns: 'errors', key: 'label.countChanged', params: { label: 'quote', count: 1, expected: 2 } },
    });
    expect(tableRows(project(), 'annotations')).toEqual(before);
    expect(tableRows(project(), 'relations')).toHaveLength(1);

    const labels = await call('labels:delete', { id: quote.id, expectedCount: 1 });
    expect(labels.map((l) => l.id)).toEqual(['claim', 'denial', 'number']);
    const opened = await call('documents:open', { id: en });
    expect(opened.annotations).toEqual([claim]);
    expect(opened.relations).toEqual([]);
    expect(await failure('labels:delete', { id: quote.id, expectedCount: 0 })).toMatchObject({
      code: 'not_found',
    });
    expect(await failure('labels:delete', { id: 'claim', expectedCount: -1 })).toMatchObject({
      code: 'invalid_payload',
    });
  });
});

describe('attributes and links', () => {
  it('annotations:set-attributes stores checked values, undoable, and refuses bad ones', async () => {
    const number = await annotate(en, EN, '1,200', 'number');
    const delta = await call('annotations:set-attributes', {
      id: number.id,
      attributes: { value: 1200, unit: 'fighters', approximate: true },
    });
    expect(delta.upserted[0]).toEqual({
      ...number,
      attributes: { value: 1200, unit: 'fighters', approximate: true },
      updatedAt: delta.savedAt,
    });
    expect((await call('documents:open', { id: en })).annotations[0]!.attributes).toEqual({
      value: 1200,
      unit: 'fighters',
      approximate: true,
    });

    expect(
      await failure('annotations:set-attributes', { id: number.id, attributes: { value: 'many' } }),
    ).toMatchObject({
      code: 'invalid_input',
      message: 'Attribute "value" of number must be a number, not "many"',
    });
    expect(
      await failure('annotations:set-attributes', { id: number.id, attributes: { colour: 'red' } }),
    ).toMatchObject({ code: 'invalid_input' });
    expect(
      await failure('annotations:set-attributes', { id: number.id, attributes: { 'Not-A-Name': 1 } }),
    ).toMatchObject({ code: 'invalid_payload' });
    expect(
      await failure('annotations:set-attributes', { id: number.id, attributes: { value: [1] } }),
    ).toMatchObject({ code: 'invalid_payload' });
    expect(await failure('annotations:set-attributes', { id: 'nope', attributes: {} })).toMatchObject({
      code: 'not_found',
    });

    expect(await call('history:undo', { documentId: en })).toMatchObject({
      description: 'edit attributes',
      upserted: [number],
    });
  });

  it('documents:open leaves out an annotation past the end of the text, and its links, and counts it', async () => {
    const claim = await annotate(en, EN, '1,200 FIGHTERS fled the front', 'claim');
    const denial = await annotate(en, EN, 'the ministry denied it', 'denial');
    await call('relations:create', { fromId: denial.id, toId: claim.id, type: 'denies' });
    // Another program writes past the end of the text after the project was opened (and checked).
    const other = new Database(projectPath);
    other.prepare(`UPDATE annotations SET "end" = 100000 WHERE id = ?`).run(denial.id);
    other.close();

    const opened = await call('documents:open', { id: en });
    expect(opened.document.text).toBe(EN);
    expect(opened.annotations.map((a) => a.id)).toEqual([claim.id]);
    expect(opened.relations).toEqual([]);
    expect(opened.skippedAnnotations).toBe(1);
    expect((await call('documents:open', { id: ar })).skippedAnnotations).toBeUndefined();
  });

  it('relations:create and relations:delete answer deltas, and documents:open returns the links', async () => {
    const claim = await annotate(en, EN, '1,200 FIGHTERS fled the front', 'claim');
    const denial = await annotate(en, EN, 'the ministry denied it', 'denial');
    const created = await call('relations:create', { fromId: denial.id, toId: claim.id, type: ' denies ' });
    const relation = created.upsertedRelations[0]!;
    expect(relation).toMatchObject({ documentId: en, fromId: denial.id, toId: claim.id, type: 'denies' });
    expect(created).toMatchObject({
      documentId: en,
      upserted: [],
      deletedIds: [],
      deletedRelationIds: [],
      annotationCount: 2,
    });

    const opened = await call('documents:open', { id: en });
    expect(opened.relations).toEqual([relation]);
    expect((await call('documents:open', { id: ar })).relations).toEqual([]);

    expect(
      await failure('relations:create', { fromId: denial.id, toId: claim.id, type: 'denies' }),
    ).toMatchObject({ code: 'invalid_input' });
    expect(
      await failure('relations:create', { fromId: claim.id, toId: claim.id, type: 'same-as' }),
    ).toMatchObject({ code: 'invalid_input' });
    const arClaim = await annotate(ar, AR, 'المُقَاتِلِينَ', 'claim');
    expect(
      await failure('relations:create', { fromId: arClaim.id, toId: claim.id, type: 'same-as' }),
    ).toMatchObject({ code: 'invalid_input' });
    expect(
      await failure('relations:create', { fromId: 'nope', toId: claim.id, type: 'same-as' }),
    ).toMatchObject({ code: 'not_found' });
    expect(
      await failure('relations:create', { fromId: denial.id, toId: claim.id, type: '   ' }),
    ).toMatchObject({ code: 'invalid_payload' });

    const deleted = await call('relations:delete', { id: relation.id });
    expect(deleted).toMatchObject({ deletedRelationIds: [relation.id], upsertedRelations: [] });
    expect((await call('documents:open', { id: en })).relations).toEqual([]);
    expect(await failure('relations:delete', { id: relation.id })).toMatchObject({ code: 'not_found' });
  });

  it('annotations:delete takes the links along, and history:undo brings both back', async () => {
    const claim = await annotate(en, EN, '1,200 FIGHTERS fled the front', 'claim');
    const denial = await annotate(en, EN, 'the ministry denied it', 'denial');
    const relation = (await call('relations:create', { fromId: denial.id, toId: claim.id, type: 'denies' }))
      .upsertedRelations[0]!;
    const deleted = await call('annotations:delete', { id: claim.id });
    expect(deleted).toMatchObject({ deletedIds: [claim.id], deletedRelationIds: [relation.id] });
    expect((await call('documents:open', { id: en })).relations).toEqual([]);

    const undo = await call('history:undo', { documentId: en });
    expect(undo).toMatchObject({
      description: 'delete claim',
      upserted: [claim],
      upsertedRelations: [relation],
    });
    expect(await call('documents:open', { id: en })).toMatchObject({
      annotations: [claim, denial],
      relations: [relation],
    });
    expect(await call('history:redo', { documentId: en })).toMatchObject({
      deletedIds: [claim.id],
      deletedRelationIds: [relation.id],
    });
  });
});

describe('project:set-annotator', () => {
  it('answers the project info with the annotator, whom new annotations, links and the log then carry', async () => {
    const before = await annotate(en, EN, '15', 'number');
    expect(before.annotator).toBeNull();
    const info = await call('project:set-annotator', { name: '  Rima  ' });
    expect(info).toMatchObject({ path: projectPath, annotator: 'Rima', documentCount: 2 });
    expect((await call('app:info', {})).project?.annotator).toBe('Rima');

    const after = await annotate(en, EN, '1,200', 'number');
    expect(after.annotator).toBe('Rima');
    const link = await call('relations:create', { fromId: after.id, toId: before.id, type: 'same-as' });
    expect(link.upsertedRelations[0]!.annotator).toBe('Rima');
    // The annotation made before keeps having no annotator.
    expect(
      (await call('documents:open', { id: en })).annotations.find((a) => a.id === before.id)!.annotator,
    ).toBeNull();
    const log = tableRows(project(), 'change_log');
    expect(log.find((row) => row.entity === 'project')).toMatchObject({
      entity_id: 'annotator',
      actor: 'Rima',
      before: null,
      after: '"Rima"',
    });
    expect(log.at(-1)).toMatchObject({ entity: 'relation', actor: 'Rima' });

    expect(await call('project:set-annotator', { name: 'Omar' })).toMatchObject({ annotator: 'Omar' });
    expect(await failure('project:set-annotator', { name: '   ' })).toMatchObject({
      code: 'invalid_payload',
    });
    expect((await call('app:info', {})).project?.annotator).toBe('Omar');
  });

  it('is kept in the project file', async () => {
    await call('project:set-annotator', { name: 'Rima' });
    session.close();
    expect(await call('project:open', { path: projectPath })).toMatchObject({ annotator: 'Rima' });
  });
});

describe('search', () => {
  it('search:documents finds Arabic and English through folding and answers code point ranges', async () => {
    const arabic = await call('search:documents', { query: 'المقاتلين المدرسه' });
    expect(arabic).toHaveLength(1);
    expect(arabic[0]).toMatchObject({
      documentId: ar,
      title: 'مصادر: هروب مقاتلين',
      match: 'المُقَاتِلِينَ',
      ...rangeOf(AR, 'المُقَاتِلِينَ'),
    });
    expect(codePointSlice(AR, arabic[0]!.start, arabic[0]!.end)).toBe('المُقَاتِلِينَ');

    const english = await call('search:documents', { query: 'RETURNED' });
    expect(english).toEqual([
      {
        documentId: en,
        title: 'Fighters defect',
        ...rangeOf(EN, 'returned'),
        before: expect.stringMatching(/😀 Later 15 $/),
        match: 'returned',
        after: '.',
      },
    ]);
    expect(await call('search:documents', { query: 'مقاتلين fighters' })).toEqual([]);
    expect(await call('search:documents', { query: '!!! ... ()' })).toEqual([]);
    expect(await call('search:documents', { query: '' })).toEqual([]);
    expect(await failure('search:documents', { query: 'x'.repeat(501) })).toMatchObject({
      code: 'invalid_payload',
    });
  });

  it('search:documents finds a document imported after the project was opened, and honours the limit', async () => {
    await importAsJob(viaDispatch, filesToSend({ 'late.txt': 'Late news\nFighters again.' }));
    const hits = await call('search:documents', { query: 'fighters' });
    expect(hits.map((h) => h.title).sort()).toEqual(['Fighters defect', 'Late news']);
    expect(await call('search:documents', { query: 'fighters', limit: 1 })).toHaveLength(1);
  });

  it('search:annotations filters by label, folded text and a numeric attribute range', async () => {
    const big = await annotate(en, EN, '1,200', 'number');
    const fifteen = await annotate(en, EN, '15', 'number');
    const arNumber = await annotate(ar, AR, '430', 'number');
    const arClaim = await annotate(ar, AR, 'المُقَاتِلِينَ الـ 430 وصلوا', 'claim');
    await call('annotations:set-attributes', { id: big.id, attributes: { value: 1200 } });
    await call('annotations:set-attributes', { id: fifteen.id, attributes: { value: 15 } });
    await call('annotations:set-attributes', { id: arNumber.id, attributes: { value: 430 } });

    const ids = async (query: RequestOf<'search:annotations'>) =>
      (await call('search:annotations', query)).map((h) => h.annotation.id);
    expect(await ids({ attribute: 'value', min: 1000 })).toEqual([big.id]);
    expect(await ids({ labelId: 'number', attribute: 'value', max: 500 })).toEqual([fifteen.id, arNumber.id]);
    expect(await ids({ text: 'المقاتلين ال' })).toEqual([arClaim.id]);
    expect(await ids({ labelId: 'claim' })).toEqual([arClaim.id]);
    expect(await ids({ labelId: 'number', text: '430' })).toEqual([arNumber.id]);
    expect(await ids({ labelId: 'number', limit: 1 })).toEqual([big.id]);
    const [hit] = await call('search:annotations', { labelId: 'claim' });
    expect(hit).toEqual({
      annotation: arClaim,
      documentTitle: 'مصادر: هروب مقاتلين',
      text: 'المُقَاتِلِينَ الـ 430 وصلوا',
    });
    expect(await failure('search:annotations', { attribute: '$.value' })).toMatchObject({
      code: 'invalid_payload',
    });
  });

  it('attributes:suggest answers the values used before, most used first', async () => {
    for (const [needle, source] of [
      ['1,200 FIGHTERS fled the front', 'SOHR'],
      ['the ministry denied it', 'ministry'],
      ['Later 15 returned', 'SOHR'],
    ] as const) {
      const claim = await annotate(en, EN, needle, 'claim');
      await call('annotations:set-attributes', { id: claim.id, attributes: { source } });
    }
    expect(await call('attributes:suggest', { labelId: 'claim', name: 'source' })).toEqual([
      'SOHR',
      'ministry',
    ]);
    expect(await call('attributes:suggest', { labelId: 'denial', name: 'source' })).toEqual([]);
    expect(
      await failure('attributes:suggest', { labelId: 'claim', name: "source') OR 1=1 --" }),
    ).toMatchObject({ code: 'invalid_payload' });
  });

  it('documents:ids-with-label answers the documents holding an annotation of the label', async () => {
    await annotate(en, EN, '1,200', 'number');
    await annotate(ar, AR, '430', 'number');
    const denial = await annotate(ar, AR, 'ونفى الجيش ذلك', 'denial');
    expect((await call('documents:ids-with-label', { labelId: 'number' })).sort()).toEqual([en, ar].sort());
    expect(await call('documents:ids-with-label', { labelId: 'denial' })).toEqual([ar]);
    expect(await call('documents:ids-with-label', { labelId: 'claim' })).toEqual([]);
    await call('annotations:delete', { id: denial.id });
    expect(await call('documents:ids-with-label', { labelId: 'denial' })).toEqual([]);
  });
});

describe('persistence', () => {
  it('labels, attributes and links are in the project file when it is opened again', async () => {
    const quote = await call('labels:create', {
      name: 'quote',
      color: '#e69f00',
      hotkey: null,
      attributes: [],
    });
    const claim = await annotate(en, EN, '1,200 FIGHTERS fled the front', 'claim');
    const number = await annotate(en, EN, '1,200', 'number');
    await call('annotations:set-attributes', { id: number.id, attributes: { value: 1200 } });
    const relation = (await call('relations:create', { fromId: number.id, toId: claim.id, type: 'supports' }))
      .upsertedRelations[0]!;
    const opened = await call('documents:open', { id: en });
    const labels = await call('labels:list', {});
    session.close();

    await call('project:open', { path: projectPath });
    expect(await call('labels:list', {})).toEqual(labels);
    expect(labels.map((l) => l.id)).toContain(quote.id);
    expect(await call('documents:open', { id: en })).toEqual(opened);
    expect(opened.relations).toEqual([relation]);
    expect(await call('search:annotations', { attribute: 'value', min: 1000 })).toHaveLength(1);
  });
});
