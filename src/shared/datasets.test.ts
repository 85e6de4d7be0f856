import { describe, expect, it } from 'vitest';
import { IMPORTABLE_EXTENSIONS, exportFileName, isImportableName } from './datasets';

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

describe('exportFileName', () => {
  it('is the project name with the format extension; a folder format is a folder saved, a .zip downloaded', () => {
    expect(exportFileName('Thesis', 'jsonl', 'saved')).toBe('Thesis.jsonl');
    expect(exportFileName('Thesis', 'label-studio', 'download')).toBe('Thesis.json');
    expect(exportFileName('Thesis', 'qdpx', 'download')).toBe('Thesis.qdpx');
    expect(exportFileName('Thesis', 'brat', 'saved')).toBe('Thesis-brat');
    expect(exportFileName('Thesis', 'brat', 'download')).toBe('Thesis-brat.zip');
  });
});
