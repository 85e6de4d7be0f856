import { describe, expect, it } from 'vitest';
import { OffsetIndex } from '@shared/offsets';
import { prng, randomTools } from '../../../test/support/random';
import { MIN_CONTEXT, uniqueQuoteContext } from './formats/textQuote';

/** Every place (code point offset of the quote) where prefix + exact + suffix matches, as the W3C model finds it. */
function matches(text: string, prefix: string, exact: string, suffix: string): number[] {
  const points = Array.from(text);
  const whole = Array.from(prefix + exact + suffix);
  const places: number[] = [];
  for (let at = 0; at + whole.length <= points.length; at++)
    if (whole.every((c, i) => points[at + i] === c)) places.push(at + Array.from(prefix).length);
  return places;
}

function quoteAt(text: string, start: number, end: number) {
  const index = new OffsetIndex(text);
  return { exact: index.slice(start, end), ...uniqueQuoteContext(index, start, end) };
}

describe('uniqueQuoteContext', () => {
  it('keeps 32 code points a side where that is unique', () => {
    const text = `${'x'.repeat(40)} unique words here ${'y'.repeat(40)}`;
    const { prefix, suffix } = quoteAt(text, 41, 53);
    expect([Array.from(prefix).length, Array.from(suffix).length]).toEqual([MIN_CONTEXT, MIN_CONTEXT]);
  });

  it('grows the context past a repeated caption until one place matches, counting emoji as one code point', () => {
    const caption = 'Photo: 😀 smoke over the city';
    const around = ' and the same forty characters around 👍 ';
    const text = `A.${around}${caption}${around}\nB.${around}${caption}${around}`;
    const points = Array.from(text);
    const second = points.length - Array.from(`${caption}${around}`).length;
    const { exact, prefix, suffix } = quoteAt(text, second, second + Array.from(caption).length);
    expect(exact).toBe(caption);
    expect(matches(text, prefix, exact, suffix)).toEqual([second]);
  });

  it('finds the one place on 500 random texts of few letters (seed 13)', () => {
    const { int, pick } = randomTools(prng(13));
    for (let n = 0; n < 500; n++) {
      const text = Array.from({ length: int(1, 120) }, () => pick(['a', 'b', '😀', ' '])).join('');
      const length = Array.from(text).length;
      const start = int(0, length - 1);
      const end = int(start + 1, length);
      const { exact, prefix, suffix } = quoteAt(text, start, end);
      expect(matches(text, prefix, exact, suffix), JSON.stringify({ text, start, end })).toEqual([start]);
    }
  });
});
