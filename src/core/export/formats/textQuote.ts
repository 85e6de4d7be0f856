/**
 * The prefix and suffix of a W3C TextQuoteSelector that pick out one place in the text. The model
 * (https://www.w3.org/TR/annotation-model/#text-quote-selector) finds a quote where the text holds
 * prefix + exact + suffix; scraped pages repeat captions and boilerplate, so a fixed context can match twice.
 * The context starts at {@link MIN_CONTEXT} code points a side and grows, the same on both sides, until no
 * other place matches (or it reaches the ends of the text).
 */
import type { OffsetIndex } from '@shared/offsets';

export const MIN_CONTEXT = 32;

export interface QuoteContext {
  prefix: string;
  suffix: string;
}

/** How many UTF-16 units agree going back from `a` and from `b` (exclusive), or forward from them (inclusive). */
function agreeBack(text: string, a: number, b: number): number {
  let n = 0;
  while (a - n > 0 && b - n > 0 && text.charCodeAt(a - n - 1) === text.charCodeAt(b - n - 1)) n++;
  return n;
}

function agreeForward(text: string, a: number, b: number): number {
  let n = 0;
  while (a + n < text.length && b + n < text.length && text.charCodeAt(a + n) === text.charCodeAt(b + n)) n++;
  return n;
}

/** Prefix and suffix of `context` code points a side (fewer at the ends of the text). */
function around(index: OffsetIndex, start: number, end: number, context: number): QuoteContext {
  return {
    prefix: index.slice(Math.max(0, start - context), start),
    suffix: index.slice(end, Math.min(index.codePointLength, end + context)),
  };
}

/** Where prefix + exact + suffix occurs in the text, at most twice (UTF-16 offsets). */
function occurrences(text: string, needle: string): number {
  const first = text.indexOf(needle);
  return first === -1 ? 0 : text.indexOf(needle, first + 1) === -1 ? 1 : 2;
}

/** The shortest context, from MIN_CONTEXT up, with which the span's quote matches only the span. */
export function uniqueQuoteContext(index: OffsetIndex, start: number, end: number): QuoteContext {
  const { text } = index;
  const near = around(index, start, end, MIN_CONTEXT);
  // Nearly every quote is unique with the least context: one native search settles it.
  if (occurrences(text, near.prefix + index.slice(start, end) + near.suffix) <= 1) return near;
  const [from, to] = [index.toUtf16(start), index.toUtf16(end)];
  const exact = text.slice(from, to);
  // A context of n code points spans at least n UTF-16 units: lengths measured in units are enough.
  let context = MIN_CONTEXT;
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    if (at === from) continue;
    const back = agreeBack(text, from, at);
    const ahead = agreeForward(text, to, at + exact.length);
    // The other place stops matching once the prefix reaches a unit where the two differ (one more than
    // agree), unless the span's own prefix runs out at the start of the text first; the same for the suffix.
    const byPrefix = back < from ? back + 1 : Infinity;
    const bySuffix = ahead < text.length - to ? ahead + 1 : Infinity;
    context = Math.max(context, Math.min(byPrefix, bySuffix));
  }
  return around(index, start, end, Number.isFinite(context) ? context : index.codePointLength);
}
