/**
 * JSONL for spaCy (the shape Prodigy writes and spaCy users load): one document a line,
 * `{"text","meta","tokens":[{"text","start","end","id","ws"}],"spans":[{"start","end","label","text","token_start","token_end"}]}`.
 * `start`/`end` are code points, ready for `doc.char_span(start, end, label=label)` on `nlp(text)`, or
 * `Doc(vocab, words=[t["text"]...], spaces=[t["ws"]...])` with `Span(doc, token_start, token_end + 1, label)`
 * (token_end is inclusive, as in Prodigy). Tokens come from Spanlight's tokenizer (see tokenize.ts); a span
 * whose ends fall inside a token has no token indices.
 *
 * White space is written as spaCy's own tokenizer writes it, so that `Doc(words, spaces)` gives the text back
 * exactly: one space after a token is its `ws`; any other white space (line breaks, tabs, a second space) is a
 * token of its own, with `ws` false. A span that starts or ends on white space lines up with those tokens.
 * `meta` holds the document's id, title, status and provenance (what `Doc.user_data` is loaded from).
 */
import type { OffsetIndex } from '@shared/offsets';
import { allTokens, tokenRange, tokenize, type Token } from '../tokenize';
import { jsonLinesFormat } from './format';
import { provenanceRecord } from './provenance';

export interface SpacyToken extends Token {
  /** Whether one space follows the token (spaCy's `whitespace_`); other white space is a token. */
  ws: boolean;
}

/** The text's tokens with its white space as spaCy holds it: every code point is in a token or a `ws`. */
export function spacyTokens(tokens: Token[], index: OffsetIndex): SpacyToken[] {
  const out: SpacyToken[] = [];
  const gap = (start: number, end: number) => {
    if (start === end) return;
    const previous = out[out.length - 1];
    const text = index.slice(start, end);
    // A space right after a token is the token's trailing space; what is left is a white space token.
    if (previous && text.startsWith(' ')) {
      previous.ws = true;
      start++;
      if (start === end) return;
    }
    out.push({ start, end, text: index.slice(start, end), ws: false });
  };
  let at = 0;
  for (const token of tokens) {
    gap(at, token.start);
    out.push({ ...token, ws: false });
    at = token.end;
  }
  gap(at, index.codePointLength);
  return out;
}

export const spacy = jsonLinesFormat(({ document, index, spans }) => {
  const tokens = spacyTokens(allTokens(tokenize(document.text, index)), index);
  return {
    text: document.text,
    meta: {
      ...provenanceRecord(document.meta),
      id: document.id,
      title: document.title,
      status: document.status,
    },
    tokens: tokens.map((t, i) => ({ text: t.text, start: t.start, end: t.end, id: i, ws: t.ws })),
    spans: spans.map((s) => {
      const range = tokenRange(tokens, s.start, s.end);
      const aligned = range?.exact ? { token_start: range.first, token_end: range.last } : {};
      return { start: s.start, end: s.end, label: s.label, text: s.text, ...aligned };
    }),
  };
});
