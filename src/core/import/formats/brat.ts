/**
 * Reads a brat standoff pair, `<name>.txt` and `<name>.ann` (see export/formats/brat.ts for what Spanlight
 * writes). Offsets are code points of the .txt as it is on disk; when the .txt has CRLF line ends the text is
 * stored with LF (like every imported text) and the offsets are moved with it, so each span stays on its
 * characters. A span in several fragments is one span when only white space separates its fragments, and
 * rejected otherwise (Spanlight has no discontinuous spans). E, N, M and `*` lines are not read.
 */
import { importMessage } from '@shared/messages/keys';
import { OffsetIndex } from '@shared/offsets';
import { setOwn } from '@shared/ownKeys';
import { Problems, finishParse, type ParsedFile, type ParsedRelation, type ParsedSpan } from '../parsed';
import { partitionPoint } from '@shared/partitionPoint';

export function unescapeBratValue(value: string): string {
  return value.replace(/\\([\\nrt])/g, (_m, c: string) => ({ '\\': '\\', n: '\n', r: '\r', t: '\t' })[c]!);
}

/** Code point offsets of `raw` -> offsets in `raw` with every CRLF turned into LF. */
function newlineMapper(raw: string): (offset: number) => number {
  const removed: number[] = [];
  let cp = 0;
  for (let i = 0; i < raw.length; i++) {
    const unit = raw.charCodeAt(i);
    if (unit === 0x0d && raw.charCodeAt(i + 1) === 0x0a) removed.push(cp);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < raw.length) i++;
    cp++;
  }
  if (removed.length === 0) return (offset) => offset;
  return (offset) => offset - partitionPoint(removed.length, (i) => removed[i]! < offset);
}

const T_LINE = /^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$/;
const A_LINE = /^([AM]\d+)\t(\S+) (T\d+)(?: (.*))?$/;
const R_LINE = /^(R\d+)\t(\S+) Arg1:(T\d+) Arg2:(T\d+)\s*$/;
const NOTE_LINE = /^(#\d+)\tAnnotatorNotes (T\d+)\t(.*)$/;

export function parseBrat(txtName: string, annName: string, rawText: string, ann: string): ParsedFile {
  const problems = new Problems();
  const index = new OffsetIndex(rawText);
  const mapOffset = newlineMapper(rawText);
  const spans = new Map<string, ParsedSpan>();
  const relations: ParsedRelation[] = [];
  const later: Array<() => void> = [];
  ann.split('\n').forEach((rawLine, i) => {
    const line = rawLine.replace(/\r$/, '');
    const where = `${annName}:${i + 1}`;
    if (
      line.trim() === '' ||
      /^[EN*]/.test(line) ||
      (line.startsWith('#') && !line.includes('AnnotatorNotes'))
    )
      return;
    let m: RegExpMatchArray | null;
    if ((m = line.match(T_LINE))) {
      const [, id, label, offsets, quoted] = m as unknown as [string, string, string, string, string];
      const fragments = offsets.split(';').map((f) => f.split(' ').map(Number) as [number, number]);
      for (const [s, e] of fragments) {
        if (!(s < e && e <= index.codePointLength)) {
          problems.add(
            importMessage('brat.fragmentOutside', {
              where,
              id,
              start: String(s),
              end: String(e),
              length: String(index.codePointLength),
            }),
          );
          return;
        }
      }
      fragments.sort((a, b) => a[0] - b[0]);
      const joined = fragments.map(([s, e]) => index.slice(s, e).replace(/[\r\n]/g, ' ')).join(' ');
      if (joined !== quoted) {
        problems.add(
          importMessage('brat.textMismatch', {
            where,
            id,
            text: JSON.stringify(quoted),
            expected: JSON.stringify(joined),
          }),
        );
        return;
      }
      for (let k = 1; k < fragments.length; k++) {
        if (index.slice(fragments[k - 1]![1], fragments[k]![0]).trim() !== '') {
          problems.add(importMessage('brat.discontinuous', { where, id }));
          return;
        }
      }
      if (spans.has(id)) problems.add(importMessage('brat.definedTwice', { where, id }));
      spans.set(id, {
        where,
        key: id,
        start: mapOffset(fragments[0]![0]),
        end: mapOffset(fragments[fragments.length - 1]![1]),
        label,
        note: '',
        attributes: {},
      });
    } else if ((m = line.match(A_LINE))) {
      const [, , name, target, value] = m as unknown as [string, string, string, string, string | undefined];
      later.push(() => {
        const span = spans.get(target);
        if (!span) problems.add(importMessage('brat.attributeOrphan', { where, target }));
        else setOwn(span.attributes, name, value === undefined ? true : unescapeBratValue(value));
      });
    } else if ((m = line.match(R_LINE))) {
      const [, , type, from, to] = m as unknown as [string, string, string, string, string];
      relations.push({ from, to, type });
    } else if ((m = line.match(NOTE_LINE))) {
      const [, , target, note] = m as unknown as [string, string, string, string];
      later.push(() => {
        const span = spans.get(target);
        if (!span) problems.add(importMessage('brat.noteOrphan', { where, target }));
        else span.note = span.note ? `${span.note}\n${unescapeBratValue(note)}` : unescapeBratValue(note);
      });
    } else {
      problems.add(importMessage('brat.notALine', { where, line: JSON.stringify(line.slice(0, 80)) }));
    }
  });
  for (const apply of later) apply();
  const id = txtName.replace(/^.*[\\/]/, '').replace(/\.txt$/i, '');
  const text = rawText.replace(/\r\n/g, '\n').replace(/\r/g, '\n');
  return finishParse(
    annName,
    [{ where: annName, id, text, spans: [...spans.values()], relations }],
    problems,
  );
}
