import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation, Relation } from '@shared/model';
import {
  addDocument,
  allRows,
  changeLogOf,
  expectAppError,
  projectWithDocument,
  rangeOf,
  tableRows,
} from '../../../test/support/fixtures';
import type { Project } from './project';

const TEXT = 'Title\nThe ministry 😀 said 12 people were hurt; the army denied it; a witness confirmed 12.';

let project: Project;
let documentId: string;
/** A claim, a number inside it, a denial and another number. */
let claim: Annotation, number: Annotation, denial: Annotation, witness: Annotation;

function annotate(needle: string, labelId: string, onDocument = documentId, text = TEXT): Annotation {
  return project.annotationService.create({ documentId: onDocument, ...rangeOf(text, needle), labelId })
    .upserted[0]!;
}

beforeEach(() => {
  ({ project, documentId } = projectWithDocument(TEXT));
  claim = annotate('The ministry 😀 said 12 people were hurt', 'claim');
  number = annotate('12', 'number');
  denial = annotate('the army denied it', 'denial');
  witness = annotate('a witness confirmed 12', 'claim');
});
afterEach(() => project.close());

const link = (from: Annotation, to: Annotation, type = 'denies'): Relation =>
  project.relationService.create(from.id, to.id, type).upsertedRelations[0]!;

const rows = () => ({
  annotations: tableRows(project, 'annotations'),
  relations: tableRows(project, 'relations'),
});

describe('create', () => {
  it('stores the link and returns it in the delta', () => {
    project.setAnnotator('rima');
    const delta = project.relationService.create(denial.id, claim.id, 'denies');
    expect(delta).toMatchObject({
      documentId,
      upserted: [],
      deletedIds: [],
      deletedRelationIds: [],
      annotationCount: 4,
    });
    const [relation] = delta.upsertedRelations;
    expect(relation).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      documentId,
      fromId: denial.id,
      toId: claim.id,
      type: 'denies',
      annotator: 'rima',
      createdAt: delta.savedAt,
    });
    expect(project.relations.get(relation!.id)).toEqual(relation);
    expect(project.relations.listByDocument(documentId)).toEqual([relation]);
    expect(tableRows(project, 'relations')).toEqual([
      {
        id: relation!.id,
        document_id: documentId,
        from_id: denial.id,
        to_id: claim.id,
        type: 'denies',
        annotator: 'rima',
        created_at: delta.savedAt,
      },
    ]);
  });

  it('logs one action "link <type>" and one change_log row for the relation', () => {
    const relation = link(denial, claim);
    expect(tableRows(project, 'actions').at(-1)).toMatchObject({
      document_id: documentId,
      description: 'link denies',
      state: 'done',
    });
    expect(changeLogOf(project, relation.id)).toEqual([
      expect.objectContaining({
        cause: 'do',
        entity: 'relation',
        op: 'insert',
        before: null,
        after: relation,
      }),
    ]);
  });

  it('allows several links between the same annotations when their types differ, and links both ways', () => {
    link(denial, claim, 'denies');
    link(denial, claim, 'same-as');
    link(claim, denial, 'denies');
    link(witness, claim, 'supports');
    expect(project.relations.listByDocument(documentId).map((r) => [r.fromId, r.toId, r.type])).toEqual([
      [denial.id, claim.id, 'denies'],
      [denial.id, claim.id, 'same-as'],
      [claim.id, denial.id, 'denies'],
      [witness.id, claim.id, 'supports'],
    ]);
    expect(project.relations.touching(claim.id)).toHaveLength(4);
    expect(project.relations.touching(number.id)).toEqual([]);
  });

  it('undo removes the link and redo puts the same row back', () => {
    const before = rows();
    const relation = link(denial, claim);
    const after = rows();
    expect(project.history.undo(documentId)).toMatchObject({
      description: 'link denies',
      upsertedRelations: [],
      deletedRelationIds: [relation.id],
      upserted: [],
      deletedIds: [],
    });
    expect(rows()).toEqual(before);
    expect(project.history.redo(documentId)).toMatchObject({
      description: 'link denies',
      upsertedRelations: [relation],
    });
    expect(rows()).toEqual(after);
  });

  describe('refusals, which write nothing', () => {
    let before: ReturnType<typeof allRows>;
    beforeEach(() => {
      link(denial, claim);
      before = allRows(project);
    });
    afterEach(() => expect(allRows(project)).toEqual(before));

    it('refuses a link from an annotation to itself', () => {
      expectAppError(
        () => project.relationService.create(claim.id, claim.id, 'same-as'),
        'invalid_input',
        /cannot be linked to itself/,
      );
    });

    it('refuses a link between annotations of two documents', () => {
      const otherText = 'Second article\nRebels claimed 3 villages.';
      const other = addDocument(project, otherText, 'second.txt');
      const there = annotate('Rebels claimed 3 villages', 'claim', other, otherText);
      before = allRows(project);
      expectAppError(
        () => project.relationService.create(there.id, claim.id, 'denies'),
        'invalid_input',
        /same document/,
      );
      expectAppError(
        () => project.relationService.create(claim.id, there.id, 'denies'),
        'invalid_input',
        /same document/,
      );
    });

    it('refuses the same link twice', () => {
      expectAppError(
        () => project.relationService.create(denial.id, claim.id, 'denies'),
        'invalid_input',
        /already linked as "denies"/,
      );
    });

    it('refuses unknown annotation ids, naming the unknown one', () => {
      expectAppError(
        () => project.relationService.create('nope', claim.id, 'denies'),
        'not_found',
        /No annotation with id nope/,
      );
      expectAppError(
        () => project.relationService.create(claim.id, 'nope', 'denies'),
        'not_found',
        /No annotation with id nope/,
      );
      expectAppError(
        () => project.relationService.create('gone', 'gone', 'denies'),
        'not_found',
        /No annotation with id gone/,
      );
    });

    it('refuses to delete an unknown link', () => {
      expectAppError(() => project.relationService.delete('nope'), 'not_found', /No link with id nope/);
    });
  });
});

describe('delete', () => {
  it('removes the link, logs it and returns its id', () => {
    const relation = link(denial, claim);
    const delta = project.relationService.delete(relation.id);
    expect(delta).toMatchObject({
      documentId,
      upsertedRelations: [],
      deletedRelationIds: [relation.id],
      upserted: [],
      deletedIds: [],
      annotationCount: 4,
    });
    expect(project.relations.get(relation.id)).toBeUndefined();
    expect(tableRows(project, 'actions').at(-1)).toMatchObject({ description: 'unlink denies' });
    expect(changeLogOf(project, relation.id).at(-1)).toMatchObject({
      cause: 'do',
      op: 'delete',
      before: relation,
      after: null,
    });
    // The annotations are untouched.
    expect(project.annotations.listByDocument(documentId)).toHaveLength(4);
  });

  it('undo brings the link back exactly; redo removes it again', () => {
    const relation = link(denial, claim);
    const linked = rows();
    project.relationService.delete(relation.id);
    const unlinked = rows();
    expect(project.history.undo(documentId)).toMatchObject({
      description: 'unlink denies',
      upsertedRelations: [relation],
    });
    expect(rows()).toEqual(linked);
    expect(project.history.redo(documentId)).toMatchObject({ deletedRelationIds: [relation.id] });
    expect(rows()).toEqual(unlinked);
  });
});

describe('deleting an annotation with links', () => {
  let links: Relation[];
  beforeEach(() => {
    links = [
      link(denial, claim),
      link(claim, number, 'same-as'),
      link(witness, claim, 'supports'),
      link(witness, denial, 'denies'),
    ];
  });

  it('deletes the links from and to it in the same action, and reports them in the delta', () => {
    const actionsBefore = tableRows(project, 'actions').length;
    const delta = project.annotationService.delete(claim.id);
    expect(delta.deletedIds).toEqual([claim.id]);
    expect([...delta.deletedRelationIds].sort()).toEqual([links[0]!.id, links[1]!.id, links[2]!.id].sort());
    expect(delta.annotationCount).toBe(3);
    expect(project.relations.listByDocument(documentId)).toEqual([links[3]]);
    expect(project.annotations.get(claim.id)).toBeUndefined();
    // One action, holding the three unlinks and the delete.
    const actions = tableRows(project, 'actions');
    expect(actions).toHaveLength(actionsBefore + 1);
    const actionId = actions.at(-1)!.id;
    const logged = changeLogOf(project).filter((row) => row.action_id === actionId);
    expect(logged.map((row) => [row.entity, row.entity_id, row.op])).toEqual([
      ...links.slice(0, 3).map((r) => ['relation', r.id, 'delete']),
      ['annotation', claim.id, 'delete'],
    ]);
    expect(logged.map((row) => row.before)).toEqual([...links.slice(0, 3), claim]);
  });

  it('undo brings back the annotation and its links exactly; redo removes them again; and again', () => {
    const present = rows();
    project.annotationService.delete(claim.id);
    const gone = rows();
    expect(gone.relations).toHaveLength(1);

    for (let round = 0; round < 2; round++) {
      const undo = project.history.undo(documentId);
      expect(undo).toMatchObject({
        description: 'delete claim',
        upserted: [claim],
        deletedIds: [],
        annotationCount: 4,
      });
      expect([...undo.upsertedRelations].sort(byId)).toEqual(links.slice(0, 3).sort(byId));
      expect(rows()).toEqual(present);

      const redo = project.history.redo(documentId);
      expect(redo).toMatchObject({ description: 'delete claim', deletedIds: [claim.id], annotationCount: 3 });
      expect(redo.deletedRelationIds).toHaveLength(3);
      expect(rows()).toEqual(gone);
    }
    expect(project.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('undo walks back through every state, links included, and redo forwards', () => {
    const states = [rows()];
    project.annotationService.delete(number.id);
    states.push(rows());
    project.relationService.delete(links[3]!.id);
    states.push(rows());
    project.annotationService.delete(claim.id);
    states.push(rows());
    link(witness, denial, 'same-as');
    states.push(rows());
    for (let i = states.length - 1; i > 0; i--) {
      project.history.undo(documentId);
      expect(rows(), `undo to state ${i - 1}`).toEqual(states[i - 1]);
    }
    for (let i = 1; i < states.length; i++) {
      project.history.redo(documentId);
      expect(rows(), `redo to state ${i}`).toEqual(states[i]);
    }
  });

  it('deleting an annotation without links deletes no link', () => {
    const lone = annotate('hurt', 'claim');
    const delta = project.annotationService.delete(lone.id);
    expect(delta).toMatchObject({ deletedIds: [lone.id], deletedRelationIds: [], upsertedRelations: [] });
    expect(tableRows(project, 'relations')).toHaveLength(4);
  });
});

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
