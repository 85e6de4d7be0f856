import { describe, expect, it } from 'vitest';
import { isApproximate, parseNumber } from './numbers';

describe('parseNumber', () => {
  it.each([
    ['1,200', 1200],
    ['١٢٠٠', 1200],
    ['۱۲۰۰', 1200],
    ['١٬٢٠٠ مقاتل', 1200],
    ['4,000 fighters', 4000],
    ['انشقاق 15 مقاتلاً', 15],
    ['3.5 million', 3.5],
    ['٣٫٥', 3.5],
    ['93', 93],
  ])('%s reads %d', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it('answers null without digits', () => {
    expect(parseNumber('hundreds of fighters')).toBeNull();
    expect(parseNumber('')).toBeNull();
  });
});

describe('isApproximate', () => {
  it('sees hedges in English and Arabic, as whole words', () => {
    expect(isApproximate('about 300 fighters')).toBe(true);
    expect(isApproximate('نحو 300 مقاتل')).toBe(true);
    expect(isApproximate('hundreds')).toBe(true);
    expect(isApproximate('عشرات المقاتلين')).toBe(true);
    expect(isApproximate('300 fighters')).toBe(false);
    expect(isApproximate('someone said 3')).toBe(false);
  });
});
