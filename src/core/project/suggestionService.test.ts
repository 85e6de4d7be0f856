import { describe, expect, it } from 'vitest';
import type { SuggestionService } from './suggestionService';
import { projectWithDocument } from '../../../test/support/fixtures';

const TEXT = 'The ministry said that 72 fighters were killed near Hadrut. Later 72 more arrived in Hadrut.';

function setup() {
  const { project, documentId } = projectWithDocument(TEXT);
  project.setAnnotator('Rana');
  return { project, documentId, service: project.suggestionService };
}

const labelled = (service: SuggestionService, doc: string) =>
  service.forDocument(doc).map((s) => [s.labelId, s.text]);

describe('suggestions in a project', () => {
  it('accepts a suggestion as an annotation of the annotator that remembers its origin, and undoes it', () => {
    const { project, service, documentId: doc } = setup();
    const number = service.forDocument(doc).find((s) => s.labelId === 'number')!;
    expect(number).toMatchObject({ text: '72', attributes: { value: 72, unit: 'fighters' } });
    const delta = service.accept(doc, number.id);
    expect(delta.upserted[0]).toMatchObject({
      annotator: 'Rana',
      origin: 'suggestion',
      start: number.start,
      attributes: { value: 72 },
    });
    expect(project.annotations.get(delta.upserted[0]!.id)?.origin).toBe('suggestion');
    expect(service.forDocument(doc).some((s) => s.id === number.id)).toBe(false);
    project.history.undo(doc);
    expect(service.forDocument(doc).some((s) => s.id === number.id)).toBe(true);
  });

  it('learns from a tagged text and offers it elsewhere; a rejected text is not offered again', () => {
    const { project, service, documentId: doc } = setup();
    const start = TEXT.indexOf('Hadrut');
    project.labelService.create({ name: 'place', color: '#cc79a7', hotkey: '4', attributes: [] });
    const place = project.labels.byName('place')!;
    project.annotationService.create({ documentId: doc, start, end: start + 6, labelId: place.id });
    const learned = service.forDocument(doc).filter((s) => s.labelId === place.id);
    expect(learned.map((s) => [s.text, s.rule])).toEqual([['Hadrut', 'learned']]);
    service.reject(place.id, 'hadrut');
    expect(service.forDocument(doc).filter((s) => s.labelId === place.id)).toEqual([]);
    expect(
      project.db.prepare(`SELECT count(*) FROM change_log WHERE entity = 'suggestion'`).pluck().get(),
    ).toBe(1);
  });

  it('leaves out a rule family switched off for a label, and says so in the change log', () => {
    const { project, service, documentId: doc } = setup();
    expect(labelled(service, doc).some(([label]) => label === 'claim')).toBe(true);
    service.setEnabled('claim', 'claims', false);
    expect(labelled(service, doc).some(([label]) => label === 'claim')).toBe(false);
    expect(labelled(service, doc).some(([label]) => label === 'number')).toBe(true);
    service.setEnabled('claim', 'claims', true);
    expect(labelled(service, doc).some(([label]) => label === 'claim')).toBe(true);
    expect(
      project.db
        .prepare(`SELECT count(*) FROM change_log WHERE entity_id = 'suggestions.disabled'`)
        .pluck()
        .get(),
    ).toBe(2);
  });
});
