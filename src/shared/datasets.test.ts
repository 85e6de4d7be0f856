import { describe, expect, it } from 'vitest';
import { IMPORTABLE_EXTENSIONS, isImportableName } from './datasets';

describe('isImportableName', () => {
  it('keeps every importable extension, in any case', () => {
    for (const ext of IMPORTABLE_EXTENSIONS) {
      expect(isImportableName(`article.${ext}`), ext).toBe(true);
      expect(isImportableName(`ARTICLE.${ext.toUpperCase()}`), ext).toBe(true);
    }
    expect(isImportableName('folder/sub/corpus.tar.csv')).toBe(true);
  });

  it('leaves out other files, names without an extension, and a bare extension', () => {
    for (const name of ['photo.png', 'notes.docx', 'README', 'txt', '.txt', 'archive.txt.gz', 'a.'])
      expect(isImportableName(name), name).toBe(false);
  });
});
