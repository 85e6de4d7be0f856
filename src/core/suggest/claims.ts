/**
 * Claims and denials found from their cues, as the guidelines draw them: a claim covers the asserted content
 * and leaves out the attribution (X said, قال), the complementizer (that, أن، إن، أنه، أنهم), a leading و and
 * discourse markers, and final punctuation; a denial runs from the denier (or the denial verb) to the end of
 * what is denied. The attribution's subject becomes the `source`. These are cue rules, not a parser: they
 * aim to put a span where the annotator would look, and the annotator adjusts its edges.
 *
 * Offsets here are UTF-16 within the text; `findClaimsAndDenials` converts to code points.
 */
import { OffsetIndex } from '@shared/offsets';

export interface FoundClause {
  label: 'claim' | 'denial';
  /** Code points, end exclusive. */
  start: number;
  end: number;
  text: string;
  source: string | null;
  /** The cue that found it: "said", "according to", "قال", "denied"... */
  rule: string;
}

interface Range {
  from: number;
  to: number;
}

const ENGLISH_SAY = String.raw`said|says|told|reported|reports|claimed|claims|stated|confirmed|added|announced|revealed|alleged|insisted|wrote|tweeted`;
const ENGLISH_DENY = String.raw`denied|denies|deny|rejected|rejects|dismissed|dismisses|refuted|refutes`;
const ARABIC_SAY = String.raw`قال|قالت|يقول|تقول|أكد|أكدت|يؤكد|تؤكد|أفاد|أفادت|أفادت|كشف|كشفت|ذكر|ذكرت|أعلن|أعلنت|أوضح|أوضحت|أشار|أشارت|زعم|زعمت|أضاف|أضافت|نقلت|نقل`;
const ARABIC_DENY = String.raw`نفى|نفت|ينفي|تنفي|نفوا|ونفى|ونفت|رفض|رفضت|يرفض|ترفض|نفي|نفيه|نفيها`;
/** Arabic harakat and tatweel may sit on any letter of a cue. */
const MARKS = String.raw`[\u064b-\u065f\u0670\u0640]*`;
const withMarks = (alternatives: string) =>
  alternatives
    .split('|')
    .map((word) => [...word].join(MARKS))
    .join('|');

/**
 * Words that open a clause without being part of it. A leading و is the conjunction unless it begins one of the
 * common words whose root starts with و (وصل، وزارة، وكالة، وجود...).
 */
const LEADING_MARKERS =
  /^(?:(?:and|but|however|meanwhile|separately|moreover|also|despite|yet)\b[,\s]*|(?:و?من\s+جهت(?:ه|ها|هم)|و?من\s+جانب(?:ه|ها|هم)|في\s+المقابل|بدور(?:ه|ها|هم))[،,\s]*|و(?=\p{L})(?!(?:صل|صلت|صلوا|صول|زارة|زير|زراء|كالة|فق|فقا|قع|قعت|قت|جود|جه|لاية|طني|احد|سط|ضع|رد|ردت|فد|لد|ثيقة|حدة)(?![\p{L}\p{M}])))/iu;
/** Complementizers the claim leaves out, fused pronoun forms included. */
const COMPLEMENTIZER = /^(?:that\s+|[أإا]ن[ّ]?(?:ه|ها|هم|هن)?[\u064b-\u065f]*\s+|:\s*)/u;
/** "refusing orders", "refused to take part": refusals, not denials. */
const REFUSAL =
  /\b(?:refus\w*|rejected\s+orders?)\b|[رتي]?رفض\w*\s+(?:ال)?أوامر|رفض\w*\s+(?:ال)?(?:مشاركة|قتال|ذهاب)/iu;

/** The rule of a claim found with no cue: a sentence the article states as fact. */
export const STATED_FACT_RULE = 'stated fact';

/** The comment-policy boilerplate pages carry under an article: never a claim (guidelines, claim rule 10). */
const COMMENT_POLICY =
  /\b(?:comments?|discussion|post|respectful|civil|moderat\w*)\b.*\b(?:please|you|your)\b|\b(?:you|your)\b.*\b(?:comments?|discussion|respectful)\b/iu;

/** Evaluations and appeals are not claims (guidelines, claim rule 10): "should act", "calls for a ceasefire". */
const APPEAL =
  /\b(?:should|must|urged?|urges|call(?:s|ed)?\s+(?:for|on)|appeal(?:s|ed)?\s+to)\b|(?<![\p{L}])(?:يجب|ينبغي|دعا|دعت|طالب|طالبت|ناشد|ناشدت)(?![\p{L}])/iu;

/** What makes a sentence with no attribution a checkable report: a figure with an event, or an event verb. */
const STATED_FACT =
  /\b(?:killed|captured|deserted|arrived|crossed|sent|transferred|registered|recruited|paid|wounded|injured|died|fled|returned|left|gathered|offered)\b|(?<![\p{L}])(?:قُ?تِ?لَ?|مقتل|أُ?سِ?ر|وصل|وصلوا|فرّ?|فرار|أُ?رسل|نُ?قل|سُ?جّ?ل|تلقى|تلقوا|أصيب|أصيبوا|غادر|غادرت|سلّ?مت|ارتفع|رفعت|تعرض)/u;

/** Sentences of the text: ended by . ! ? ؟ (not inside "U.S." or "1.5") or a line break. */
function sentences(text: string): Range[] {
  const out: Range[] = [];
  let from = 0;
  const boundary = /[.!?؟](?=\s|$)(?<!\b[A-Z]\.)(?<!\b(?:Mr|Ms|Dr|St|No|Gen|Col)\.)|\n/gu;
  for (const match of text.matchAll(boundary)) {
    const to = match.index + (match[0] === '\n' ? 0 : 1);
    if (to > from) out.push({ from, to });
    from = match.index + match[0].length;
  }
  if (from < text.length) out.push({ from, to: text.length });
  return out;
}

/** A range with white space, quotes, leading markers, complementizers and final punctuation taken off. */
function trimClause(text: string, range: Range): Range | null {
  let { from, to } = range;
  for (;;) {
    const rest = text.slice(from, to);
    const lead =
      /^[\s"“”«»'‘’:,،\-–—]+/u.exec(rest) ?? LEADING_MARKERS.exec(rest) ?? COMPLEMENTIZER.exec(rest);
    if (!lead || lead[0].length === 0) break;
    from += lead[0].length;
  }
  while (to > from && /[\s.,،;؛:!?؟"“”«»'’)\]]/u.test(text[to - 1]!)) to--;
  // An unbalanced opening quote or bracket left inside is taken off too.
  return to - from >= 12 ? { from, to } : null;
}

/** Words around an attribution's subject that are not part of the name (Azerbaijan has previously denied). */
const SOURCE_NOISE =
  /(?:\s+(?:has|have|had|was|were|is|are|also|previously|again|earlier|later|repeatedly|then|today|yesterday|on\s+\p{Lu}\p{Ll}+day|أيضا\u064b?))+$/u;

function cleanSource(source: string): string | null {
  const trimmed = source
    .replace(/^[\s,،"“«]+|[\s,،"”»:]+$/gu, '')
    .replace(SOURCE_NOISE, '')
    .replace(/^(?:the|a|an|while|as|when)\s+/i, '')
    .trim();
  return trimmed.length >= 2 && trimmed.split(/\s+/).length <= 8 ? trimmed : null;
}

class ClauseScanner {
  readonly found: Array<Omit<FoundClause, 'start' | 'end'> & Range> = [];

  constructor(private readonly text: string) {}

  scan() {
    const all = sentences(this.text);
    for (const [index, sentence] of all.entries()) {
      const body = this.text.slice(sentence.from, sentence.to);
      if (body.trim().length < 20 || COMMENT_POLICY.test(body)) continue;
      if (this.denial(sentence, body)) continue;
      if (this.claim(sentence, body)) continue;
      // The headline repeats the body's claims (guidelines, claim rule 10): only attributed claims there.
      if (index === 0 && !/[.!?؟]\s*$/u.test(body)) continue;
      this.fact(sentence, body);
    }
    return this.found;
  }

  /**
   * A claim the article states itself: a sentence reporting a countable event (a figure, or a verb of
   * killing, capture, sending or arrival), not an appeal and not a personal detail.
   */
  private fact(sentence: Range, body: string): boolean {
    if (APPEAL.test(body) || !STATED_FACT.test(body)) return false;
    return this.push('claim', trimClause(this.text, sentence), null, STATED_FACT_RULE);
  }

  private push(
    label: FoundClause['label'],
    range: Range | null,
    source: string | null,
    rule: string,
  ): boolean {
    if (!range) return false;
    this.found.push({ label, ...range, text: this.text.slice(range.from, range.to), source, rule });
    return true;
  }

  private denial(sentence: Range, body: string): boolean {
    if (REFUSAL.test(body)) return false;
    const english = new RegExp(String.raw`\b(${ENGLISH_DENY})\b`, 'i').exec(body);
    const arabic = new RegExp(String.raw`(?<![\p{L}])(${withMarks(ARABIC_DENY)})(?![\p{L}])`, 'u').exec(body);
    const cue = english ?? arabic;
    if (!cue) return false;
    // English is subject-first: the denier opens the clause. Arabic is mostly verb-first: the verb opens it,
    // unless a subject stands before it in the same clause.
    const clauseStart = Math.max(body.lastIndexOf(',', cue.index), body.lastIndexOf('،', cue.index)) + 1;
    const from = sentence.from + (english ? clauseStart : Math.min(clauseStart, cue.index));
    const range = trimClause(this.text, { from, to: sentence.to });
    const source = english
      ? cleanSource(body.slice(clauseStart, cue.index))
      : cleanSource(
          body.slice(cue.index + cue[0].length).split(/\s+(?:أن|أنّ|إن|وجود|أي|ما)\s|[،,:]/u)[0] ?? '',
        );
    return this.push('denial', range, source, cue[1]!.toLowerCase());
  }

  private claim(sentence: Range, body: string): boolean {
    if (APPEAL.test(body)) return false;
    // "According to X, CONTENT" / "بحسب X، CONTENT" / "نقلاً عن X، CONTENT"
    const according =
      /^\W*(?:according to|citing)\s+([^,]{2,80}),\s*/iu.exec(body) ??
      /^\W*(?:و?بحسب|و?حسب|و?وفق(?:\u0627|\u064b)*\s*ل|و?نقلا\u064b?\s+عن)\s*([^،,]{2,80})[،,]\s*/u.exec(
        body,
      );
    if (according) {
      const range = trimClause(this.text, { from: sentence.from + according[0].length, to: sentence.to });
      return this.push('claim', range, cleanSource(according[1]!), 'according to');
    }
    // "CONTENT, X said."
    const trailing = new RegExp(
      String.raw`,["”]?\s+([^,]{2,80}?)\s+(?:${ENGLISH_SAY})\b[^,]{0,40}$`,
      'iu',
    ).exec(body);
    if (trailing) {
      const range = trimClause(this.text, { from: sentence.from, to: sentence.from + trailing.index });
      return this.push('claim', range, cleanSource(trailing[1]!), 'said');
    }
    // "X said (that) CONTENT" / "X told Reuters (that) CONTENT"
    const leading = new RegExp(
      String.raw`\b(${ENGLISH_SAY})\b(?:\s+(?:\p{Lu}[\p{L}.]*\s*){1,4}(?=that\b|,|:))?`,
      'u',
    ).exec(body);
    if (leading && /^\s*(?:that\b|:|,|"|“)/u.test(body.slice(leading.index + leading[0].length))) {
      const subjectStart = Math.max(body.lastIndexOf(',', leading.index), -1) + 1;
      const range = trimClause(this.text, {
        from: sentence.from + leading.index + leading[0].length,
        to: sentence.to,
      });
      return this.push('claim', range, cleanSource(body.slice(subjectStart, leading.index)), leading[1]!);
    }
    // Arabic: "قال X إن CONTENT", "وأكدت الوكالة أن CONTENT", "كشفت وكالة X نقلاً عن مصدر، CONTENT"
    const arabic = new RegExp(String.raw`(?<![\p{L}])و?(${withMarks(ARABIC_SAY)})(?![\p{L}])`, 'u').exec(
      body,
    );
    if (arabic) {
      const after = body.slice(arabic.index + arabic[0].length);
      const complement = /\s(?:[أإ]ن[ّ]?(?:ه|ها|هم|هن)?|:)[\u064b-\u065f]*\s/u.exec(after);
      const comma = /[،,]\s/u.exec(after);
      const cut = complement && (!comma || complement.index <= comma.index + 40) ? complement : comma;
      if (!cut) return false;
      const source = cleanSource(
        after.slice(0, cut.index).replace(/\s*(?:نقلا\u064b?\s+عن|أيضا\u064b?|،).*$/u, ''),
      );
      const range = trimClause(this.text, {
        from: sentence.from + arabic.index + arabic[0].length + cut.index + cut[0].length,
        to: sentence.to,
      });
      return this.push('claim', range, source, arabic[1]!);
    }
    return false;
  }
}

/** The claims and denials the cue rules find in `text`, in text order, with code point offsets. */
export function findClaimsAndDenials(text: string): FoundClause[] {
  const index = new OffsetIndex(text);
  return new ClauseScanner(text).scan().map(({ from, to, ...rest }) => ({
    ...rest,
    start: index.toCodePoint(from),
    end: index.toCodePoint(to),
  }));
}
