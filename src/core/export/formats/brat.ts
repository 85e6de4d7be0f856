/**
 * brat standoff (https://brat.nlplab.org/standoff.html): a folder holding, per document, `<name>.txt` (the
 * text, UTF-8, exactly as stored) and `<name>.ann`, plus `annotation.conf` declaring the labels, link types
 * and attributes. Offsets are code points, as brat (Python) counts them.
 *
 * - `T1<TAB>claim 0 5<TAB>text`: a span. The text column holds no line break, so a span that crosses line
 *   breaks is written as brat writes it, one fragment per line (`0 5;6 12`), fragment texts joined by a space.
 * - `A1<TAB>stance T1 reports`: an attribute; `true` is written as a binary attribute (no value), other
 *   values after the span id, with `\` `\n` `\r` `\t` escaped as `\\` `\n` `\r` `\t`.
 * - `R1<TAB>denies Arg1:T2 Arg2:T1`: a link.
 * - `#1<TAB>AnnotatorNotes T1<TAB>note`: a note, escaped like attribute values.
 * Label names and link types are written with white space as `_` (brat splits on it).
 * `<name>` is the document id made safe as a file name (other characters become `_`, repeats get `-2`, …).
 * Streamed (a browser download), or written to a path ending in `.zip`, the folder comes as a zip of it.
 */
import type { AttributeValue, Label } from '@shared/model';
import type { ExportDocument } from '../dataset';
import type { ExportFormatModule } from './format';

export const bratName = (name: string) => name.replace(/\s+/g, '_');

export function escapeBratValue(value: string): string {
  return value.replace(/[\\\n\r\t]/g, (c) => ({ '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c]!);
}

/** The non-empty runs of a span between line breaks, as [start, end) code point pairs. */
export function fragmentsOf(text: string, start: number): Array<[number, number]> {
  const fragments: Array<[number, number]> = [];
  let offset = start;
  for (const line of text.split('\n')) {
    const length = Array.from(line).length;
    if (length > 0) fragments.push([offset, offset + length]);
    offset += length + 1;
  }
  return fragments;
}

function attributeLine(id: string, name: string, target: string, value: AttributeValue): string {
  if (value === true) return `${id}\t${name} ${target}`;
  return `${id}\t${name} ${target} ${escapeBratValue(String(value))}`;
}

export function annFile({ spans, relations, index }: ExportDocument): string {
  const lines: string[] = [];
  const tIds = new Map<string, string>();
  let a = 0;
  let n = 0;
  spans.forEach((span, i) => {
    const t = `T${i + 1}`;
    tIds.set(span.id, t);
    let fragments = fragmentsOf(span.text, span.start);
    // A span that starts or ends with a line break cannot drop it: one fragment, the break shown as a space.
    const [first, last] = [fragments[0], fragments[fragments.length - 1]];
    if (!first || first[0] !== span.start || last![1] !== span.end) fragments = [[span.start, span.end]];
    const quoted = fragments.map(([s, e]) => index.slice(s, e).replace(/\n/g, ' ')).join(' ');
    lines.push(
      `${t}\t${bratName(span.label)} ${fragments.map(([s, e]) => `${s} ${e}`).join(';')}\t${quoted}`,
    );
    for (const [name, value] of Object.entries(span.attributes))
      lines.push(attributeLine(`A${++a}`, name, t, value));
    if (span.note) lines.push(`#${++n}\tAnnotatorNotes ${t}\t${escapeBratValue(span.note)}`);
  });
  relations.forEach((r, i) => {
    lines.push(`R${i + 1}\t${bratName(r.type)} Arg1:${tIds.get(r.from)} Arg2:${tIds.get(r.to)}`);
  });
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

/** Safe, unique file names for document ids. */
export class NameAllocator {
  private readonly used = new Set<string>();

  allocate(id: string): string {
    const base =
      id
        .replace(/[^\p{L}\p{N}._-]/gu, '_')
        .replace(/^\.+/, '_')
        .slice(0, 120) || 'document';
    let name = base;
    for (let k = 2; this.used.has(name.toLowerCase()); k++) name = `${base}-${k}`;
    this.used.add(name.toLowerCase());
    return name;
  }
}

export const brat: ExportFormatModule = {
  async write(run, out) {
    const names = new NameAllocator();
    const linkTypes = new Set<string>();
    for await (const item of run.documents()) {
      const name = names.allocate(item.document.id);
      for (const r of item.relations) linkTypes.add(r.type);
      const txt = out.open(`${name}.txt`);
      await txt.write(item.document.text);
      await txt.close();
      const ann = out.open(`${name}.ann`);
      await ann.write(annFile(item));
      await ann.close();
    }
    const conf = out.open('annotation.conf');
    await conf.write(annotationConf(run.context.labels, [...linkTypes].sort()));
    await conf.close();
  },
};
