// @vitest-environment jsdom
// Regression: a folder imported from the window landed in whatever order the browser listed it.
import { describe, expect, it } from 'vitest';
import { filesFromInput } from './fileReading';

function fileList(paths: string[]): FileList {
  const files = paths.map((path) => {
    const file = new File(['x'], path.split('/').pop()!);
    Object.defineProperty(file, 'webkitRelativePath', { value: path });
    return file;
  });
  return files as unknown as FileList;
}

describe('files picked in the window', () => {
  it('go to main in natural order of their paths, as the CLI imports a folder', () => {
    const picked = filesFromInput(
      fileList(['seeds/10.txt', 'seeds/2.txt', 'seeds/sub/1.txt', 'seeds/1.txt', 'seeds/.hidden.txt']),
      true,
    );
    expect(picked.map((f) => f.name)).toEqual([
      'seeds/1.txt',
      'seeds/2.txt',
      'seeds/10.txt',
      'seeds/sub/1.txt',
    ]);
  });

  it('named one by one, keep the order given (as on the command line)', () => {
    const picked = filesFromInput(fileList(['b.txt', 'a.txt']), false);
    expect(picked.map((f) => f.name)).toEqual(['b.txt', 'a.txt']);
  });
});
