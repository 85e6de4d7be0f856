import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation, Label } from '@shared/model';
import {
  allRows,
  changeLogOf,
  expectAppError,
  projectWithDocument,
  rangeOf,
  tableRows,
} from '../../../test/support/fixtures';
import { checkAttributes } from './attributes';
import type { Project } from './project';

const TEXT = 'Title\nThe ministry said 1,200 people 😀 fled; the army denied it.';

let project: Project;
let documentId: string;
beforeEach(() => ({ project, documentId } = projectWithDocument(TEXT)));
afterEach(() => project.close());

const label = (id: string): Label => project.labels.get(id)!;

describe('checkAttributes', () => {
  it('accepts values of the declared types on the seeded labels', () => {
    expect(checkAttributes(label('number'), { value: 1200, unit: 'people', approximate: false })).toEqual({
      value: 1200,
      unit: 'people',
      approximate: false,
    });
    expect(checkAttributes(label('number'), { value: -0.5 })).toEqual({ value: -0.5 });
    expect(checkAttributes(label('claim'), { source: 'وزارة الدفاع', stance: 'disputes' })).toEqual({
      source: 'وزارة الدفاع',
      stance: 'disputes',
    });
    expect(checkAttributes(label('denial'), {})).toEqual({});
  });

  it('drops empty strings, whatever the type: a blank attribute is no attribute', () => {
    expect(checkAttributes(label('number'), { value: '', unit: '', approximate: true })).toEqual({
      approximate: true,
    });
    expect(checkAttributes(label('claim'), { source: '', stance: '' })).toEqual({});
  });

  it('keeps a text that is only spaces, and does not trim', () => {
    expect(checkAttributes(label('denial'), { source: ' army ' })).toEqual({ source: ' army ' });
  });

  it('does not change the values it was given', () => {
    const values = { value: 3, unit: '' };
    checkAttributes(label('number'), values);
    expect(values).toEqual({ value: 3, unit: '' });
  });

  it.each([
    ['an unknown name', 'number', { value: 3, colour: 'red' }, /Label number has no attribute "colour"/],
    ['a name of another label', 'denial', { stance: 'reports' }, /Label denial has no attribute "stance"/],
    [
      'a string for a number',
      'number',
      { value: '1200' },
      /Attribute "value" of number must be a number, not "1200"/,
    ],
    ['an infinite number', 'number', { value: Infinity }, /must be a number/],
    ['NaN', 'number', { value: NaN }, /must be a number/],
    ['a number for a text', 'claim', { source: 12 }, /Attribute "source" of claim must be a text, not 12/],
    [
      'a string for a boolean',
      'number',
      { approximate: 'yes' },
      /Attribute "approximate" of number must be a boolean, not "yes"/,
    ],
    ['a number for a boolean', 'number', { approximate: 1 }, /must be a boolean/],
    [
      'a choice not in the list',
      'claim',
      { stance: 'denies' },
      /Attribute "stance" of claim must be one of asserts, reports, disputes, not "denies"/,
    ],
    ['a choice in another case', 'claim', { stance: 'Asserts' }, /must be one of asserts, reports, disputes/],
    ['a boolean for a choice', 'claim', { stance: true }, /must be one of/],
  ])('refuses %s with invalid_input', (_name, labelId, values, message) => {
    expectAppError(() => checkAttributes(label(labelId), values as never), 'invalid_input', message);
  });

  it('refuses any value of a choice attribute that has no choices', () => {
    const bare: Label = { ...label('claim'), attributes: [{ name: 'kind', type: 'choice' }] };
    expectAppError(() => checkAttributes(bare, { kind: 'x' }), 'invalid_input', /must be one of , not "x"/);
    expect(checkAttributes(bare, { kind: '' })).toEqual({});
  });

  it('refuses an unknown name even when its value is empty', () => {
    expectAppError(
      () => checkAttributes(label('claim'), { colour: '' }),
      'invalid_input',
      /no attribute "colour"/,
    );
  });
});

describe('annotations with attributes', () => {
  let annotation: Annotation;
  const TWELVE_HUNDRED = rangeOf(TEXT, '1,200');

  beforeEach(() => {
    annotation = project.annotationService.create({ documentId, ...TWELVE_HUNDRED, labelId: 'number' })
      .upserted[0]!;
  });

  it('a new annotation starts with attributes {}, or with the checked ones it was created with', () => {
    expect(annotation.attributes).toEqual({});
    const made = project.annotationService.create({
      documentId,
      ...TWELVE_HUNDRED,
      labelId: 'number',
      attributes: { value: 1200, unit: '', approximate: true },
    }).upserted[0]!;
    expect(made.attributes).toEqual({ value: 1200, approximate: true });
    expect(project.annotations.get(made.id)!.attributes).toEqual({ value: 1200, approximate: true });
    expect(changeLogOf(project, made.id)[0]!.after).toEqual(made);
  });

  it('create refuses bad attributes and writes nothing', () => {
    const before = allRows(project);
    expectAppError(
      () =>
        project.annotationService.create({
          documentId,
          ...TWELVE_HUNDRED,
          labelId: 'number',
          attributes: { value: 'many' },
        }),
      'invalid_input',
      /must be a number/,
    );
    expect(allRows(project)).toEqual(before);
  });

  it('setAttributes stores the checked values, as JSON in the row, and returns the annotation', () => {
    const delta = project.annotationService.setAttributes(annotation.id, {
      value: 1200,
      unit: 'people',
      approximate: false,
    });
    const after = {
      ...annotation,
      attributes: { value: 1200, unit: 'people', approximate: false },
      updatedAt: delta.savedAt,
    };
    expect(delta).toMatchObject({
      documentId,
      upserted: [after],
      deletedIds: [],
      upsertedRelations: [],
      deletedRelationIds: [],
      annotationCount: 1,
    });
    expect(project.annotations.get(annotation.id)).toEqual(after);
    const row = tableRows(project, 'annotations')[0]!;
    expect(JSON.parse(row.attributes as string)).toEqual({ value: 1200, unit: 'people', approximate: false });
  });

  it('setAttributes replaces the whole set: a name left out is removed', () => {
    project.annotationService.setAttributes(annotation.id, { value: 1200, unit: 'people' });
    project.annotationService.setAttributes(annotation.id, { value: 1300 });
    expect(project.annotations.get(annotation.id)!.attributes).toEqual({ value: 1300 });
  });

  it('setAttributes logs one action "edit attributes" with before and after', () => {
    const delta = project.annotationService.setAttributes(annotation.id, { value: 1200 });
    const after = project.annotations.get(annotation.id)!;
    expect(tableRows(project, 'actions').at(-1)).toMatchObject({
      document_id: documentId,
      description: 'edit attributes',
      state: 'done',
    });
    const log = changeLogOf(project, annotation.id);
    expect(log).toHaveLength(2);
    expect(log[1]).toMatchObject({ cause: 'do', op: 'update', at: delta.savedAt, before: annotation, after });
  });

  it('undo restores the old attributes and redo the new ones, row for row', () => {
    project.annotationService.setAttributes(annotation.id, { value: 1200, unit: 'people' });
    const first = tableRows(project, 'annotations');
    project.annotationService.setAttributes(annotation.id, { value: 1300, approximate: true });
    const second = tableRows(project, 'annotations');

    const undo = project.history.undo(documentId);
    expect(undo.description).toBe('edit attributes');
    expect(undo.upserted[0]!.attributes).toEqual({ value: 1200, unit: 'people' });
    expect(tableRows(project, 'annotations')).toEqual(first);
    project.history.undo(documentId);
    expect(project.annotations.get(annotation.id)).toEqual(annotation);

    project.history.redo(documentId);
    expect(tableRows(project, 'annotations')).toEqual(first);
    expect(project.history.redo(documentId).upserted[0]!.attributes).toEqual({
      value: 1300,
      approximate: true,
    });
    expect(tableRows(project, 'annotations')).toEqual(second);
  });

  it('setAttributes checks against the label the annotation has now', () => {
    project.annotationService.relabel(annotation.id, 'claim');
    expectAppError(
      () => project.annotationService.setAttributes(annotation.id, { value: 3 }),
      'invalid_input',
      /Label claim has no attribute "value"/,
    );
    project.annotationService.setAttributes(annotation.id, { stance: 'reports' });
    expect(project.annotations.get(annotation.id)!.attributes).toEqual({ stance: 'reports' });
  });

  it('setAttributes refuses bad values and unknown annotations and writes nothing', () => {
    const before = allRows(project);
    expectAppError(
      () => project.annotationService.setAttributes(annotation.id, { value: '12' }),
      'invalid_input',
      /must be a number/,
    );
    expectAppError(
      () => project.annotationService.setAttributes(annotation.id, { size: 1 }),
      'invalid_input',
      /no attribute "size"/,
    );
    expectAppError(
      () => project.annotationService.setAttributes('nope', { value: 1 }),
      'not_found',
      /No annotation with id nope/,
    );
    expect(allRows(project)).toEqual(before);
  });
});
