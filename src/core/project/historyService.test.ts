import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { message } from '@shared/messages/message';
import type { Annotation } from '@shared/model';
import {
  addDocument,
  projectWithDocument,
  steppingClock,
  tableRows,
  useTempDirs,
  writeCounts,
} from '../../../test/support/fixtures';
import { Project } from './project';

const TEXT = 'Title\nThe minister 😀 said 12 people were hurt; the army denied it.';

let project: Project;
let documentId: string;
beforeEach(() => ({ project, documentId } = projectWithDocument(TEXT)));
afterEach(() => project.close());

/** The annotations table exactly as stored: what undo and redo must restore. */
const annotationRows = () => tableRows(project, 'annotations');

function create(start: number, end: number, labelId = 'claim', onDocument = documentId): Annotation {
  return project.annotationService.create({ documentId: onDocument, start, end, labelId }).upserted[0]!;
}

describe('undo and redo of one action', () => {
  it('undo of a create removes the row, redo puts the same row back', () => {
    const empty = annotationRows();
    const annotation = create(10, 18);
    const created = annotationRows();

    const undo = project.history.undo(documentId);
    expect(undo).toMatchObject({
      description: 'create claim',
      upserted: [],
      deletedIds: [annotation.id],
      annotationCount: 0,
    });
    expect(annotationRows()).toEqual(empty);

    const redo = project.history.redo(documentId);
    expect(redo).toMatchObject({
      description: 'create claim',
      upserted: [annotation],
      deletedIds: [],
      annotationCount: 1,
    });
    expect(annotationRows()).toEqual(created);
  });

  it('undo of a relabel restores the old label and timestamp; redo the new ones', () => {
    const annotation = create(10, 18);
    const before = annotationRows();
    project.annotationService.relabel(annotation.id, 'denial');
    const after = annotationRows();

    expect(project.history.undo(documentId)).toMatchObject({
      description: 'relabel to denial',
      upserted: [annotation],
    });
    expect(annotationRows()).toEqual(before);
    expect(project.history.redo(documentId).description).toBe('relabel to denial');
    expect(annotationRows()).toEqual(after);
  });

  it('undo of a note edit restores the old note; redo the new one', () => {
    const annotation = create(10, 18);
    project.annotationService.setNote(annotation.id, 'first');
    const first = annotationRows();
    project.annotationService.setNote(annotation.id, 'second, with "quotes"');
    const second = annotationRows();

    expect(project.history.undo(documentId).description).toBe('edit note');
    expect(annotationRows()).toEqual(first);
    project.history.redo(documentId);
    expect(annotationRows()).toEqual(second);
  });

  it('undo of a delete brings the row back exactly; redo deletes it again', () => {
    const annotation = create(10, 18, 'number');
    project.annotationService.setNote(annotation.id, 'kept through the delete');
    const present = annotationRows();
    project.annotationService.delete(annotation.id);
    const gone = annotationRows();

    const undo = project.history.undo(documentId);
    expect(undo).toMatchObject({ description: 'delete number', deletedIds: [], annotationCount: 1 });
    expect(undo.upserted).toEqual([
      { ...annotation, note: 'kept through the delete', updatedAt: expect.any(String) },
    ]);
    expect(annotationRows()).toEqual(present);
    expect(project.history.redo(documentId)).toMatchObject({
      deletedIds: [annotation.id],
      annotationCount: 0,
    });
    expect(annotationRows()).toEqual(gone);
  });

  it('logs undo and redo as changes of their own, with before and after swapped, and never rewrites the log', () => {
    const annotation = create(10, 18);
    const doneLog = tableRows(project, 'change_log');
    project.history.undo(documentId);
    project.history.redo(documentId);
    const log = tableRows(project, 'change_log');
    // The original rows are untouched; undo and redo appended one row each for the annotation (and one each
    // for the status the first annotation set, checked in documentService.test.ts).
    expect(log.slice(0, doneLog.length)).toEqual(doneLog);
    const appended = log.slice(doneLog.length);
    expect(appended.map((row) => row.entity)).toEqual(['document', 'annotation', 'annotation', 'document']);
    const [undoRow, redoRow] = appended.filter((row) => row.entity === 'annotation');
    const actionId = tableRows(project, 'actions')[0]!.id;
    expect(undoRow).toMatchObject({
      action_id: actionId,
      cause: 'undo',
      op: 'delete',
      entity_id: annotation.id,
      after: null,
    });
    expect(JSON.parse(undoRow!.before as string)).toEqual(annotation);
    expect(redoRow).toMatchObject({
      action_id: actionId,
      cause: 'redo',
      op: 'insert',
      entity_id: annotation.id,
      before: null,
    });
    expect(JSON.parse(redoRow!.after as string)).toEqual(annotation);
  });
});

describe('what an undone or redone action says', () => {
  it("carries the action's message, its values as the user wrote them, beside the English", () => {
    // Names that read like the English around them: no reader of the English could tell them apart.
    const label = project.labelService.create({
      name: 'delete x in y',
      color: '#e69f00',
      hotkey: null,
      attributes: [],
    });
    const annotation = create(10, 18);
    project.annotationService.relabel(annotation.id, label.id);
    const said = message('actions', 'relabel', { label: 'delete x in y' });
    expect(project.history.undo(documentId)).toMatchObject({
      description: 'relabel to delete x in y',
      message: said,
    });
    expect(project.history.redo(documentId)).toMatchObject({ message: said });
  });

  it('carries a status as its stored code, for each interface to word', () => {
    project.documentService.setStatus(documentId, 'in_progress');
    expect(project.history.undo(documentId)).toMatchObject({
      description: 'mark in progress',
      message: message('actions', 'mark.in_progress', { status: 'in_progress' }),
    });
  });

  it('carries the count of a multi-span create as a number', () => {
    project.annotationService.createMany(documentId, [
      { start: 10, end: 18, labelId: 'claim' },
      { start: 26, end: 28, labelId: 'claim' },
    ]);
    expect(project.history.undo(documentId)).toMatchObject({
      description: 'create 2 annotations (claim)',
      message: message('actions', 'createMany', { count: 2, labels: 'claim' }),
    });
  });
});

describe('the undo stack', () => {
  it('undoes several actions newest first and redoes them oldest first, through every state', () => {
    const states = [annotationRows()];
    const descriptions: string[] = [];
    const a = create(10, 18);
    states.push(annotationRows());
    descriptions.push('create claim');
    const b = create(26, 28, 'number');
    states.push(annotationRows());
    descriptions.push('create number');
    project.annotationService.relabel(a.id, 'denial');
    states.push(annotationRows());
    descriptions.push('relabel to denial');
    project.annotationService.setNote(b.id, 'casualty figure');
    states.push(annotationRows());
    descriptions.push('edit note');
    project.annotationService.delete(a.id);
    states.push(annotationRows());
    descriptions.push('delete denial');

    for (let i = descriptions.length; i > 0; i--) {
      expect(project.history.undo(documentId).description).toBe(descriptions[i - 1]);
      expect(annotationRows()).toEqual(states[i - 1]);
    }
    expect(project.history.undo(documentId).description).toBeNull();
    for (let i = 1; i <= descriptions.length; i++) {
      expect(project.history.redo(documentId).description).toBe(descriptions[i - 1]);
      expect(annotationRows()).toEqual(states[i]);
    }
    expect(project.history.redo(documentId).description).toBeNull();
    expect(annotationRows()).toEqual(states[descriptions.length]);
  });

  it('a new action after an undo discards what could have been redone', () => {
    create(10, 18);
    create(26, 28, 'number');
    project.history.undo(documentId); // the number
    project.history.undo(documentId); // the claim
    const c = create(40, 46, 'denial');
    const rows = annotationRows();
    expect(project.history.redo(documentId).description).toBeNull();
    expect(annotationRows()).toEqual(rows);
    expect(tableRows(project, 'actions').map((a) => a.state)).toEqual(['discarded', 'discarded', 'done']);
    // The new action is still undoable, and undoing it reaches the empty document, not the discarded ones.
    expect(project.history.undo(documentId)).toMatchObject({
      description: 'create denial',
      deletedIds: [c.id],
    });
    expect(annotationRows()).toEqual([]);
    expect(project.history.undo(documentId).description).toBeNull();
  });

  it('undo and redo with nothing to do answer description null and write nothing', () => {
    const annotation = create(10, 18);
    const counts = writeCounts(project);
    const redo = project.history.redo(documentId);
    expect(redo).toMatchObject({
      documentId,
      description: null,
      upserted: [],
      deletedIds: [],
      annotationCount: 1,
    });
    expect(writeCounts(project)).toEqual(counts);

    project.history.undo(documentId);
    const afterUndo = writeCounts(project);
    const again = project.history.undo(documentId);
    expect(again).toMatchObject({ description: null, upserted: [], deletedIds: [], annotationCount: 0 });
    expect(writeCounts(project)).toEqual(afterUndo);
    expect(project.annotations.get(annotation.id)).toBeUndefined();
  });

  it('answers description null for a document that does not exist', () => {
    expect(project.history.undo('no-such-document')).toMatchObject({ description: null, annotationCount: 0 });
    expect(project.history.redo('no-such-document')).toMatchObject({ description: null, annotationCount: 0 });
  });

  it('is per document: undo on one leaves the other untouched, and a new action on one keeps the other redoable', () => {
    const other = addDocument(project, 'Second article\nRebels claimed 3 villages.', 'second.txt');
    const mine = create(10, 18);
    const theirs = create(15, 21, 'claim', other);
    create(26, 28, 'number'); // newest action overall is on `documentId`

    // Undo on `other` undoes its own newest action, not the newer one on `documentId`.
    expect(project.history.undo(other)).toMatchObject({
      description: 'create claim',
      deletedIds: [theirs.id],
    });
    expect(project.annotations.countByDocument(documentId)).toBe(2);
    expect(project.annotations.get(mine.id)).toEqual(mine);

    // A new action on `documentId` does not discard the undone action of `other`.
    create(40, 46, 'denial');
    expect(project.history.redo(other)).toMatchObject({ description: 'create claim', upserted: [theirs] });
    expect(project.annotations.listByDocument(other)).toEqual([theirs]);
    expect(project.annotations.countByDocument(documentId)).toBe(3);
  });
});

describe('two windows on one project (two connections, as a second app instance)', () => {
  const temp = useTempDirs();

  it('a project opened again undoes what was done before it was opened, as before', () => {
    const path = join(temp.make(), 'reopened.spanlight');
    const before = Project.create(path, steppingClock());
    const doc = addDocument(before, TEXT);
    const earlier = before.annotationService.create({ documentId: doc, start: 6, end: 10, labelId: 'claim' });
    before.close();
    const again = Project.open(path, steppingClock(Date.UTC(2025, 0, 1)));
    try {
      expect(again.history.undo(doc)).toMatchObject({ deletedIds: [earlier.upserted[0]!.id] });
    } finally {
      again.close();
    }
  });

  it("each undoes and redoes only its own changes; one's new change keeps the other's redo", () => {
    const path = join(temp.make(), 'shared.spanlight');
    const first = Project.create(path, steppingClock());
    const doc = addDocument(first, TEXT);
    const second = Project.open(path, steppingClock(Date.UTC(2025, 0, 1)));
    const tag = (window: Project, start: number) =>
      window.annotationService.create({ documentId: doc, start, end: start + 4, labelId: 'claim' })
        .upserted[0]!;
    try {
      const mine = tag(first, 6);
      const theirs = tag(second, 20);

      // The first window's Ctrl+Z undoes its own create, not the second window's newer one.
      expect(first.history.undo(doc)).toMatchObject({ deletedIds: [mine.id] });
      expect(first.annotations.get(theirs.id)).toBeDefined();
      // Nothing more of its own to undo: the other window's change is not on its stack.
      expect(first.history.undo(doc)).toMatchObject({ description: null, deletedIds: [] });
      expect(first.annotations.get(theirs.id)).toBeDefined();

      // The second window tags again: the first window can still redo its own undone create.
      tag(second, 30);
      expect(first.history.redo(doc)).toMatchObject({ upserted: [mine] });
      expect(second.history.undo(doc).deletedIds).toHaveLength(1);
      expect(second.history.undo(doc)).toMatchObject({ deletedIds: [theirs.id] });
      expect(first.annotations.get(mine.id)).toBeDefined();
    } finally {
      second.close();
      first.close();
    }
  });

  it("refuses to undo a change another window changed since, keeping that window's change", () => {
    const path = join(temp.make(), 'both.spanlight');
    const first = Project.create(path, steppingClock());
    const doc = addDocument(first, TEXT);
    const second = Project.open(path, steppingClock(Date.UTC(2025, 0, 1)));
    try {
      const older = first.annotationService.create({ documentId: doc, start: 0, end: 5, labelId: 'number' });
      const created = first.annotationService.create({
        documentId: doc,
        start: 6,
        end: 10,
        labelId: 'claim',
      });
      const id = created.upserted[0]!.id;
      second.annotationService.relabel(id, 'denial');

      let refusal: unknown;
      try {
        first.history.undo(doc);
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(AppError);
      expect((refusal as AppError).code).toBe('invalid_input');
      expect((refusal as AppError).message).toMatch(
        /^Cannot undo “create claim”: another window or program has changed it since/,
      );
      // It names the action by the action's own message, so each interface words both in its language.
      expect((refusal as AppError).i18n).toEqual({
        ns: 'errors',
        key: 'history.undoConflict',
        params: { what: { ns: 'actions', key: 'create', params: { label: 'claim' } } },
      });
      expect(first.annotations.get(id)).toMatchObject({ labelId: 'denial' });
      // Its older steps there assumed this one: they end too, rather than replay over the other's change.
      expect(first.history.undo(doc)).toMatchObject({ description: null, deletedIds: [] });
      expect(first.annotations.get(older.upserted[0]!.id)).toBeDefined();
      // The other window still undoes its own change.
      expect(second.history.undo(doc)).toMatchObject({ description: 'relabel to denial' });
      expect(second.annotations.get(id)).toMatchObject({ labelId: 'claim' });
    } finally {
      second.close();
      first.close();
    }
  });
});
