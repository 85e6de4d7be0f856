// The provenance of each document (issue 15): stored with the document on import, read per document and for
// the whole project, edited through the change log and undone like any other change.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentMetaFields } from '@shared/model';
import { emptyMetaFields } from '@shared/documentMeta';
import { addDocument, changeLogOf, projectWithDocument } from '../../../test/support/fixtures';
import { openDocument } from './openedDocument';
import type { Project } from './project';

let project: Project;
let documentId: string;
beforeEach(
  () => ({ project, documentId } = projectWithDocument('Title\nThe minister said 12 people were hurt.')),
);
afterEach(() => project.close());

const edited: DocumentMetaFields = {
  outlet: 'North Press',
  published: '2020-10-05T17:35:00+03:00',
  url: 'https://example.org/a',
  language: 'en',
  externalId: 'np-17',
  extra: { section: 'world' },
};

describe('document provenance', () => {
  it('a text import keeps its file name and finds its language', () => {
    const arabic = addDocument(project, 'قالت مصادر محلية إن 93 مقاتلا قتلوا', 'reports/ar 2.txt');
    expect(project.documents.meta(documentId)).toEqual({
      fileName: 'article.txt',
      ...emptyMetaFields(),
      language: 'en',
    });
    expect(project.documents.meta(arabic)).toMatchObject({ fileName: 'reports/ar 2.txt', language: 'ar' });
    expect(project.documents.meta('no-such-document')).toBeUndefined();
  });

  it('the list, the opened document and the whole-project read carry it', () => {
    const second = addDocument(project, 'Another article\nwith its own text', 'b.txt');
    project.documentService.setMeta(second, edited);
    expect(project.documents.summary(second)).toMatchObject({
      fileName: 'b.txt',
      outlet: 'North Press',
      published: '2020-10-05T17:35:00+03:00',
    });
    expect(project.documents.list().map((d) => [d.fileName, d.outlet, d.published])).toEqual([
      ['article.txt', null, null],
      ['b.txt', 'North Press', '2020-10-05T17:35:00+03:00'],
    ]);
    expect(openDocument(project, second).meta).toEqual({ fileName: 'b.txt', ...edited });
    const all = project.documents.metaById();
    expect([...all.keys()]).toEqual([documentId, second]);
    expect(all.get(second)).toEqual({ fileName: 'b.txt', ...edited });
  });

  it('an edit is one undoable action, logged before and after, and its delta carries the new provenance', () => {
    const before = project.documents.meta(documentId)!;
    const delta = project.documentService.setMeta(documentId, edited);
    expect(delta.meta).toEqual({ fileName: 'article.txt', ...edited });
    const logged = changeLogOf(project, documentId).filter((row) => row.entity === 'document_meta');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ cause: 'do', op: 'update', after: edited });
    expect(logged[0]!.before).toMatchObject({ language: 'en', outlet: null });

    const undone = project.history.undo(documentId);
    expect(undone.description).toBe('edit document details');
    expect(undone.meta).toEqual(before);
    expect(project.documents.meta(documentId)).toEqual(before);
    expect(project.history.redo(documentId).meta).toEqual({ fileName: 'article.txt', ...edited });
    expect(project.documents.summary(documentId)!.outlet).toBe('North Press');
  });

  it('an undo does not overwrite an edit another window made since', () => {
    project.documentService.setMeta(documentId, edited);
    // Another connection's edit, as a second window would make it: straight to the row.
    project.db.prepare(`UPDATE document_meta SET outlet = 'Other' WHERE document_id = ?`).run(documentId);
    expect(() => project.history.undo(documentId)).toThrow(/another window or program has changed it/);
    expect(project.documents.meta(documentId)!.outlet).toBe('Other');
  });

  it('refuses a document that does not exist', () => {
    expect(() => project.documentService.setMeta('nope', edited)).toThrow(/No document with id nope/);
  });

  it('the database refuses a date of another shape and an extra that is not an object', () => {
    const set = (column: string, value: string) =>
      project.db
        .prepare(`UPDATE document_meta SET ${column} = ? WHERE document_id = ?`)
        .run(value, documentId);
    expect(() => set('published', '05/10/2020')).toThrow(/CHECK/);
    expect(() => set('extra', '[1]')).toThrow(/CHECK/);
    expect(() => set('extra', 'not json')).toThrow(/CHECK|JSON/);
  });
});
