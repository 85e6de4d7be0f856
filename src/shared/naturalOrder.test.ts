import { describe, expect, it } from 'vitest';
import { compareNaturally, sortNaturally } from './naturalOrder';

describe('natural order of file names', () => {
  it('compares numbers inside names as numbers', () => {
    const names = [
      'article 10.txt',
      'article 2.txt',
      'article 1.txt',
      'Article 3.txt',
      'b/1.txt',
      'a/20.txt',
    ];
    expect(sortNaturally(names, (n) => n)).toEqual([
      'a/20.txt',
      'article 1.txt',
      'article 2.txt',
      'Article 3.txt',
      'article 10.txt',
      'b/1.txt',
    ]);
  });

  it('orders Arabic names and gives names equal but for case one fixed order', () => {
    expect(sortNaturally(['مقال 10.txt', 'مقال 9.txt'], (n) => n)).toEqual(['مقال 9.txt', 'مقال 10.txt']);
    expect(compareNaturally('A.txt', 'a.txt')).toBeLessThan(0);
    expect(compareNaturally('a.txt', 'A.txt')).toBeGreaterThan(0);
    expect(compareNaturally('a.txt', 'a.txt')).toBe(0);
  });
});
