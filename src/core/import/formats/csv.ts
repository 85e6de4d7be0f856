/**
 * Reads documents from a CSV: one document a row, its text from a chosen column (and optionally its title,
 * id and provenance from others: `metaColumns`, ../metaRecord.ts). RFC 4180 with some leniency: records end with CRLF or LF, fields may be quoted (quotes
 * doubled inside), a quoted field may hold commas and line breaks. The header row names the columns. Line
 * breaks inside a text become LF, like every imported text.
 */
import type { CsvColumns } from '@shared/datasets';
import { Problems, finishParse, type ParsedDocument, type ParsedFile } from '../parsed';

export interface CsvRecord {
  line: number;
  fields: string[];
}

/** The records of a CSV text, or the first syntax problem. */
export function parseCsvRecords(
  content: string,
): { records: CsvRecord[] } | { problem: { line: number; reason: string } } {
  const records: CsvRecord[] = [];
  let i = 0;
  let line = 1;
  while (i < content.length) {
    const startLine = line;
    const fields: string[] = [];
    for (;;) {
      let field = '';
      if (content[i] === '"') {
        i++;
        for (;;) {
          if (i >= content.length)
            return { problem: { line: startLine, reason: 'a quoted field is not closed' } };
          const c = content[i]!;
          if (c === '"') {
            if (content[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n') line++;
          field += c;
          i++;
        }
        if (i < content.length && !/[,\r\n]/.test(content[i]!)) {
          return {
            problem: { line, reason: 'text after a closing quote (a quote inside a field must be doubled)' },
          };
        }
      } else {
        const end = content.slice(i).search(/[,\r\n]/);
        field = end === -1 ? content.slice(i) : content.slice(i, i + end);
        if (field.includes('"')) return { problem: { line, reason: 'a quote inside an unquoted field' } };
        i = end === -1 ? content.length : i + end;
      }
      fields.push(field);
      if (content[i] === ',') {
        i++;
        continue;
      }
      if (content[i] === '\r') i++;
      if (content[i] === '\n') {
        i++;
        line++;
      }
      break;
    }
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: startLine, fields });
  }
  return { records };
}

export function parseCsvDocuments(fileName: string, content: string, columns: CsvColumns): ParsedFile {
  const problems = new Problems();
  const parsed = parseCsvRecords(content);
  if ('problem' in parsed)
    return { ok: false, problems: [`${fileName}:${parsed.problem.line}: ${parsed.problem.reason}`] };
  const [header, ...rows] = parsed.records;
  if (!header) return { ok: false, problems: [`${fileName}: it holds no rows`] };
  const columnIndex = (name: string | undefined, role: string): number | undefined => {
    if (name === undefined) return undefined;
    const at = header.fields.indexOf(name);
    if (at === -1)
      problems.add(
        `${fileName}:${header.line}: no ${role} column ${JSON.stringify(name)} (columns: ${header.fields.join(', ')})`,
      );
    return at;
  };
  const textAt = columnIndex(columns.textColumn, 'text');
  const titleAt = columnIndex(columns.titleColumn, 'title');
  const idAt = columnIndex(columns.idColumn, 'id');
  const metaAt = Object.entries(columns.metaColumns ?? {}).map(
    ([key, column]) => [key, columnIndex(column, `${key} metadata`)] as const,
  );
  if (problems.list.length > 0) return { ok: false, problems: problems.list };
  const documents: ParsedDocument[] = [];
  for (const row of rows) {
    const where = `${fileName}:${row.line}`;
    if (row.fields.length !== header.fields.length) {
      problems.add(`${where}: ${row.fields.length} fields, the header has ${header.fields.length}`);
      continue;
    }
    const text = row.fields[textAt!]!.replace(/\r\n?/g, '\n');
    if (text.trim() === '') {
      problems.add(`${where}: the text is empty`);
      continue;
    }
    documents.push({
      where,
      text,
      title: titleAt !== undefined ? row.fields[titleAt] : undefined,
      id: idAt !== undefined && row.fields[idAt] ? row.fields[idAt] : undefined,
      spans: [],
      relations: [],
      // An empty cell says nothing: no key, rather than an extra key holding "".
      ...(metaAt.length > 0 && {
        meta: Object.fromEntries(
          metaAt.map(([key, at]) => [key, row.fields[at!]]).filter(([, v]) => v !== ''),
        ),
      }),
    });
  }
  return finishParse(fileName, documents, problems);
}
