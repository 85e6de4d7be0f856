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
