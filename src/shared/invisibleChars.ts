/**
 * Characters that change how text displays without showing themselves: bidi controls (which can reorder the
 * text around them, so `safe\u202egnp.exe` reads "safeexe.png"), zero-width joiners and spaces, the BOM.
 * Wherever Spanlight shows text (the article, every interface string, the command line) it shows these as a
 * visible stand-in, so what is displayed is what is stored. The list is here once, for all of them.
 */

/** One invisible character (test a single character, or use with `splitInvisibles`). */
export const INVISIBLE_CHARS = /[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;

const ALL_INVISIBLE = new RegExp(INVISIBLE_CHARS.source, 'g');

const NAMES: Record<string, string> = {
  '\u061c': 'ARABIC LETTER MARK',
  '\u200b': 'ZERO WIDTH SPACE',
  '\u200c': 'ZERO WIDTH NON-JOINER',
  '\u200d': 'ZERO WIDTH JOINER',
  '\u200e': 'LEFT-TO-RIGHT MARK',
  '\u200f': 'RIGHT-TO-LEFT MARK',
  '\u202a': 'LEFT-TO-RIGHT EMBEDDING',
  '\u202b': 'RIGHT-TO-LEFT EMBEDDING',
  '\u202c': 'POP DIRECTIONAL FORMATTING',
  '\u202d': 'LEFT-TO-RIGHT OVERRIDE',
  '\u202e': 'RIGHT-TO-LEFT OVERRIDE',
  '\u2060': 'WORD JOINER',
  '\u2066': 'LEFT-TO-RIGHT ISOLATE',
  '\u2067': 'RIGHT-TO-LEFT ISOLATE',
  '\u2068': 'FIRST STRONG ISOLATE',
  '\u2069': 'POP DIRECTIONAL ISOLATE',
  '\ufeff': 'ZERO WIDTH NO-BREAK SPACE',
};

/** The visible stand-in: one UTF-16 unit (so DOM offsets in the article still map), bidi-neutral. */
export const INVISIBLE_MARKER = '\u25c7';

/** `U+XXXX` and the character's Unicode name, as a tooltip or a terminal shows it. */
export function describeChar(ch: string): string {
  const code = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `U+${code} ${NAMES[ch] ?? 'invisible character'}`;
}

/** `text` in runs: plain text, and each invisible character alone (`invisible: true`). */
export function splitInvisibles(text: string): Array<{ text: string; invisible: boolean }> {
  const parts: Array<{ text: string; invisible: boolean }> = [];
  let at = 0;
  for (const match of text.matchAll(ALL_INVISIBLE)) {
    if (match.index > at) parts.push({ text: text.slice(at, match.index), invisible: false });
    parts.push({ text: match[0], invisible: true });
    at = match.index + 1;
  }
  if (at < text.length) parts.push({ text: text.slice(at), invisible: false });
  return parts;
}

/** `text` with each invisible character replaced: by the marker unless `as` says how. */
export function revealInvisibles(text: string, as: (ch: string) => string = () => INVISIBLE_MARKER): string {
  return text.replace(ALL_INVISIBLE, as);
}
