/**
 * Finding 6: brat export dropped documents. Names were cut at 120 UTF-16 units, so two ids that differ in an
 * astral letter at the cut both ended in a lone surrogate (written as U+FFFD) and one file overwrote the other;
 * a 100-character CJK id (300 bytes) failed with ENAMETOOLONG.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Project } from '../project/project';
import { Importer } from '../import/importer';
import { sourceFromBytes } from '../import/sources';
import { steppingClock, useTempDirs } from '../../../test/support/fixtures';
import { exportToFile } from './exporter';
import { FileNameAllocator, MAX_NAME_BYTES, cutToBytes, foldedName } from './fileNames';

const temp = useTempDirs();
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
const isWellFormed = (text: string) =>
  !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);

describe('FileNameAllocator', () => {
  it('cuts at code points, never inside a surrogate pair', () => {
    expect(cutToBytes('ab😀c', 5)).toBe('ab');
    expect(cutToBytes('ab😀c', 6)).toBe('ab😀');
    const names = new FileNameAllocator(['.ann']);
    const a = names.allocate('a'.repeat(300) + '𝐀');
    expect(isWellFormed(a)).toBe(true);
    expect(bytes(a + '.ann')).toBeLessThanOrEqual(MAX_NAME_BYTES);
  });

  it('keeps two ids apart that differ in an astral letter where the old cut fell', () => {
    const names = new FileNameAllocator(['.txt', '.ann']);
    const first = names.allocate('a'.repeat(119) + '𝐀');
    const second = names.allocate('a'.repeat(119) + '𝐁');
    expect(first).toBe('a'.repeat(119) + '𝐀');
    expect(second).toBe('a'.repeat(119) + '𝐁');
  });

  it('caps a name by its UTF-8 bytes, leaving room for the extension and a suffix', () => {
    const names = new FileNameAllocator(['.txt', '.ann']);
    const cjk = '文'.repeat(100);
    const first = names.allocate(cjk);
    const second = names.allocate(cjk + '字');
    expect(bytes(first + '.ann')).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(first).toBe('文'.repeat(83));
    expect(second).toBe('文'.repeat(83) + '-2');
    expect(bytes(second + '.txt')).toBeLessThanOrEqual(MAX_NAME_BYTES);
  });

  it('gives names a case-insensitive or normalising file system would merge a suffix', () => {
    const names = new FileNameAllocator(['.txt']);
    expect(
      ['Doc', 'doc', 'café', 'cafe\u0301', 'straße', 'STRASSE', 'ﬁle', 'file'].map((id) =>
        names.allocate(id),
      ),
    ).toEqual(['Doc', 'doc-2', 'café', 'cafe\u0301-2', 'straße', 'STRASSE-2', 'ﬁle', 'file-2']);
    expect(foldedName('Straße')).toBe(foldedName('STRASSE'));
  });

  it('makes any id a plain name', () => {
    const names = new FileNameAllocator(['.txt']);
    expect(['../etc/passwd', '', '...', 'a b/c', 'مُقاتل'].map((id) => names.allocate(id))).toEqual([
      '__etc_passwd',
      'document',
      '_',
      'a_b_c',
      'مُقاتل',
    ]);
  });
});

describe('brat export writes every document to its own pair of files', () => {
  it('ids that differ past the old cut, a long CJK id, and ids that differ only in case', async () => {
    const ids = ['a'.repeat(119) + '𝐀', 'a'.repeat(119) + '𝐁', '文'.repeat(100), 'Report', 'report'];
    const project = Project.inMemory(steppingClock());
    const lines = ids.map((id, i) => JSON.stringify({ id, text: `Article ${i} body` })).join('\n');
    const report = new Importer(project).importAll([sourceFromBytes('ids.jsonl', Buffer.from(lines))]);
    expect(report.imported.map((d) => d.documentId)).toEqual(ids);
    const folder = join(temp.make(), 'brat');
    expect(await exportToFile(project, 'brat', folder)).toMatchObject({ documents: ids.length });
    const texts = readdirSync(folder).filter((name) => name.endsWith('.txt'));
    expect(texts).toHaveLength(ids.length);
    expect(texts.map((name) => readFileSync(join(folder, name), 'utf8')).sort()).toEqual(
      ids.map((_, i) => `Article ${i} body`),
    );
    expect(readdirSync(folder).filter((name) => name.endsWith('.ann'))).toHaveLength(ids.length);
    project.close();
  });
});
