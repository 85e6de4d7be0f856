import { describe, expect, it } from 'vitest';
import { emptyMetaFields, isIsoDate, metaProblem } from './documentMeta';

describe('isIsoDate', () => {
  it('takes a calendar date, optionally with a time and an offset', () => {
    for (const value of [
      '2020-10-05',
      '2020-10-05T17:35',
      '2020-10-05T17:35:00',
      '2020-10-05T17:35:00.123Z',
      '2020-10-05T17:35:00+03:00',
      '2024-02-29',
    ])
      expect(isIsoDate(value), value).toBe(true);
  });

  it('refuses other shapes and dates that do not exist', () => {
    for (const value of [
      '05/10/2020',
      '2020-10',
      '2020-13-01',
      '2023-02-29',
      '2020-10-05 17:35',
      '2020-10-05T24:00',
      'October 5, 2020',
      '',
    ])
      expect(isIsoDate(value), value).toBe(false);
  });
});

describe('metaProblem', () => {
  it('accepts empty provenance and a full one', () => {
    expect(metaProblem(emptyMetaFields())).toBeNull();
    expect(
      metaProblem({
        outlet: 'North Press',
        published: '2020-10-05',
        url: 'https://example.org/a',
        language: 'ar',
        externalId: '17',
        extra: { section: 'world', words: 540, nested: { a: [1, null] } },
      }),
    ).toBeNull();
  });

  it('names the field and why, in the names files use', () => {
    expect(metaProblem({ ...emptyMetaFields(), published: '5/10/2020' })).toMatch(
      /^published: an ISO 8601 date/,
    );
    expect(metaProblem({ ...emptyMetaFields(), language: 'Arabic!' })).toMatch(/^language: a BCP 47/);
    expect(metaProblem({ ...emptyMetaFields(), externalId: 'x'.repeat(201) })).toMatch(
      /^external_id: at most 200/,
    );
    expect(metaProblem({ ...emptyMetaFields(), colour: 'red' })).toMatch(/colour/);
  });
});
