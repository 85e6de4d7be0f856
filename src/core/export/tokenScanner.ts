/**
 * Where the tokens of tokenize.ts end, by its rules (see there): the text is scanned a character at a time,
 * each character's classes looked up in a table of the BMP, the rare character beyond it matched with the
 * class expressions. One regular expression of the rules, matched over the text, took twice as long (with
 * its Unicode property classes) and made a match object per token; tokenize.test.ts checks that this cuts
 * every text as that expression does.
 */

// The character classes of the rules, a bit each, as these expressions define them.
const WORD = 1;
const NUMBER = 2;
const PICTOGRAPH = 4;
const MODIFIER = 8;
const REGIONAL = 16;
const SPACE = 32;
const CONTROL = 64;
/**
 * Format controls that join inside a word (ZWNJ and ZWJ in Persian and Arabic, soft hyphen, word joiner). The
 * others (bidi marks, embeddings and isolates, BOM, tags) belong to no word: a number between two isolates
 * must be a token of its own, or no span on the number lines up with a token.
 */
const JOINING_CONTROL = String.raw`\u00AD|\u200C|\u200D|\u2060`;
const CLASS_PATTERNS: ReadonlyArray<readonly [number, RegExp]> = [
  [WORD, new RegExp(String.raw`^(?:[\p{L}\p{M}\p{N}_]|${JOINING_CONTROL})$`, 'u')],
  [CONTROL, new RegExp(String.raw`^(?!${JOINING_CONTROL})\p{Cf}$`, 'u')],
  [NUMBER, /^\p{N}$/u],
  [PICTOGRAPH, /^\p{Extended_Pictographic}$/u],
  // What may follow a pictograph in one emoji: skin tones, variation selectors, the keycap mark, the tags of a
  // subdivision flag (🏴 and England's tags).
  [MODIFIER, /^[\p{EMod}\p{M}\u{E0020}-\u{E007F}]$/u],
  [REGIONAL, /^\p{RI}$/u],
  // JavaScript's white space and Python's (str.isspace also takes the separators FS, GS, RS, US and NEL): a
  // Python reader splitting a CoNLL line on white space must find the token whole.
  // eslint-disable-next-line no-control-regex -- these separators are the point: Python takes them for white space
  [SPACE, /^[\s\x1c-\x1f\x85]$/u],
];
const codes = (characters: string) => new Set(Array.from(characters, (c) => c.charCodeAt(0)));
const JOINERS = codes("'’-");
const NUMBER_SEPARATORS = codes('.,٫٬');
const ZWJ = 0x200d;

function classify(character: string): number {
  let classes = 0;
  for (const [bit, pattern] of CLASS_PATTERNS) if (pattern.test(character)) classes |= bit;
  return classes;
}

/** The classes of every BMP character, built on first use (about 30 ms). */
let bmpClasses: Uint8Array | undefined;

function classOfCodePoint(codePoint: number): number {
  if (codePoint > 0xffff) return classify(String.fromCodePoint(codePoint));
  if (!bmpClasses) {
    bmpClasses = new Uint8Array(0x10000);
    for (let unit = 0; unit < 0x10000; unit++) bmpClasses[unit] = classify(String.fromCharCode(unit));
  }
  return bmpClasses[codePoint]!;
}

/** Walks one text: the classes of its characters and where each token ends, in UTF-16 offsets. */
export class Scanner {
  constructor(private readonly text: string) {}

  /** The classes of the character at `at` (a lone surrogate has none); 0 past the end. */
  classAt(at: number): number {
    return at < this.text.length ? classOfCodePoint(this.text.codePointAt(at)!) : 0;
  }

  /** The classes of the character that ends at `at`. */
  classBefore(at: number): number {
    const pair = at >= 2 ? this.text.codePointAt(at - 2)! : -1;
    return classOfCodePoint(pair > 0xffff ? pair : this.text.charCodeAt(at - 1));
  }

  /** Where the character at `at` ends. */
  next(at: number): number {
    return this.text.codePointAt(at)! > 0xffff ? at + 2 : at + 1;
  }

  /** The end of the token that starts at `at`, or -1 when white space is there. */
  tokenEnd(at: number): number {
    const classes = this.classAt(at);
    if (classes & REGIONAL && this.classAt(this.next(at)) & REGIONAL) return this.next(this.next(at));
    if (classes & PICTOGRAPH) return this.emojiEnd(this.next(at));
    if (classes & WORD) return this.wordEnd(at);
    if (classes & CONTROL) return this.next(at);
    return classes & SPACE ? -1 : this.next(at);
  }

  private run(at: number, classes: number): number {
    while (this.classAt(at) & classes) at = this.next(at);
    return at;
  }

  private emojiEnd(at: number): number {
    for (;;) {
      at = this.run(at, MODIFIER);
      if (this.text.charCodeAt(at) !== ZWJ || !(this.classAt(at + 1) & PICTOGRAPH)) return at;
      at = this.next(at + 1);
    }
  }

  private wordEnd(at: number): number {
    for (at = this.run(at, WORD); ; at = this.run(at + 1, WORD)) {
      const code = this.text.charCodeAt(at);
      const joined = JOINERS.has(code)
        ? this.classAt(at + 1) & WORD
        : NUMBER_SEPARATORS.has(code) && this.classBefore(at) & NUMBER && this.classAt(at + 1) & NUMBER;
      if (!joined) return at;
    }
  }
}
