// Regression: a document with annotations stayed "To do", and Ctrl+Z did not undo D, S or the status select.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectWithDocument } from '../../../test/support/fixtures';
import type { Project } from './project';

let project: Project;
let documentId: string;
beforeEach(
  () => ({ project, documentId } = projectWithDocument('Title\nThe minister said 12 people were hurt.')),
);
afterEach(() => project.close());

const storedStatus = () => project.documents.summary(documentId)!.status;
const tag = () => project.annotationService.create({ documentId, start: 10, end: 18, labelId: 'claim' });

describe('document status', () => {
  it('the first annotation takes the document from to do to in progress, in the same undoable action', () => {
    expect(storedStatus()).toBe('todo');
    expect(tag().status).toBe('in_progress');
    expect(storedStatus()).toBe('in_progress');

    expect(project.history.undo(documentId)).toMatchObject({ description: 'create claim', status: 'todo' });
    expect(storedStatus()).toBe('todo');
    expect(project.history.redo(documentId).status).toBe('in_progress');
    expect(storedStatus()).toBe('in_progress');
  });

  it('a later annotation leaves a done document done', () => {
    project.documentService.setStatus(documentId, 'done');
    expect(tag().status).toBe('done');
    expect(storedStatus()).toBe('done');
  });

  it('a status change is undone and redone on the document’s own stack, and logged', () => {
    tag();
    const marked = project.documentService.setStatus(documentId, 'done');
    expect(marked).toMatchObject({ documentId, status: 'done', annotationCount: 1 });

    expect(project.history.undo(documentId)).toMatchObject({
      description: 'mark done',
      status: 'in_progress',
    });
    expect(storedStatus()).toBe('in_progress');
    // The annotation made before the status change is untouched by its undo.
    expect(project.annotations.countByDocument(documentId)).toBe(1);
    expect(project.history.redo(documentId)).toMatchObject({ description: 'mark done', status: 'done' });
    expect(storedStatus()).toBe('done');

    const changes = project.db
      .prepare(
        "SELECT before, after FROM change_log WHERE entity = 'document' AND cause != 'import' ORDER BY seq",
      )
      .all() as Array<{ before: string; after: string }>;
    expect(changes.map((c) => [JSON.parse(c.before).status, JSON.parse(c.after).status])).toEqual([
      ['todo', 'in_progress'],
      ['in_progress', 'done'],
      ['done', 'in_progress'],
      ['in_progress', 'done'],
    ]);
  });
});
