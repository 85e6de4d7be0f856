import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation, Label } from '@shared/model';
import type { LabelFields } from './labelService';
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
const OTHER_TEXT = 'Second article\nRebels claimed 3 villages, officials said.';

let project: Project;
let documentId: string;
beforeEach(() => ({ project, documentId } = projectWithDocument(TEXT)));
afterEach(() => project.close());

const QUOTE: LabelFields = {
  name: 'quote',
  color: '#e69f00',
  hotkey: '4',
  attributes: [{ name: 'speaker', type: 'text', suggest: true }],
};

function annotate(needle: string, labelId: string, onDocument = documentId, text = TEXT): Annotation {
  return project.annotationService.create({ documentId: onDocument, ...rangeOf(text, needle), labelId })
    .upserted[0]!;
}

const labelIds = () => project.labels.list().map((l) => l.id);

describe('create', () => {
  it('adds a label at the end of the list with a new id, and logs it', () => {
    const label = project.labelService.create(QUOTE);
    expect(label).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), ...QUOTE, position: 3 });
    expect(project.labels.list().at(-1)).toEqual(label);
    expect(changeLogOf(project, label.id)).toEqual([
      expect.objectContaining({
        action_id: null,
        cause: 'do',
        entity: 'label',
        op: 'insert',
        before: null,
        after: label,
      }),
    ]);
    // Not an undoable action of any document.
    expect(tableRows(project, 'actions')).toEqual([]);
  });

  it('makes a label that annotations can use right away, with its attributes', () => {
    const label = project.labelService.create(QUOTE);
    const delta = project.annotationService.create({
      documentId,
      ...rangeOf(TEXT, 'a witness'),
      labelId: label.id,
      attributes: { speaker: 'witness' },
    });
    expect(delta.upserted[0]).toMatchObject({ labelId: label.id, attributes: { speaker: 'witness' } });
  });

  it('accepts a label without a hotkey, and several of them', () => {
    project.labelService.create({ ...QUOTE, hotkey: null });
    project.labelService.create({ ...QUOTE, name: 'source', hotkey: null });
    expect(project.labels.list().map((l) => [l.name, l.hotkey, l.position])).toEqual([
      ['claim', '1', 0],
      ['denial', '2', 1],
      ['number', '3', 2],
      ['quote', null, 3],
      ['source', null, 4],
    ]);
  });

  describe('refusals, which write nothing', () => {
    let before: ReturnType<typeof allRows>;
    beforeEach(() => (before = allRows(project)));
    afterEach(() => expect(allRows(project)).toEqual(before));

    it('refuses a name that exists, in any case', () => {
      expectAppError(
        () => project.labelService.create({ ...QUOTE, name: 'claim' }),
        'invalid_input',
        /A label named claim exists/,
      );
      expectAppError(
        () => project.labelService.create({ ...QUOTE, name: 'CLAIM' }),
        'invalid_input',
        /A label named claim exists/,
      );
    });

    it('refuses a hotkey that is taken', () => {
      expectAppError(
        () => project.labelService.create({ ...QUOTE, hotkey: '2' }),
        'invalid_input',
        /Key 2 is already the key of denial/,
      );
    });

    it('refuses two attributes of one name', () => {
      const attributes = [QUOTE.attributes[0]!, { name: 'speaker', type: 'number' as const }];
      expectAppError(
        () => project.labelService.create({ ...QUOTE, attributes }),
        'invalid_input',
        /Attribute names must be unique/,
      );
    });
  });
});

describe('update', () => {
  it('renames a label: every annotation keeps its id, its label id and its row', () => {
    annotate('The ministry 😀 said 12 people were hurt', 'claim');
    annotate('a witness confirmed 12', 'claim');
    annotate('12', 'number');
    const annotations = tableRows(project, 'annotations');
    const before = project.labels.get('claim')!;

    const after = project.labelService.update('claim', {
      name: 'assertion',
      color: '#123456',
      hotkey: 'a',
      attributes: before.attributes,
    });
    expect(after).toEqual({ ...before, name: 'assertion', color: '#123456', hotkey: 'a' });
    expect(project.labels.get('claim')).toEqual(after);
    expect(tableRows(project, 'annotations')).toEqual(annotations);
    expect(project.annotations.listByLabel('claim')).toHaveLength(2);
    expect(changeLogOf(project, 'claim')).toEqual([
      expect.objectContaining({ action_id: null, entity: 'label', op: 'update', before, after }),
    ]);
    // The new name is what the next action is described with.
    project.annotationService.relabel(project.annotations.listByLabel('number')[0]!.id, 'claim');
    expect(tableRows(project, 'actions').at(-1)).toMatchObject({ description: 'relabel to assertion' });
  });

  it('keeps the position, and lets a label keep its own name and key or change the case of its name', () => {
    const before = project.labels.get('denial')!;
    expect(
      project.labelService.update('denial', {
        name: 'Denial',
        color: before.color,
        hotkey: '2',
        attributes: [],
      }),
    ).toEqual({
      ...before,
      name: 'Denial',
      attributes: [],
    });
  });

  it('changes the attribute definitions without touching the values already stored', () => {
    const number = annotate('12', 'number');
    project.annotationService.setAttributes(number.id, { value: 12, unit: 'people' });
    const attributes = [{ name: 'value', type: 'number' as const }];
    project.labelService.update('number', { name: 'number', color: '#009e73', hotkey: '3', attributes });
    expect(project.labels.get('number')!.attributes).toEqual(attributes);
    expect(project.annotations.get(number.id)!.attributes).toEqual({ value: 12, unit: 'people' });
  });

  it('refuses a name or hotkey of another label, an unknown id, and writes nothing', () => {
    const quote = project.labelService.create(QUOTE);
    const before = allRows(project);
    expectAppError(
      () => project.labelService.update(quote.id, { ...QUOTE, name: 'Number' }),
      'invalid_input',
      /A label named number exists/,
    );
    expectAppError(
      () => project.labelService.update(quote.id, { ...QUOTE, hotkey: '1' }),
      'invalid_input',
      /Key 1 is already the key of claim/,
    );
    expectAppError(() => project.labelService.update('nope', QUOTE), 'not_found', /No label with id nope/);
    expect(allRows(project)).toEqual(before);
  });
});

describe('reorder', () => {
  it('puts the labels in the order given and logs only the labels that moved', () => {
    const quote = project.labelService.create(QUOTE);
    const logged = tableRows(project, 'change_log').length;
    const labels = project.labelService.reorder(['claim', quote.id, 'number', 'denial']);
    expect(labels.map((l) => [l.id, l.position])).toEqual([
      ['claim', 0],
      [quote.id, 1],
      ['number', 2],
      ['denial', 3],
    ]);
    expect(project.labels.list()).toEqual(labels);
    const moved = changeLogOf(project).slice(logged);
    expect(moved.map((row) => [row.entity_id, row.before.position, row.after.position])).toEqual([
      [quote.id, 3, 1],
      ['denial', 1, 3],
    ]);
  });

  it('is a no-op, writing nothing, when the order is the same', () => {
    const before = allRows(project);
    expect(project.labelService.reorder(['claim', 'denial', 'number']).map((l) => l.id)).toEqual([
      'claim',
      'denial',
      'number',
    ]);
    expect(allRows(project)).toEqual(before);
  });

  it.each([
    ['a missing id', ['claim', 'denial']],
    ['an id twice', ['claim', 'denial', 'denial']],
    ['an id twice instead of another', ['claim', 'claim', 'number']],
    ['an unknown id', ['claim', 'denial', 'nope']],
    ['an extra id', ['claim', 'denial', 'number', 'nope']],
    ['nothing', []],
  ])('refuses %s and writes nothing', (_name, ids) => {
    const before = allRows(project);
    expectAppError(
      () => project.labelService.reorder(ids),
      'invalid_input',
      /must list every label exactly once/,
    );
    expect(allRows(project)).toEqual(before);
  });
});

describe('delete', () => {
  let quote: Label;
  let other: string;
  let kept: { claim: Annotation; number: Annotation; otherClaim: Annotation };
  let quoted: Annotation[];

  beforeEach(() => {
    quote = project.labelService.create(QUOTE);
    other = addDocument(project, OTHER_TEXT, 'second.txt');
    kept = {
      claim: annotate('The ministry 😀 said 12 people were hurt', 'claim'),
      number: annotate('12', 'number'),
      otherClaim: annotate('Rebels claimed 3 villages', 'claim', other, OTHER_TEXT),
    };
    quoted = [
      annotate('a witness confirmed 12', quote.id),
      annotate('the army denied it', quote.id),
      annotate('officials said', quote.id, other, OTHER_TEXT),
    ];
  });

  it('with the right count removes the label, its annotations and their links, and nothing else', () => {
    const keptLink = project.relationService.create(kept.number.id, kept.claim.id, 'same-as')
      .upsertedRelations[0]!;
    const links = [
      project.relationService.create(quoted[0]!.id, kept.claim.id, 'supports').upsertedRelations[0]!,
      project.relationService.create(kept.claim.id, quoted[1]!.id, 'denies').upsertedRelations[0]!,
      project.relationService.create(quoted[0]!.id, quoted[1]!.id, 'same-as').upsertedRelations[0]!,
      project.relationService.create(quoted[2]!.id, kept.otherClaim.id, 'denies').upsertedRelations[0]!,
    ];
    const logged = tableRows(project, 'change_log').length;

    project.labelService.delete(quote.id, 3);

    expect(labelIds()).toEqual(['claim', 'denial', 'number']);
    expect(
      tableRows(project, 'annotations')
        .map((row) => row.id)
        .sort(),
    ).toEqual(
      Object.values(kept)
        .map((a) => a.id)
        .sort(),
    );
    expect(project.relations.listByDocument(documentId)).toEqual([keptLink]);
    expect(project.relations.listByDocument(other)).toEqual([]);
    expect(project.db.pragma('foreign_key_check')).toEqual([]);

    // Every removal is in the change log, each link once, then the label.
    const log = changeLogOf(project).slice(logged);
    expect(
      log.every(
        (row) => row.cause === 'do' && row.op === 'delete' && row.after === null && row.action_id === null,
      ),
    ).toBe(true);
    const removed = (entity: string) => log.filter((row) => row.entity === entity);
    expect(
      removed('relation')
        .map((row) => row.before)
        .sort(byId),
    ).toEqual([...links].sort(byId));
    expect(
      removed('annotation')
        .map((row) => row.before)
        .sort(byId),
    ).toEqual([...quoted].sort(byId));
    expect(log.at(-1)).toMatchObject({ entity: 'label', entity_id: quote.id, before: quote });
    expect(log).toHaveLength(links.length + quoted.length + 1);
  });

  it('records the annotator on every row it logs', () => {
    project.setAnnotator('rima');
    const logged = tableRows(project, 'change_log').length;
    project.labelService.delete(quote.id, 3);
    expect(
      changeLogOf(project)
        .slice(logged)
        .map((row) => row.actor),
    ).toEqual(['rima', 'rima', 'rima', 'rima']);
  });

  it('deletes a label that has no annotations with expectedCount 0', () => {
    const empty = project.labelService.create({ ...QUOTE, name: 'empty', hotkey: null });
    project.labelService.delete(empty.id, 0);
    expect(project.labels.get(empty.id)).toBeUndefined();
    expect(project.annotations.listByLabel(quote.id)).toHaveLength(3);
  });

  it('deletes a seeded label too', () => {
    project.labelService.delete('number', 1);
    expect(labelIds()).toEqual(['claim', 'denial', quote.id]);
    expect(project.annotations.get(kept.number.id)).toBeUndefined();
  });

  it.each([2, 4, 0])(
    'refuses expectedCount %i when the label has 3 annotations, and changes nothing',
    (expectedCount) => {
      project.relationService.create(quoted[0]!.id, kept.claim.id, 'supports');
      const before = allRows(project);
      expectAppError(
        () => project.labelService.delete(quote.id, expectedCount),
        'invalid_input',
        new RegExp(`Label quote now has 3 annotations, not ${expectedCount}; confirm again`),
      );
      expect(allRows(project)).toEqual(before);
    },
  );

  it('refuses an unknown label', () => {
    const before = allRows(project);
    expectAppError(() => project.labelService.delete('nope', 0), 'not_found', /No label with id nope/);
    expect(allRows(project)).toEqual(before);
  });

  it('leaves no undo or redo that would bring back an annotation or link of the deleted label', () => {
    // On `documentId`, undo would relabel `number` back to quote, and further down recreate a deleted quote.
    const extra = annotate('hurt', quote.id);
    project.annotationService.delete(extra.id);
    project.annotationService.relabel(kept.number.id, quote.id);
    project.annotationService.relabel(kept.number.id, 'number');
    // On `other`, redo would write a quote annotation back.
    project.annotationService.setNote(quoted[2]!.id, 'noted');
    project.history.undo(other);
    // A document whose quote annotation came in by import (no action mentions the label) but was linked by hand:
    // redo would link to an annotation that no longer exists.
    const importedText = 'Imported\nA quote from the import.';
    const line = { text: importedText, spans: [{ ...rangeOf(importedText, 'A quote'), label: 'quote' }] };
    const imported = addDocument(project, JSON.stringify(line), 'imported.jsonl');
    const [importedQuote] = project.annotations.listByDocument(imported);
    expect(importedQuote).toMatchObject({ labelId: quote.id });
    const importedClaim = annotate('the import', 'claim', imported, importedText);
    project.relationService.create(importedClaim.id, importedQuote!.id, 'supports');
    project.history.undo(imported);
    // A document the label never touched keeps its history.
    const thirdText = 'Third\nNothing quoted here.';
    const third = addDocument(project, thirdText, 'third.txt');
    const untouched = annotate('Nothing', 'claim', third, thirdText);

    project.labelService.delete(quote.id, 4);
    const after = allRows(project);

    for (const document of [documentId, other, imported]) {
      expect(project.history.redo(document).description, document).toBeNull();
      expect(project.history.undo(document).description, document).toBeNull();
    }
    expect(allRows(project)).toEqual(after);
    expect(project.history.undo(third)).toMatchObject({
      description: 'create claim',
      deletedIds: [untouched.id],
    });
  });
});

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
