import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '@shared/model';
import {
  expectAppError,
  projectWithDocument,
  rangeOf,
  tableRows,
  writeCounts,
} from '../../../test/support/fixtures';
import type { Project } from './project';

// The emoji is one code point and two UTF-16 units: offsets after it differ between the two.
const TEXT = 'Title\nThe minister 😀 said 12 people were hurt.';
const CODE_POINTS = Array.from(TEXT).length;
const MINISTER = rangeOf(TEXT, 'minister');
const TWELVE = rangeOf(TEXT, '12');

let project: Project;
let documentId: string;
beforeEach(() => ({ project, documentId } = projectWithDocument(TEXT)));
afterEach(() => project.close());

/** The change_log rows of one entity, with the JSON columns parsed. */
function logOf(entityId: string) {
  return tableRows(project, 'change_log')
    .filter((row) => row.entity_id === entityId)
    .map((row) => ({
      ...row,
      before: row.before === null ? null : JSON.parse(row.before as string),
      after: row.after === null ? null : JSON.parse(row.after as string),
    }));
}

describe('create', () => {
  it('stores the annotation and returns it as a delta', () => {
    const delta = project.annotationService.create({ documentId, ...MINISTER, labelId: 'claim' });
    expect(delta.documentId).toBe(documentId);
    expect(delta.deletedIds).toEqual([]);
    expect(delta.annotationCount).toBe(1);
    const [annotation] = delta.upserted;
    expect(annotation).toMatchObject({
      documentId,
      labelId: 'claim',
      ...MINISTER,
      note: '',
      annotator: null,
    });
    expect(annotation!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(annotation!.createdAt).toBe(delta.savedAt);
    expect(annotation!.updatedAt).toBe(delta.savedAt);
    expect(project.annotations.get(annotation!.id)).toEqual(annotation);
    expect(project.documents.summary(documentId)!.annotationCount).toBe(1);
  });

  it('logs one action and one change_log row with cause do, before null and the annotation after', () => {
    const { upserted, savedAt } = project.annotationService.create({
      documentId,
      ...MINISTER,
      labelId: 'claim',
    });
    const annotation = upserted[0]!;
    const [action] = tableRows(project, 'actions');
    expect(action).toMatchObject({
      document_id: documentId,
      description: 'create claim',
      state: 'done',
      created_at: savedAt,
    });
    expect(logOf(annotation.id)).toEqual([
      {
        seq: expect.any(Number),
        action_id: action!.id,
        cause: 'do',
        at: savedAt,
        actor: null,
        entity: 'annotation',
        entity_id: annotation.id,
        op: 'insert',
        before: null,
        after: annotation,
      },
    ]);
  });

  it('counts offsets in code points, so SQLite substr() reads the same text', () => {
    const { upserted } = project.annotationService.create({ documentId, ...TWELVE, labelId: 'number' });
    const row = project.db
      .prepare(
        `SELECT substr(d.text, a.start + 1, a."end" - a.start) FROM annotations a JOIN documents d ON d.id = a.document_id WHERE a.id = ?`,
      )
      .pluck()
      .get(upserted[0]!.id);
    expect(row).toBe('12');
  });

  it('can annotate the emoji alone and the very last character', () => {
    project.annotationService.create({ documentId, ...rangeOf(TEXT, '😀'), labelId: 'claim' });
    project.annotationService.create({
      documentId,
      start: CODE_POINTS - 1,
      end: CODE_POINTS,
      labelId: 'claim',
    });
    expect(project.annotations.countByDocument(documentId)).toBe(2);
  });

  it('records the note given and the annotator of the project', () => {
    project.setAnnotator('rima');
    const { upserted } = project.annotationService.create({
      documentId,
      ...MINISTER,
      labelId: 'claim',
      note: 'who?',
    });
    expect(upserted[0]).toMatchObject({ note: 'who?', annotator: 'rima' });
    expect(logOf(upserted[0]!.id)[0]).toMatchObject({ actor: 'rima' });
  });

  it.each([
    ['an end past the text', { start: 0, end: CODE_POINTS + 1 }, /end \d+ is past the end of the text/],
    // One past the code point length is still inside the UTF-16 length: it must be refused all the same.
    ['an end in UTF-16 units', { start: 0, end: TEXT.length }, /past the end/],
    ['a negative start', { start: -1, end: 3 }, /start -1 is negative/],
    ['an empty span', { start: 4, end: 4 }, /start 4 is not before end 4/],
    ['a reversed span', { start: 8, end: 2 }, /start 8 is not before end 2/],
    ['fractional offsets', { start: 1.5, end: 3 }, /offsets must be integers/],
  ])('refuses %s with invalid_input and writes nothing', (_name, range, message) => {
    const before = { counts: writeCounts(project), rows: tableRows(project, 'annotations') };
    expectAppError(
      () => project.annotationService.create({ documentId, ...range, labelId: 'claim' }),
      'invalid_input',
      message,
    );
    expect({ counts: writeCounts(project), rows: tableRows(project, 'annotations') }).toEqual(before);
  });

  it('refuses an unknown document or label with not_found and writes nothing', () => {
    const before = writeCounts(project);
    expectAppError(
      () => project.annotationService.create({ documentId: 'nope', ...MINISTER, labelId: 'claim' }),
      'not_found',
      /No document with id nope/,
    );
    expectAppError(
      () => project.annotationService.create({ documentId, ...MINISTER, labelId: 'opinion' }),
      'not_found',
      /No label with id opinion/,
    );
    expect(writeCounts(project)).toEqual(before);
  });
});

describe('relabel, setNote and delete', () => {
  let annotation: Annotation;

  beforeEach(() => {
    annotation = project.annotationService.create({ documentId, ...MINISTER, labelId: 'claim' }).upserted[0]!;
  });

  it('relabel changes the label and updated_at, keeps the rest, and logs before and after', () => {
    const delta = project.annotationService.relabel(annotation.id, 'denial');
    const after = { ...annotation, labelId: 'denial', updatedAt: delta.savedAt };
    expect(delta.upserted).toEqual([after]);
    expect(delta.savedAt > annotation.updatedAt).toBe(true);
    expect(project.annotations.get(annotation.id)).toEqual(after);
    const log = logOf(annotation.id);
    expect(log).toHaveLength(2);
    expect(log[1]).toMatchObject({ cause: 'do', op: 'update', before: annotation, after });
    expect(tableRows(project, 'actions').map((a) => a.description)).toEqual([
      'create claim',
      'relabel to denial',
    ]);
  });

  it('setNote changes the note and logs before and after', () => {
    const delta = project.annotationService.setNote(annotation.id, 'Quoted from the ministry, 2 sources');
    const after = { ...annotation, note: 'Quoted from the ministry, 2 sources', updatedAt: delta.savedAt };
    expect(project.annotations.get(annotation.id)).toEqual(after);
    expect(logOf(annotation.id)[1]).toMatchObject({ cause: 'do', op: 'update', before: annotation, after });
    expect(tableRows(project, 'actions').at(-1)).toMatchObject({ description: 'edit note' });
  });

  it('delete removes the row and logs the annotation as before, null after', () => {
    const delta = project.annotationService.delete(annotation.id);
    expect(delta).toMatchObject({
      documentId,
      upserted: [],
      deletedIds: [annotation.id],
      annotationCount: 0,
    });
    expect(project.annotations.get(annotation.id)).toBeUndefined();
    expect(logOf(annotation.id)[1]).toMatchObject({
      cause: 'do',
      op: 'delete',
      before: annotation,
      after: null,
    });
    expect(tableRows(project, 'actions').at(-1)).toMatchObject({ description: 'delete claim' });
  });

  it('refuses unknown ids and labels with not_found and writes nothing', () => {
    const before = { counts: writeCounts(project), rows: tableRows(project, 'annotations') };
    expectAppError(
      () => project.annotationService.relabel('nope', 'denial'),
      'not_found',
      /No annotation with id nope/,
    );
    expectAppError(
      () => project.annotationService.relabel(annotation.id, 'opinion'),
      'not_found',
      /No label with id opinion/,
    );
    expectAppError(
      () => project.annotationService.setNote('nope', 'x'),
      'not_found',
      /No annotation with id nope/,
    );
    expectAppError(() => project.annotationService.delete('nope'), 'not_found', /No annotation with id nope/);
    expect({ counts: writeCounts(project), rows: tableRows(project, 'annotations') }).toEqual(before);
  });
});
