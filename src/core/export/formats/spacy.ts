/**
 * JSONL for spaCy (the shape Prodigy writes and spaCy users load): one document a line,
 * `{"text","meta","tokens":[{"text","start","end","id","ws"}],"spans":[{"start","end","label","text","token_start","token_end"}]}`.
 * `start`/`end` are code points, ready for `doc.char_span(start, end, label=label)` on `nlp(text)`, or
 * `Doc(vocab, words=[t["text"]...], spaces=[t["ws"]...])` with `Span(doc, token_start, token_end + 1, label)`
 * (token_end is inclusive, as in Prodigy). Tokens come from Spanlight's tokenizer (see tokenize.ts); a span
 * whose ends fall inside a token has no token indices. `ws` tells whether white space follows the token; a
 * Doc built from the tokens alone holds the text without its other white space (line breaks, double spaces).
 */
import { allTokens, tokenRange, tokenize } from '../tokenize';
import { jsonLinesFormat } from './format';

export const spacy = jsonLinesFormat(({ document, index, spans }) => {
  const tokens = allTokens(tokenize(document.text, index));
  return {
    text: document.text,
    meta: { id: document.id, title: document.title, status: document.status },
    tokens: tokens.map((t, i) => ({
      text: t.text,
      start: t.start,
      end: t.end,
      id: i,
      ws: (tokens[i + 1]?.start ?? index.codePointLength) > t.end,
    })),
    spans: spans.map((s) => {
      const range = tokenRange(tokens, s.start, s.end);
      const aligned = range?.exact ? { token_start: range.first, token_end: range.last } : {};
      return { start: s.start, end: s.end, label: s.label, text: s.text, ...aligned };
    }),
  };
});
