import { describe, expect, it } from 'vitest';
import { initialDocumentsState } from '../slices/documents';
import { summary } from '../testing/fixtures';
import { visibleDocuments } from './navigation';

describe('the document list order', () => {
  const documents = [
    summary('c', { fileName: 'news/article 10.txt', title: 'Beta' }),
    summary('a', { fileName: 'news/article 2.txt', title: 'alpha 10' }),
    summary('b', { fileName: 'news/Article 1.txt', title: 'Alpha 9' }),
  ];
  const order = (sort: 'imported' | 'file' | 'title') =>
    visibleDocuments(documents, { ...initialDocumentsState.filter, sort }).map((d) => d.id);

  it('offers file-name order, numbers inside names compared as numbers', () => {
    expect(order('imported')).toEqual(['c', 'a', 'b']);
    expect(order('file')).toEqual(['b', 'a', 'c']);
  });

  it('orders titles naturally too', () => {
    expect(order('title')).toEqual(['b', 'a', 'c']);
  });
});

describe('the document list by provenance (issue 15)', () => {
  const documents = [
    summary('none', {}),
    summary('sana', { outlet: 'SANA', published: '2020-10-05T09:00:00Z' }),
    summary('np10', { outlet: 'North Press 10', published: '2020-10-05' }),
    summary('np9', { outlet: 'north press 9', published: '2020-09-30' }),
    summary('undated', { outlet: 'Asbarez' }),
  ];
  const order = (sort: 'outlet' | 'published') =>
    visibleDocuments(documents, { ...initialDocumentsState.filter, sort }).map((d) => d.id);

  it('sorts by outlet in natural order, documents without one last', () => {
    expect(order('outlet')).toEqual(['undated', 'np9', 'np10', 'sana', 'none']);
  });

  it('sorts by publication date, a day before its times, documents without one last in list order', () => {
    expect(order('published')).toEqual(['np9', 'np10', 'sana', 'none', 'undated']);
  });
});
