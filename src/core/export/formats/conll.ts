/**
 * CoNLL-2003 style BIO, tab-separated: one token a line, a blank line between sentences. BIO cannot hold
 * overlapping spans in one column, so there is one BIO column per label, in the project's label order:
 *
 *     # columns = TOKEN START END claim denial number
 *     # doc_id = 1c9…
 *     # meta = {"file_name":"a.txt","outlet":"SANA",…}   (the document's provenance as one line of JSON)
 *     # text = "The army said…"          (the document text as a JSON string)
 *
 *     The	0	3	B-claim	O	O
 *
 * START and END are the token's code point offsets in the text (text[start:end] == TOKEN). A span tags every
 * token it overlaps. Two spans of one label that share a token cannot both be written in that label's
 * column: the first (earliest, then longest) is kept, and the export says some were left out. A span that
 * crosses a sentence boundary begins again (B-) at the start of the next sentence.
 */
import { errorMessage } from '@shared/messages/keys';
import type { Label } from '@shared/model';
import type { ExportDocument } from '../dataset';
import { allTokens, tokenRange, tokenize, type Token } from '../tokenize';
import { textFormat, type ExportContext } from './format';
import { provenanceRecord } from './provenance';

/** A label name as one column header: white space would split the column. */
export function columnName(name: string): string {
  return name.replace(/\s+/g, '_');
}

const OUTSIDE = 0;
const BEGIN = 1;
const INSIDE = 2;

/** A label's column: OUTSIDE, BEGIN or INSIDE for each token. */
function tagColumn(
  tokens: Token[],
  sentenceStarts: Set<number>,
  item: ExportDocument,
  label: Label,
  context: ExportContext,
): Uint8Array {
  const tags = new Uint8Array(tokens.length);
  let lastTagged = -1;
  const spans = item.spans
    .filter((s) => s.label === label.name)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  for (const span of spans) {
    const range = tokenRange(tokens, span.start, span.end);
    if (!range) {
      context.warn(errorMessage('export.warning.conllWhitespace'));
      continue;
    }
    if (range.first <= lastTagged) {
      context.warn(errorMessage('export.warning.conllSharedToken'));
      continue;
    }
    if (!range.exact) context.warn(errorMessage('export.warning.conllInsideToken'));
    for (let i = range.first; i <= range.last; i++) {
      // A sentence starts with a blank line, which ends every span: one that goes on begins again there.
      const begins = i === range.first || sentenceStarts.has(i);
      if (begins && i !== range.first) context.warn(errorMessage('export.warning.conllSentence'));
      tags[i] = begins ? BEGIN : INSIDE;
    }
    lastTagged = range.last;
  }
  return tags;
}

/**
 * What follows each token's offsets on its line: a tab and a tag for every label. Most tokens are outside
 * every span and share one string, so a line is made of three pieces, not one per column.
 */
function tagTails(columns: Uint8Array[], labels: Label[], tokenCount: number): string[] {
  const names = labels.map((label) => {
    const name = columnName(label.name);
    return ['O', `B-${name}`, `I-${name}`];
  });
  const tails = new Array<string>(tokenCount).fill('\tO'.repeat(labels.length));
  for (let t = 0; t < tokenCount; t++) {
    if (columns.every((column) => column[t] === OUTSIDE)) continue;
    tails[t] = columns.map((column, c) => `\t${names[c]![column[t]!]}`).join('');
  }
  return tails;
}

function documentBlock(item: ExportDocument, context: ExportContext): string {
  const sentences = tokenize(item.document.text, item.index);
  const tokens = allTokens(sentences);
  const sentenceStarts = new Set<number>();
  sentences.reduce((start, sentence) => (sentenceStarts.add(start), start + sentence.length), 0);
  const columns = context.labels.map((label) => tagColumn(tokens, sentenceStarts, item, label, context));
  const tails = tagTails(columns, context.labels, tokens.length);
  // Appended to one string, not gathered as lines and joined: a line is made once, not copied again by the join.
  let block =
    `# doc_id = ${item.document.id}\n# meta = ${JSON.stringify(provenanceRecord(item.document.meta))}\n` +
    `# text = ${JSON.stringify(item.document.text)}\n`;
  let t = 0;
  for (const sentence of sentences) {
    block += '\n';
    for (const token of sentence)
      block += token.text + '\t' + token.start + '\t' + token.end + tails[t++] + '\n';
  }
  return block + '\n';
}

export const conll = textFormat({
  header: (context) =>
    `# columns = TOKEN START END ${context.labels.map((l) => columnName(l.name)).join(' ')}\n\n`,
  document: documentBlock,
});
