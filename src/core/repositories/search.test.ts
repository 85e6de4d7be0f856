import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '@shared/model';
import type { AnnotationQuery, DocumentHit } from './search';
import { Project } from '../project/project';
import {
  addDocument,
  codePointSlice,
  rangeOf,
  sampleArticles,
  steppingClock,
} from '../../../test/support/fixtures';

/** Small texts whose spellings differ from the queries below in every way folding is meant to absorb. */
const VOCALISED = 'بيان: إنّ المُقَاتِلِينَ في الـــهجوم على المدرسة أكّدوا رؤيتهم للمستشفى.';
const BARE = 'تقرير\nقال مقاتلون إن الهجوم على مدرسه انتهى، وأكد مسؤول في المستشفي ذلك.';
const ENGLISH =
  'Forward units went to WAR.\nThe Ministry said the café was hit; "not true", said the army. Rebels or soldiers and others were near. ❤️';

describe('documents', () => {
  let project: Project;
  /** Document id -> text, for every imported document. */
  const texts = new Map<string, string>();
  const ids = {} as Record<
    'ar-01' | 'ar-02' | 'ar-03' | 'en-01' | 'en-02' | 'en-03' | 'vocalised' | 'bare' | 'english',
    string
  >;

  function add(name: string, text: string): string {
    const id = addDocument(project, text, name);
    texts.set(id, text);
    return id;
  }

  beforeAll(() => {
    project = Project.inMemory(steppingClock());
    for (const path of sampleArticles())
      ids[basename(path).slice(0, 5) as 'ar-01'] = add(basename(path), readFileSync(path, 'utf8'));
    ids.vocalised = add('vocalised.txt', VOCALISED);
    ids.bare = add('bare.txt', BARE);
    ids.english = add('english.txt', ENGLISH);
  });
  afterAll(() => project.close());

  const search = (query: string, limit = 50) => project.search.documents(query, limit);
  const found = (query: string) =>
    search(query)
      .map((hit) => hit.documentId)
      .sort();
  const hitIn = (query: string, documentId: string): DocumentHit => {
    const hit = search(query).find((h) => h.documentId === documentId);
    expect(hit, `${query} in ${documentId}`).toBeDefined();
    return hit!;
  };

  /** A hit is a code point range of the text, `match` is that slice, and the context surrounds it. */
  function expectConsistent(hit: DocumentHit): void {
    const text = texts.get(hit.documentId)!;
    expect(hit.title).toBe(project.documents.get(hit.documentId)!.title);
    expect(codePointSlice(text, hit.start, hit.end)).toBe(hit.match);
    expect(Array.from(text).slice(0, hit.start).join('').endsWith(hit.before)).toBe(true);
    expect(Array.from(text).slice(hit.end).join('').startsWith(hit.after)).toBe(true);
    expect(hit.before.length).toBeLessThanOrEqual(60);
    expect(hit.after.length).toBeLessThanOrEqual(60);
  }

  it('finds vocalised text with a bare query and bare text with a vocalised query', () => {
    expect(found('مقاتلين')).toContain(ids['ar-01']); // "سبعة مقاتلين" in the sample
    expect(found('مقاتلين')).not.toContain(ids.vocalised); // المُقَاتِلِينَ is another word (ال)
    expect(found('المقاتلين')).toContain(ids.vocalised);
    expect(found('المقاتلين')).not.toContain(ids.bare);
    expect(found('المُقَاتِلِينَ')).toContain(ids.vocalised);
    expect(found('مُقَاتِلُونَ')).toContain(ids.bare);
    expect(found('مُقَاتِلُونَ')).not.toContain(ids.vocalised);
  });

  it('finds a word regardless of tatweel, in the text or in the query', () => {
    expect(found('الهجوم')).toEqual([ids.bare, ids.vocalised].sort());
    expect(found('الـهـجـوم')).toEqual([ids.bare, ids.vocalised].sort());
  });

  it('finds a word regardless of alef, hamza, ta marbuta and alef maqsura variants, either side', () => {
    expect(found('المدرسة')).toContain(ids.vocalised);
    expect(found('مدرسة')).toEqual([ids.bare]);
    expect(found('المستشفى')).toEqual([ids.bare]);
    expect(found('للمستشفي')).toEqual([ids.vocalised]);
    expect(found('مسوول')).toContain(ids.bare); // مسؤول in the text
    expect(found('مسوول')).not.toContain(ids.vocalised);
    expect(found('رؤيتهم')).toEqual([ids.vocalised]);
    expect(found('رويتهم')).toEqual([ids.vocalised]);
    // The samples: أكدت with a bare alef, الكرمستانيّة without shadda and with ه for ة, إقليم with a bare alef.
    expect(found('اكدت')).toEqual([ids['ar-02']]);
    expect(found('الكرمستانيه')).toEqual([ids['ar-02']]);
    expect(found('اقليم')).toContain(ids['ar-01']);
    expect(found('دُورْلَاك')).toEqual([ids['ar-01'], ids['ar-02']].sort());
  });

  it('finds English regardless of case and Latin accents', () => {
    expect(found('dorlak')).toEqual([ids['en-01'], ids['en-02'], ids['en-03']].sort());
    expect(found('DORLAK')).toEqual(found('dorlak'));
    expect(found('MerCenaries')).toEqual([ids['en-01'], ids['en-02'], ids['en-03']].sort());
    expect(found('war')).toContain(ids.english);
    expect(found('war')).not.toContain(ids['ar-01']);
    expect(found('CAFE')).toEqual([ids.english]);
    expect(found('café')).toEqual([ids.english]);
  });

  it('matches every word of the query, each as a word prefix', () => {
    expect(found('syrian mercenaries azaz')).toEqual([ids['en-02']]);
    expect(found('mercen')).toEqual(found('mercenaries'));
    expect(found('dorlak nonexistentword')).toEqual([]);
    expect(found('ministry café')).toEqual([ids.english]);
  });

  it('treats FTS5 syntax in the query as words', () => {
    // Each would be an operator or a syntax error in a raw FTS5 query; here they are words to find.
    expect(found('NOT')).toContain(ids.english);
    expect(found('"not true"')).toContain(ids.english);
    expect(found('cafe AND')).toEqual([ids.english]);
    expect(found('NEAR(cafe)')).toEqual([ids.english]);
    expect(found('cafe* OR')).toEqual([ids.english]);
    expect(found('cafe -rebels')).toEqual([ids.english]);
    expect(found('body:cafe')).toEqual([]);
    expect(found('{title body}: cafe')).toEqual([]);
  });

  it('returns the original word, diacritics included, as a code point range, with its context', () => {
    const cases: Array<[string, keyof typeof ids, string]> = [
      // query, document, the word as written in the text
      ['المقاتلين', 'vocalised', 'المُقَاتِلِينَ'],
      ['الهجوم', 'vocalised', 'الـــهجوم'],
      ['المدرسه', 'vocalised', 'المدرسة'],
      ['اكدوا', 'vocalised', 'أكّدوا'],
      ['مسوول', 'bare', 'مسؤول'],
      ['مصورا', 'ar-01', 'مصوّراً'],
      ['الكرمستانيه', 'ar-02', 'الكرمستانيّة'],
      ['dorlak', 'en-01', 'Dorlak'],
      ['war', 'english', 'WAR'],
      ['cafe', 'english', 'café'],
    ];
    for (const [query, document, word] of cases) {
      const hit = hitIn(query, ids[document]);
      expectConsistent(hit);
      expect(hit.match, query).toBe(word);
    }
  });

  it('places the hit on a word the query begins, not inside a longer word', () => {
    // "war" first occurs inside "Forward"; "إن" inside "بيان"; the sample's first دورلاك is inside بدورلاك.
    const war = hitIn('war', ids.english);
    expect(war).toMatchObject({ match: 'WAR', ...rangeOf(ENGLISH, 'WAR') });
    const inna = hitIn('إن', ids.vocalised);
    expect(inna).toMatchObject({ match: 'إنّ', before: 'بيان: ', ...rangeOf(VOCALISED, 'إنّ') });
    const sample = texts.get(ids['ar-01'])!;
    const dorlak = hitIn('دورلاك', ids['ar-01']);
    expectConsistent(dorlak);
    expect(dorlak.match).toBe('دورلاك');
    expect(dorlak.before.at(-1)).toMatch(/\s/);
    expect(codePointSlice(sample, dorlak.start - 1, dorlak.start)).not.toBe('ب');
    // A prefix query: the hit is the prefix, at the start of the word.
    const prefix = hitIn('مقاتل', ids.bare);
    expect(prefix).toMatchObject({ match: 'مقاتل', ...rangeOf(BARE, 'مقاتل') });
  });

  it('places a query of several words on the phrase when the text has it, starting at a word', () => {
    expect(hitIn('الهجوم على', ids.vocalised)).toMatchObject({
      match: 'الـــهجوم على',
      ...rangeOf(VOCALISED, 'الـــهجوم على'),
    });
    expect(hitIn('SAID THE ARMY', ids.english)).toMatchObject({
      match: 'said the army',
      ...rangeOf(ENGLISH, 'said the army'),
    });
    expect(hitIn('"not true", said', ids.english)).toMatchObject({
      match: 'not true", said',
      ...rangeOf(ENGLISH, 'not true", said'),
    });
    // "war units" is in "Forward units" only inside a word: the hit is the word "war" instead.
    expect(hitIn('war units', ids.english)).toMatchObject({ match: 'WAR', ...rangeOf(ENGLISH, 'WAR') });
    // Words apart in the text: the hit is the first word.
    expect(hitIn('ministry army', ids.english)).toMatchObject({
      match: 'Ministry',
      ...rangeOf(ENGLISH, 'Ministry'),
    });
  });

  it('counts the range in code points, after emoji and other characters outside the BMP', () => {
    const text = 'Breaking 😀 news 🇸🇾: 👨‍👩‍👧 𝟙𝟚𝟛 and the ceasefire held.';
    const id = (() => {
      const made = addDocument(project, text, 'emoji.txt');
      texts.set(made, text);
      return made;
    })();
    const hit = hitIn('ceasefire', id);
    expectConsistent(hit);
    expect(hit).toMatchObject({ match: 'ceasefire', ...rangeOf(text, 'ceasefire') });
    expect(hit.start).toBeLessThan(text.indexOf('ceasefire')); // code points, not UTF-16 units
  });

  it('never cuts a character in half in the context around a hit', () => {
    const text = 'Title\n' + '😀'.repeat(40) + ' truce ' + '👍'.repeat(40);
    const made = addDocument(project, text, 'surrogates.txt');
    texts.set(made, text);
    const hit = hitIn('truce', made);
    expectConsistent(hit);
    const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
    expect(hit.before).not.toMatch(lone);
    expect(hit.after).not.toMatch(lone);
    expect(hit.before).toBe('😀'.repeat(29) + ' ');
    expect(hit.after).toBe(' ' + '👍'.repeat(29));
  });

  it('ignores an emoji or a lone mark in the query when placing the hit', () => {
    for (const query of ['❤️ war', '😀 war', '\ufe0f war', 'war ❤️', '\u0301 war']) {
      expect(hitIn(query, ids.english), query).toMatchObject({ match: 'WAR', ...rangeOf(ENGLISH, 'WAR') });
    }
  });

  it.each([
    '',
    '   ',
    '!!!',
    '"',
    '""',
    '***',
    '()',
    '-',
    '^',
    ':',
    '«»',
    '،؛؟',
    '\u0000',
    '\u0001\u001f\u007f',
    '\u200d\u200f',
    '😀',
    '❤️',
    '\ufe0f',
    '\u0301',
    '\u064b\u0651',
    'ـــ',
  ])('answers [] for the query %j, without error', (query) => {
    expect(search(query)).toEqual([]);
  });

  it('respects the limit', () => {
    expect(search('dorlak', 2)).toHaveLength(2);
    expect(search('dorlak', 1)).toHaveLength(1);
  });

  it('indexes a document as it is imported, and only once', () => {
    expect(search('Zanzibar')).toEqual([]);
    const text = 'Zanzibar report\nAn entirely new word: Zanzibar.';
    const id = addDocument(project, text, 'new.txt');
    texts.set(id, text);
    const hits = search('zanzibar');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({
      documentId: id,
      title: 'Zanzibar report',
      start: 0,
      end: 8,
      match: 'Zanzibar',
      before: '',
    });
    expectConsistent(hits[0]!);
    expect(project.db.prepare('SELECT count(*) FROM documents_search').pluck().get()).toBe(
      project.documents.count(),
    );
  });
});

describe('annotations', () => {
  const EN = 'Fighters defect\nAbout 1,200 FIGHTERS fled; 15 were caught and 7 returned, the ministry said.';
  const AR = 'مصادر\nقال المصدر إن المُقَاتِلِينَ الـ 430 وصلوا، ونفى الجيش ذلك.';

  let project: Project;
  let en: string, ar: string;
  let a: Record<string, Annotation>;

  function annotate(
    documentId: string,
    text: string,
    needle: string,
    labelId: string,
    attributes = {},
  ): Annotation {
    return project.annotationService.create({ documentId, ...rangeOf(text, needle), labelId, attributes })
      .upserted[0]!;
  }

  beforeEach(() => {
    project = Project.inMemory(steppingClock());
    en = addDocument(project, EN, 'en.txt');
    ar = addDocument(project, AR, 'ar.txt');
    a = {
      fighters: annotate(en, EN, '1,200 FIGHTERS fled', 'claim', { source: 'ministry', stance: 'reports' }),
      big: annotate(en, EN, '1,200', 'number', { value: 1200, unit: 'fighters' }),
      fifteen: annotate(en, EN, '15', 'number', { value: 15, unit: 'fighters' }),
      seven: annotate(en, EN, '7', 'number', { value: 7, unit: 'people', approximate: true }),
      noValue: annotate(en, EN, 'ministry', 'number'),
      arClaim: annotate(ar, AR, 'المُقَاتِلِينَ الـ 430 وصلوا', 'claim', { source: 'ministry' }),
      arNumber: annotate(ar, AR, '430', 'number', { value: 430 }),
      arDenial: annotate(ar, AR, 'ونفى الجيش ذلك', 'denial', { source: 'army' }),
    };
  });
  afterEach(() => project.close());

  const hits = (query: Partial<AnnotationQuery>) => project.search.annotationHits({ limit: 500, ...query });
  const idsOf = (query: Partial<AnnotationQuery>) => hits(query).map((h) => h.annotation.id);
  const names = (...keys: string[]) => keys.map((k) => a[k]!.id);

  it('with no criteria answers every annotation, by document then position', () => {
    // "1,200" and the claim around it start together: the shorter comes first.
    expect(idsOf({})).toEqual(
      names('big', 'fighters', 'fifteen', 'seven', 'noValue', 'arClaim', 'arNumber', 'arDenial'),
    );
  });

  it('returns the annotation, its document title and its text', () => {
    const [hit] = hits({ labelId: 'denial' });
    expect(hit).toEqual({ annotation: a.arDenial, documentTitle: 'مصادر', text: 'ونفى الجيش ذلك' });
    expect(hits({ labelId: 'claim' })[1]!.text).toBe('المُقَاتِلِينَ الـ 430 وصلوا');
  });

  it('filters by label', () => {
    expect(idsOf({ labelId: 'number' })).toEqual(names('big', 'fifteen', 'seven', 'noValue', 'arNumber'));
    expect(idsOf({ labelId: 'claim' })).toEqual(names('fighters', 'arClaim'));
    expect(idsOf({ labelId: 'nope' })).toEqual([]);
  });

  it('filters by folded text: case, harakat, tatweel and letter variants do not matter', () => {
    expect(idsOf({ text: 'fighters' })).toEqual(names('fighters'));
    expect(idsOf({ text: 'FiGhTeRs FLED' })).toEqual(names('fighters'));
    expect(idsOf({ text: 'المقاتلين ال 430' })).toEqual(names('arClaim'));
    expect(idsOf({ text: 'مُقَاتِل' })).toEqual(names('arClaim'));
    expect(idsOf({ text: 'نفي' })).toEqual(names('arDenial')); // ى in the text
    expect(idsOf({ text: '  430  ' })).toEqual(names('arClaim', 'arNumber'));
    expect(idsOf({ text: 'nothing like it' })).toEqual([]);
    expect(idsOf({ text: '' })).toHaveLength(8);
  });

  it('filters by a numeric attribute range', () => {
    expect(idsOf({ attribute: 'value', min: 1000 })).toEqual(names('big'));
    expect(idsOf({ attribute: 'value', min: 15 })).toEqual(names('big', 'fifteen', 'arNumber'));
    expect(idsOf({ attribute: 'value', max: 15 })).toEqual(names('fifteen', 'seven'));
    expect(idsOf({ attribute: 'value', min: 10, max: 500 })).toEqual(names('fifteen', 'arNumber'));
    expect(idsOf({ attribute: 'value', min: 1200, max: 1200 })).toEqual(names('big'));
    expect(idsOf({ attribute: 'value', min: 5000 })).toEqual([]);
    expect(idsOf({ attribute: 'value', min: 0.5, max: 7.5 })).toEqual(names('seven'));
  });

  it('a range matches numbers only, not text or boolean values of the attribute', () => {
    // A label's attribute may change type (labels:update) while old values stay: "army" is no number >= 0.
    expect(idsOf({ attribute: 'source', min: 0 })).toEqual([]);
    expect(idsOf({ attribute: 'source', max: 1e9 })).toEqual([]);
    expect(idsOf({ attribute: 'approximate', min: 0, max: 1 })).toEqual([]);
    expect(idsOf({ attribute: 'stance', min: -1e9 })).toEqual([]);
  });

  it('with an attribute and no range, answers the annotations that have it', () => {
    expect(idsOf({ attribute: 'value' })).toEqual(names('big', 'fifteen', 'seven', 'arNumber'));
    expect(idsOf({ attribute: 'approximate' })).toEqual(names('seven'));
    expect(idsOf({ attribute: 'source' })).toEqual(names('fighters', 'arClaim', 'arDenial'));
  });

  it('combines label, text and range', () => {
    expect(idsOf({ labelId: 'number', attribute: 'value', min: 10 })).toEqual(
      names('big', 'fifteen', 'arNumber'),
    );
    expect(idsOf({ labelId: 'number', text: '1,2', attribute: 'value', min: 1000 })).toEqual(names('big'));
    expect(idsOf({ labelId: 'number', text: '15', attribute: 'value', min: 1000 })).toEqual([]);
    expect(idsOf({ labelId: 'claim', text: 'fighters', attribute: 'value', min: 1000 })).toEqual([]);
    expect(idsOf({ labelId: 'claim', text: 'المقاتلين' })).toEqual(names('arClaim'));
  });

  it('follows changes: an edited attribute and a deleted annotation', () => {
    project.annotationService.setAttributes(a.fifteen!.id, { value: 1500 });
    project.annotationService.delete(a.big!.id);
    expect(idsOf({ attribute: 'value', min: 1000 })).toEqual(names('fifteen'));
  });

  it('respects the limit', () => {
    expect(idsOf({ labelId: 'number', limit: 2 })).toEqual(names('big', 'fifteen'));
  });

  describe('attributeValues', () => {
    it('answers the distinct text values of an attribute of a label, most used first', () => {
      annotate(en, EN, 'FIGHTERS', 'claim', { source: 'SOHR' });
      annotate(en, EN, 'fled', 'claim', { source: 'SOHR' });
      annotate(en, EN, 'caught', 'claim', { source: 'SOHR' });
      annotate(en, EN, 'returned', 'claim', { source: 'army' });
      expect(project.annotations.attributeValues('claim', 'source')).toEqual(['SOHR', 'ministry', 'army']);
      // The denial's source is another label's.
      expect(project.annotations.attributeValues('denial', 'source')).toEqual(['army']);
      expect(project.annotations.attributeValues('number', 'unit')).toEqual(['fighters', 'people']);
    });

    it('breaks ties by value and leaves out non-text values, unused attributes and unknown labels', () => {
      expect(project.annotations.attributeValues('claim', 'stance')).toEqual(['reports']);
      annotate(en, EN, 'fled', 'claim', { source: 'army' });
      expect(project.annotations.attributeValues('claim', 'source')).toEqual(['ministry', 'army']);
      annotate(en, EN, 'caught', 'claim', { source: 'army' });
      expect(project.annotations.attributeValues('claim', 'source')).toEqual(['army', 'ministry']);
      expect(project.annotations.attributeValues('number', 'value')).toEqual([]);
      expect(project.annotations.attributeValues('number', 'approximate')).toEqual([]);
      expect(project.annotations.attributeValues('denial', 'unit')).toEqual([]);
      expect(project.annotations.attributeValues('nope', 'source')).toEqual([]);
    });
  });

  it('listByLabel and idsWithLabel answer by label', () => {
    expect(
      project.annotations
        .listByLabel('number')
        .map((x) => x.id)
        .sort(),
    ).toEqual(names('big', 'fifteen', 'seven', 'noValue', 'arNumber').sort());
    expect(project.annotations.listByLabel('denial')).toEqual([a.arDenial]);
    expect(project.documents.idsWithLabel('claim').sort()).toEqual([en, ar].sort());
    expect(project.documents.idsWithLabel('denial')).toEqual([ar]);
    project.annotationService.delete(a.arDenial!.id);
    expect(project.documents.idsWithLabel('denial')).toEqual([]);
    expect(project.documents.idsWithLabel('nope')).toEqual([]);
  });
});
