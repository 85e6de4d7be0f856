/**
 * brat standoff (https://brat.nlplab.org/standoff.html): a folder holding, per document, `<name>.txt` (the
 * text, UTF-8, exactly as stored) and `<name>.ann`, plus `annotation.conf` declaring the labels, link types
 * and attributes. Offsets are code points, as brat (Python) counts them.
 *
 * - `T1<TAB>claim 0 5<TAB>text`: a span. brat reads the .ann with Python's `splitlines`, so no fragment may
 *   hold a line break of any kind (LF, CR, VT, FF, FS, GS, RS, NEL, LS, PS), and the text column must be the
 *   fragments' texts joined by one space, exactly. A span that crosses line breaks is written as brat's own
 *   annotator writes it, one fragment per line (`0 5;6 12`); its edge line breaks are left out (the export
 *   warns), and a span of line breaks only cannot be written (left out, with its links, and the export warns).
 * - `A1<TAB>stance T1 reports`: an attribute; `true` is written as a binary attribute (no value), other
 *   values after the span id, with `\` `\n` `\r` `\t` escaped as `\\` `\n` `\r` `\t`.
 * - `R1<TAB>denies Arg1:T2 Arg2:T1`: a link.
 * - `#1<TAB>AnnotatorNotes T1<TAB>note`: a note, escaped like attribute values. A line break that has no
 *   escape (NEL, LS, PS, VT, FF, FS, GS, RS) would end the line in brat: it is written as a space (the export warns).
 * Label names and link types are written with white space as `_` (brat splits on it).
 * `<name>` is the document id made safe as a file name (../fileNames.ts).
 * Streamed (a browser download), or written to a path ending in `.zip`, the folder comes as a zip of it.
 */
import type { Message } from '@shared/messages/message';
import { errorMessage } from '@shared/messages/keys';
import type { AttributeValue, Label } from '@shared/model';
import type { ExportDocument } from '../dataset';
import { FileNameAllocator } from '../fileNames';
import type { ExportFormatModule } from './format';

export const bratName = (name: string) => name.replace(/\s+/g, '_');

export function escapeBratValue(value: string): string {
  return value.replace(/[\\\n\r\t]/g, (c) => ({ '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c]!);
}

/** What Python's `str.splitlines` (and so brat, reading an .ann) ends a line at. */
// eslint-disable-next-line no-control-regex -- these controls are the point: brat ends a line at each of them
const BRAT_LINE_BREAK = /[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/;
/** The breaks that {@link escapeBratValue} has no escape for. */
// eslint-disable-next-line no-control-regex -- as above
const UNESCAPED_BREAKS = /[\v\f\x1c-\x1e\x85\u2028\u2029]/g;

/** The non-empty runs of a span between line breaks, as [start, end) code point pairs. */
export function fragmentsOf(text: string, start: number, end: number): Array<[number, number]> {
  // Most spans hold no line break: one fragment, without counting code points.
  if (!BRAT_LINE_BREAK.test(text)) return [[start, end]];
  const fragments: Array<[number, number]> = [];
  let offset = start;
  for (const line of text.split(BRAT_LINE_BREAK)) {
    const length = Array.from(line).length;
    if (length > 0) fragments.push([offset, offset + length]);
    offset += length + 1;
  }
  return fragments;
}

type Warn = (message: Message) => void;

/** A note or attribute value on one .ann line: escaped, and the breaks brat has no escape for made spaces. */
function bratValue(value: string, warn: Warn): string {
  const oneLine = value.replace(UNESCAPED_BREAKS, ' ');
  if (oneLine !== value) warn(errorMessage('export.warning.bratValueBreaks'));
  return escapeBratValue(oneLine);
}

function attributeLine(id: string, name: string, target: string, value: AttributeValue, warn: Warn): string {
  if (value === true) return `${id}\t${name} ${target}`;
  return `${id}\t${name} ${target} ${bratValue(String(value), warn)}`;
}

export function annFile({ spans, relations, index }: ExportDocument, warn: Warn): string {
  const lines: string[] = [];
  const tIds = new Map<string, string>();
  let t = 0;
  let a = 0;
  let n = 0;
  for (const span of spans) {
    const fragments = fragmentsOf(span.text, span.start, span.end);
    if (fragments.length === 0) {
      warn(errorMessage('export.warning.bratBreaksOnly'));
      continue;
    }
    if (fragments[0]![0] !== span.start || fragments[fragments.length - 1]![1] !== span.end)
      warn(errorMessage('export.warning.bratEdgeBreak'));
    const id = `T${++t}`;
    tIds.set(span.id, id);
    const quoted = fragments.map(([s, e]) => index.slice(s, e)).join(' ');
    lines.push(
      `${id}\t${bratName(span.label)} ${fragments.map(([s, e]) => `${s} ${e}`).join(';')}\t${quoted}`,
    );
    for (const [name, value] of Object.entries(span.attributes))
      lines.push(attributeLine(`A${++a}`, name, id, value, warn));
    if (span.note) lines.push(`#${++n}\tAnnotatorNotes ${id}\t${bratValue(span.note, warn)}`);
  }
  let r = 0;
  for (const relation of relations) {
    const [from, to] = [tIds.get(relation.from), tIds.get(relation.to)];
    if (from && to) lines.push(`R${++r}\t${bratName(relation.type)} Arg1:${from} Arg2:${to}`);
  }
  return lines.map((line) => line + '\n').join('');
}

function annotationConf(labels: Label[], linkTypes: string[]): string {
  const entities = labels.map((l) => bratName(l.name));
  // brat declares an attribute once, for every label that has it.
  const byName = new Map<string, { labels: string[]; choices: Set<string> }>();
  for (const l of labels) {
    for (const a of l.attributes) {
      const entry = byName.get(a.name) ?? { labels: [], choices: new Set<string>() };
      entry.labels.push(bratName(l.name));
      for (const choice of a.type === 'choice' ? (a.choices ?? []) : []) entry.choices.add(bratName(choice));
      byName.set(a.name, entry);
    }
  }
  const attributes = [...byName].map(
    ([name, { labels: args, choices }]) =>
      `${name}\tArg:${args.join('|')}${choices.size ? `, Value:${[...choices].join('|')}` : ''}`,
  );
  const relations = linkTypes.map((t) => `${bratName(t)}\tArg1:<ENTITY>, Arg2:<ENTITY>`);
  return `[entities]\n${entities.join('\n')}\n\n[relations]\n${relations.join('\n')}\n\n[events]\n\n[attributes]\n${attributes.join('\n')}\n`;
}

export const brat: ExportFormatModule = {
  async write(run, out) {
    const names = new FileNameAllocator(['.txt', '.ann']);
    const linkTypes = new Set<string>();
    for await (const item of run.documents()) {
      const name = names.allocate(item.document.id);
      for (const r of item.relations) linkTypes.add(r.type);
      const txt = out.open(`${name}.txt`);
      await txt.write(item.document.text);
      await txt.close();
      const ann = out.open(`${name}.ann`);
      await ann.write(annFile(item, run.context.warn));
      await ann.close();
    }
    const conf = out.open('annotation.conf');
    await conf.write(annotationConf(run.context.labels, [...linkTypes].sort()));
    await conf.close();
  },
};
