/**
 * CoNLL-2003 style BIO, tab-separated: one token a line, a blank line between sentences. BIO cannot hold
 * overlapping spans in one column, so there is one BIO column per label, in the project's label order:
 *
 *     # columns = TOKEN START END claim denial number
 *     # doc_id = 1c9…
 *     # text = "The army said…"          (the document text as a JSON string)
 *
 *     The	0	3	B-claim	O	O
 *
 * START and END are the token's code point offsets in the text (text[start:end] == TOKEN). A span tags every
 * token it overlaps. Two spans of one label that share a token cannot both be written in that label's
 * column: the first (earliest, then longest) is kept, and the export says some were left out. A span that
 * crosses a sentence boundary begins again (B-) at the start of the next sentence.
 */
import type { Label } from '@shared/model';
import type { ExportDocument } from '../dataset';
import { tokenRange, tokenize, type Token } from '../tokenize';
import { textFormat, type ExportContext } from './format';

/** A label name as one column header: white space would split the column. */
export function columnName(name: string): string {
  return name.replace(/\s+/g, '_');
}

function tagColumn(tokens: Token[], sentenceStarts: Set<number>, item: ExportDocument, label: Label, context: ExportContext): string[] {
  const tags = tokens.map(() => 'O');
  let lastTagged = -1;
  const spans = item.spans.filter((s) => s.label === label.name).sort((a, b) => a.start - b.start || b.end - a.end);
  for (const span of spans) {
    const range = tokenRange(tokens, span.start, span.end);
    if (!range) {
      context.warn('conll: spans holding only white space have no token and are left out');
      continue;
    }
    if (range.first <= lastTagged) {
      context.warn(`conll: spans that share a token with another span of the same label are left out of that label's column`);
      continue;
    }
    if (!range.exact) context.warn('conll: spans that start or end inside a token tag the whole token');
    const name = columnName(label.name);
    for (let i = range.first; i <= range.last; i++) {
      // A sentence starts with a blank line, which ends every span: one that goes on begins again there.
      const begins = i === range.first || sentenceStarts.has(i);
      if (begins && i !== range.first) context.warn('conll: spans that cross a sentence boundary begin again (B-) in the next sentence');
      tags[i] = `${begins ? 'B' : 'I'}-${name}`;
    }
    lastTagged = range.last;
  }
  return tags;
}

function documentBlock(item: ExportDocument, context: ExportContext): string {
  const sentences = tokenize(item.document.text, item.index);
  const tokens = sentences.flat();
  const sentenceStarts = new Set<number>();
  sentences.reduce((start, sentence) => (sentenceStarts.add(start), start + sentence.length), 0);
  const columns = context.labels.map((label) => tagColumn(tokens, sentenceStarts, item, label, context));
  let out = `# doc_id = ${item.document.id}\n# text = ${JSON.stringify(item.document.text)}\n`;
  let t = 0;
  for (const sentence of sentences) {
    out += '\n';
    for (const token of sentence) {
      out += [token.text, token.start, token.end, ...columns.map((c) => c[t])].join('\t') + '\n';
      t++;
    }
  }
  return out + '\n';
}

export const conll = textFormat({
  header: (context) => `# columns = TOKEN START END ${context.labels.map((l) => columnName(l.name)).join(' ')}\n\n`,
  document: documentBlock,
});
