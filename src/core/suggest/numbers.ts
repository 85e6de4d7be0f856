/**
 * Finds the numbers of a news text as the annotation guidelines define them (../../../resources/samples and
 * the guidelines' "number" section): digits in any script, one span per contiguous numeric token (2020-09-30,
 * 5:35, 1990s), English and Arabic number words with their approximate plurals, ordinals that modify a noun,
 * leaving out units, approximators and Arabic clitics (الـ27 → 27, لأول → أول), and nothing inside URLs,
 * handles, hashtags, names like user123 or share counters. Each number carries the value, unit and approximate
 * flag an annotator would give it.
 *
 * Offsets here are UTF-16 (the JS string's own); `findNumbers` converts to code points at the end.
 */
import { OffsetIndex } from '@shared/offsets';
import {
  ARABIC_HEDGES,
  ARABIC_NUMBER_WORDS,
  ARABIC_PROCLITICS,
  ENGLISH_HEDGES,
  ENGLISH_NUMBER_WORDS,
  UNIT_WORDS,
  foldArabicWord,
  type NumberWord,
} from './numberWords';

/** The rules that find numbers: digit runs, numbers written in words (either language), ordinals. */
export type NumberRule = 'digits' | 'english-words' | 'arabic-words' | 'ordinal';

export interface FoundNumber {
  /** Code points, end exclusive. */
  start: number;
  end: number;
  text: string;
  /** The quantity, or null where the text states none (a date, a clock time, "dozens"). */
  value: number | null;
  unit: string | null;
  approximate: boolean;
  /** Which rule found it. */
  rule: NumberRule;
}

interface Token {
  start: number;
  end: number;
  text: string;
  digits: boolean;
}

const TOKEN = /[\p{L}\p{M}\u0640]+|\p{Nd}+(?:[.,:/\-\u066b\u066c\u060c]\p{Nd}+)*/gu;
const LATIN_LETTER = /[A-Za-z\u00c0-\u024f]/;
const ARABIC_LETTER = /[\u0600-\u06ff\u0750-\u077f]/;

/** Stretches of text in which no digit is a number: links, e-mail addresses, handles, hashtags, counters. */
const NOT_NUMBERS = [
  /\b(?:https?:\/\/|www\.)\S+/giu,
  /\S+@\S+\.\S+/gu,
  /@[\p{L}\p{N}_.]+/gu,
  /#[\p{L}\p{M}\p{N}_\u0640]+/gu,
  // A share counter: "2 / 2Shares", "2\n- 2Shares", "12 Shares".
  /\p{Nd}+[\s/-]*\p{Nd}*\s*Shares?\b/giu,
];

const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'its',
  'his',
  'her',
  'their',
  'our',
  'this',
  'that',
  'every',
  'each',
  'whose',
  'my',
  'your',
]);
/** Before "one", these make it a pronoun (the one pictured, no one) rather than a numeral. */
const PRONOUN_ONE_BEFORE = new Set(['the', 'this', 'that', 'no', 'any', 'every', 'each', 'which', 'some']);
const LATIN_UNIT_SUFFIXES = new Set(['am', 'pm', 'km', 'kg', 'm', 'k', 'bn', 'mn', 'h', 'mm', 'cm', 'ft']);
const ORDINAL_DIGIT_SUFFIXES = new Set(['s', 'st', 'nd', 'rd', 'th']);
const ENGLISH_SCALES = new Map([
  ['hundred', 100],
  ['thousand', 1e3],
  ['million', 1e6],
  ['billion', 1e9],
]);
const PLURAL_BASES = new Map([
  ['hundreds', 100],
  ['thousands', 1e3],
  ['millions', 1e6],
  ['billions', 1e9],
  ['مئات', 100],
  ['الاف', 1e3],
  ['ملايين', 1e6],
  ['مليارات', 1e9],
]);
/** Month names an Arabic ordinal is part of (تشرين الأول, كانون الثاني): not numbers. */
const ARABIC_MONTH_HEADS = new Set(['تشرين', 'كانون', 'ربيع', 'جمادى', 'جمادي']);

const lower = (text: string) => text.toLowerCase();
/** A hedge right before a figure ("at least 22", "نحو 4000", "أكثر من الـ"). */
const ENGLISH_HEDGE = new RegExp(`(?:^|[^\\p{L}])(?:${ENGLISH_HEDGES.join('|')})\\s+$`, 'u');
const ARABIC_HEDGE = new RegExp(`(?:^|[^\\p{L}])[وف]?(?:${ARABIC_HEDGES.join('|')})\\s+(?:ال\\s*)?$`, 'u');

/** An Arabic word split into the proclitics the span leaves out and its number word, if it is one. */
interface ArabicNumberWord {
  prefix: string;
  stem: string;
  meaning: NumberWord;
  /** UTF-16 length of the prefix in the original text (marks and tatweel included). */
  prefixLength: number;
}

/** UTF-16 length in `original` of its first `foldedLength` folded letters, with the marks that follow them. */
function originalLength(original: string, foldedLength: number): number {
  let seen = 0;
  let i = 0;
  while (i < original.length && seen < foldedLength) {
    if (foldArabicWord(original[i]!) !== '') seen++;
    i++;
  }
  while (i < original.length && foldArabicWord(original[i]!) === '') i++;
  return i;
}

function arabicNumberWord(original: string): ArabicNumberWord | null {
  const folded = foldArabicWord(original);
  const whole = ARABIC_NUMBER_WORDS.get(folded);
  if (whole) return { prefix: '', stem: folded, meaning: whole, prefixLength: 0 };
  for (const prefix of ARABIC_PROCLITICS) {
    if (!folded.startsWith(prefix) || folded.length - prefix.length < 2) continue;
    const stem = folded.slice(prefix.length);
    const meaning = ARABIC_NUMBER_WORDS.get(stem);
    if (meaning) return { prefix, stem, meaning, prefixLength: originalLength(original, prefix.length) };
  }
  return null;
}

class NumberScanner {
  private readonly tokens: Token[] = [];
  private readonly excluded: Array<[number, number]> = [];
  private readonly found: Array<Omit<FoundNumber, 'start' | 'end'> & { from: number; to: number }> = [];

  constructor(private readonly text: string) {
    for (const match of text.matchAll(TOKEN)) {
      const digits = /^\p{Nd}/u.test(match[0]);
      this.tokens.push({ start: match.index, end: match.index + match[0].length, text: match[0], digits });
    }
    for (const pattern of NOT_NUMBERS)
      for (const match of text.matchAll(pattern))
        this.excluded.push([match.index, match.index + match[0].length]);
  }

  scan() {
    for (let i = 0; i < this.tokens.length;) {
      const token = this.tokens[i]!;
      const consumed = this.isExcluded(token)
        ? 0
        : token.digits
          ? this.digits(i)
          : ARABIC_LETTER.test(token.text)
            ? this.arabicWords(i)
            : this.englishWords(i);
      i += Math.max(1, consumed);
    }
    return this.found;
  }

  private isExcluded(token: Token): boolean {
    return this.excluded.some(([from, to]) => token.start < to && token.end > from);
  }

  private gap(a: Token, b: Token): string {
    return this.text.slice(a.end, b.start);
  }

  /** The token `offset` places from `i` when only spaces separate them, else undefined. */
  private spaced(i: number, offset = 1): Token | undefined {
    const a = this.tokens[i + offset - 1];
    const b = this.tokens[i + offset];
    return a && b && /^[ \u00a0]+$/.test(this.gap(a, b)) ? b : undefined;
  }

  private previousWord(i: number): string | undefined {
    const before = this.tokens[i - 1];
    const token = this.tokens[i]!;
    if (!before || before.digits || !/^[ \u00a0]+$/.test(this.gap(before, token))) return undefined;
    return before.text;
  }

  // --- digits ------------------------------------------------------------------------------------------

  private digits(i: number): number {
    const token = this.tokens[i]!;
    const before = this.text.slice(Math.max(0, token.start - 2), token.start);
    // A figure glued to Latin letters is part of a name or code (user123, Su-25, COVID-19).
    if (LATIN_LETTER.test(before.at(-1) ?? '') || /[A-Za-z][-_.]$/.test(before)) return 1;
    let end = token.end;
    let consumed = 1;
    let suffix = '';
    const next = this.tokens[i + 1];
    if (next && next.start === token.end && !next.digits) {
      const letters = lower(next.text);
      if (ORDINAL_DIGIT_SUFFIXES.has(letters)) {
        suffix = letters;
        end = next.end;
        consumed = 2;
      } else if (LATIN_LETTER.test(letters[0]!) && !LATIN_UNIT_SUFFIXES.has(letters)) {
        return 1; // 4x4, 2Shares: not a figure of its own
      }
    }
    let value =
      suffix === '' || suffix === 's' || ORDINAL_DIGIT_SUFFIXES.has(suffix) ? plainValue(token.text) : null;
    // A scale word after the figure belongs to it: 1.5 million, 4 آلاف, 430 ألفاً.
    const scale = suffix === '' ? this.spaced(i, consumed) : undefined;
    if (scale) {
      const factor = ENGLISH_SCALES.get(lower(scale.text)) ?? this.arabicScale(scale.text);
      if (factor !== undefined) {
        end = scale.end;
        consumed++;
        if (value !== null) value *= factor;
      }
    }
    const unitBefore = /[$€£]$/.test(before) ? before.at(-1)! : null;
    this.add(token.start, end, value, 'digits', unitBefore);
    return consumed;
  }

  private arabicScale(text: string): number | undefined {
    const word = arabicNumberWord(text);
    if (!word || word.prefix !== '') return undefined;
    if (word.meaning.kind === 'scale') return word.meaning.value;
    return PLURAL_BASES.get(word.stem);
  }

  // --- English words -----------------------------------------------------------------------------------

  private englishWords(i: number): number {
    const first = this.tokens[i]!;
    const firstWord = lower(first.text);
    // "a thousand", "a dozen", "a quarter" keep the "a", which means one.
    if (firstWord === 'a' || firstWord === 'an') {
      const next = this.spaced(i);
      const meaning = next && ENGLISH_NUMBER_WORDS.get(lower(next.text));
      if (next && meaning && ['hundred', 'scale'].includes(meaning.kind)) return this.englishRun(i, 1);
      if (
        next &&
        (lower(next.text) === 'dozen' || lower(next.text) === 'quarter' || lower(next.text) === 'half')
      )
        return this.englishRun(i, 1);
      return 1;
    }
    const meaning = ENGLISH_NUMBER_WORDS.get(firstWord);
    if (!meaning) return 1;
    const previous = lower(this.previousWord(i) ?? '');
    if (meaning.kind === 'ordinal') {
      // It modifies a noun after a determiner (the first mercenary, Syria's second), or opens a headline or
      // line (First Syrian fighter killed); without either it is adverbial (first surfaced, first began).
      const opensLine =
        /^[A-Z]/.test(first.text) && /(^|[\n|.:!?]\s*)$/.test(this.text.slice(0, first.start));
      if (!DETERMINERS.has(previous) && !this.text.slice(0, first.start).endsWith("'s ") && !opensLine)
        return 1;
      const next = this.tokens[i + 1];
      if (!next || next.digits || !/^[ \u00a0]+#?$/.test(this.gap(first, next))) return 1;
      if (lower(next.text) === 'place' && previous === 'the') return 1; // in the first place
      if (lower(next.text) === 'of' || lower(next.text) === 'and') return 1;
      this.add(first.start, first.end, meaning.value, 'ordinal', null);
      return 1;
    }
    if (firstWord === 'one') {
      if (PRONOUN_ONE_BEFORE.has(previous)) return 1;
      const next = this.tokens[i + 1];
      if (!next || lower(next.text) === 'another' || /^[\s]*[.,;:!?)]/.test(this.gap(first, next))) return 1;
    }
    if (meaning.kind === 'fraction') {
      const next = this.spaced(i);
      if (!next || lower(next.text) !== 'of') return 1;
    }
    if (firstWord === 'tens' || firstWord === 'scores') {
      const next = this.spaced(i);
      if (!next || lower(next.text) !== 'of') return 1;
    }
    return this.englishRun(i, 0);
  }

  /** A run of English number words from token i (`skip` leading tokens such as "a" count as one). */
  private englishRun(i: number, skip: number): number {
    const words: NumberWord[] = skip ? [{ kind: 'unit', value: 1 }] : [];
    let last = i + skip;
    words.push(ENGLISH_NUMBER_WORDS.get(lower(this.tokens[last]!.text))!);
    for (;;) {
      const a = this.tokens[last]!;
      const next = this.tokens[last + 1];
      if (!next || next.digits) break;
      const gap = this.gap(a, next);
      const word = lower(next.text);
      const meaning = ENGLISH_NUMBER_WORDS.get(word);
      if (
        (gap === '-' || gap === ' ') &&
        meaning &&
        meaning.kind !== 'ordinal' &&
        meaning.kind !== 'fraction'
      ) {
        if (meaning.kind === 'unit' && words.at(-1)!.kind === 'unit') break; // "one two": a list, not a number
        words.push(meaning);
        last++;
        continue;
      }
      // "two hundred and fifty", "hundreds of thousands"
      const after = this.tokens[last + 2];
      const afterMeaning = after && ENGLISH_NUMBER_WORDS.get(lower(after.text));
      if (gap === ' ' && after && afterMeaning && this.gap(next, after) === ' ') {
        const lastKind = words.at(-1)!.kind;
        if (
          word === 'and' &&
          (lastKind === 'hundred' || lastKind === 'scale') &&
          ['unit', 'ten'].includes(afterMeaning.kind)
        ) {
          words.push(afterMeaning);
          last += 2;
          continue;
        }
        if (word === 'of' && lastKind === 'plural' && afterMeaning.kind === 'plural') {
          words.push(afterMeaning);
          last += 2;
          continue;
        }
      }
      break;
    }
    const start = this.tokens[i]!.start;
    const end = this.tokens[last]!.end;
    const surface = this.text
      .slice(start, end)
      .toLowerCase()
      .split(/[\s-]+/);
    this.add(start, end, composeValue(words, surface), 'english-words', null);
    return last - i + 1;
  }

  // --- Arabic words ------------------------------------------------------------------------------------

  private arabicWords(i: number): number {
    const first = this.tokens[i]!;
    const word = arabicNumberWord(first.text);
    if (!word) return 1;
    const previous = foldArabicWord(this.previousWord(i) ?? '').replace(/^[وف](?=\p{L}{3})/u, '');
    const next = this.spaced(i);
    const nextFolded = next && !next.digits ? foldArabicWord(next.text) : '';
    const { kind } = word.meaning;
    // Day names: الأحد (Sunday), الاثنين (Monday).
    if (word.prefix.endsWith('ال') && (word.stem === 'احد' || word.stem.startsWith('اثن'))) return 1;
    // أحد / إحدى count as "one of": أحد المقاتلين.
    if ((word.stem === 'احد' || word.stem === 'احدى') && !nextFolded.startsWith('ال')) return 1;
    if (kind === 'ordinal') {
      if (ARABIC_MONTH_HEADS.has(previous)) return 1;
      if (word.stem === 'اول' && (nextFolded === 'امس' || previous === 'امس')) return 1;
      if (previous === 'المقام') return 1; // في المقام الأول: "in the first place"
      const before = this.tokens[i - 1];
      if (word.stem === 'ثانية' && before && (before.digits || arabicNumberWord(before.text))) return 1; // seconds
      this.add(first.start + word.prefixLength, first.end, word.meaning.value, 'ordinal', null);
      return 1;
    }
    if (kind === 'fraction' && !nextFolded) return 1;
    // A run: خمسة وعشرين، ثلاثة آلاف، عشرات الآلاف، ثلاثة عشر.
    const words: Array<{ meaning: NumberWord; stem: string }> = [{ meaning: word.meaning, stem: word.stem }];
    let last = i;
    for (;;) {
      const following = this.spaced(last);
      if (!following || following.digits) break;
      const joined = arabicNumberWord(following.text);
      if (!joined || joined.meaning.kind === 'ordinal' || joined.meaning.kind === 'fraction') break;
      const withAnd = joined.prefix === 'و';
      const joinsAsPart =
        joined.prefix === '' || (joined.prefix === 'ال' && words.at(-1)!.meaning.kind === 'plural');
      const linking = ['scale', 'plural', 'hundred', 'teen-ten'].includes(joined.meaning.kind);
      if (!(withAnd || (joinsAsPart && linking))) break;
      words.push({ meaning: joined.meaning, stem: joined.stem });
      last++;
    }
    const value = composeArabicValue(words);
    this.add(first.start + word.prefixLength, this.tokens[last]!.end, value, 'arabic-words', null);
    return last - i + 1;
  }

  // --- recording -----------------------------------------------------------------------------------------

  private add(from: number, to: number, value: number | null, rule: NumberRule, unitBefore: string | null) {
    const text = this.text.slice(from, to);
    const approximate = this.isHedged(from) || isApproximatePlural(text);
    this.found.push({ from, to, text, value, unit: unitBefore ?? this.unitAfter(to), approximate, rule });
  }

  private isHedged(from: number): boolean {
    const before = this.text.slice(Math.max(0, from - 30), from);
    return ENGLISH_HEDGE.test(before.toLowerCase()) || ARABIC_HEDGE.test(foldArabicWord(before));
  }

  /** The counted noun or unit within the next three words (93 Syrian fighters → fighters), or null. */
  private unitAfter(to: number): string | null {
    const rest = this.text.slice(to, to + 60);
    if (/^\s*%|^\s*٪/.test(rest)) return '%';
    const words = rest.match(/[\p{L}\p{M}\u0640]+/gu)?.slice(0, 3) ?? [];
    for (const candidate of words) {
      const folded = foldArabicWord(candidate).toLowerCase();
      const stem = folded.replace(/^(وال|بال|ال|و|ب)(?=\p{L}{2})/u, '');
      if (UNIT_WORDS.has(folded) || UNIT_WORDS.has(stem)) return candidate.replace(/^(ال|وال|بال)/u, '');
    }
    return null;
  }
}

function isApproximatePlural(text: string): boolean {
  // Only the first word can be one: after a numeral a plural is a scale (ثلاثة آلاف is 3000, exactly).
  const first = text.split(/\s+/)[0]!;
  const meaning = ENGLISH_NUMBER_WORDS.get(first.toLowerCase()) ?? arabicNumberWord(first)?.meaning;
  return meaning?.kind === 'plural';
}

/** The value of a figure in digits (1,200 → 1200, ١٢٠٠ → 1200, 1990s → 1990), or null for dates and times. */
function plainValue(digits: string): number | null {
  const latin = digits
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x6f0));
  if (/^\d{1,3}(?:[,\u066c\u060c]\d{3})+(?:[.\u066b]\d+)?$/.test(latin))
    return Number(latin.replace(/[,\u066c\u060c]/g, '').replace('\u066b', '.'));
  if (/^\d+(?:[.\u066b]\d+)?$/.test(latin)) return Number(latin.replace('\u066b', '.'));
  return null;
}

/** English number words to a value: "two hundred and fifty" → 250, "a thousand" → 1000, "dozens" → null. */
function composeValue(words: NumberWord[], surface: string[]): number | null {
  let total = 0;
  let current = 0;
  for (const [index, word] of words.entries()) {
    if (word.kind === 'plural') {
      const base = PLURAL_BASES.get(surface[index] ?? '');
      if (current === 0 || base === undefined) return null;
      total += current * base;
      current = 0;
    } else if (word.kind === 'hundred') current = (current || 1) * word.value;
    else if (word.kind === 'scale') {
      total += (current || 1) * word.value;
      current = 0;
    } else current += word.value;
  }
  return total + current;
}

/** Arabic number words to a value: خمسة وعشرين → 25, ثلاثة آلاف → 3000, ثلاثمائة → 300, عشرات → null. */
function composeArabicValue(words: Array<{ meaning: NumberWord; stem: string }>): number | null {
  let total = 0;
  let current = 0;
  for (const { meaning, stem } of words) {
    if (meaning.kind === 'plural') {
      const base = PLURAL_BASES.get(stem);
      if (current === 0 || base === undefined) return null;
      total += current * base;
      current = 0;
    } else if (meaning.kind === 'hundred') current = current ? current * 100 : meaning.value;
    else if (meaning.kind === 'scale') {
      total += (current || 1) * meaning.value;
      current = 0;
    } else current += meaning.value;
  }
  return total + current;
}

/** Every number in `text`, in text order, with code point offsets. */
export function findNumbers(text: string): FoundNumber[] {
  const index = new OffsetIndex(text);
  return new NumberScanner(text).scan().map(({ from, to, ...rest }) => ({
    ...rest,
    start: index.toCodePoint(from),
    end: index.toCodePoint(to),
  }));
}
