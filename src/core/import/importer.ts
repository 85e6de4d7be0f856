/**
 * Imports files into a project: plain text as new documents; Spanlight JSONL, doccano JSONL, Label Studio
 * JSON, brat (.txt + .ann pairs) and CSV as documents with their spans and links. Each file lands whole or not
 * at all: every line of it is checked before anything is written, and any problem rejects the file with
 * `file:line: reason` while the rest of the batch goes on. Files are written many to a transaction
 * (importBatch.ts), and reported once it has committed. A document whose text is already in the project is
 * skipped.
 */
import { randomUUID } from 'node:crypto';
import { extname } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { FIELD_SCHEMAS } from '@shared/contract';
import type { ImportOptions } from '@shared/datasets';
import type { Annotation, AttributeValues, ImportReport, Label, Relation } from '@shared/model';
import { importMessage } from '@shared/messages/keys';
import { englishOf, type Message } from '@shared/messages/message';
import { codePointLength } from '@shared/offsets';
import { setOwn } from '@shared/ownKeys';
import { FileRejected } from '../project/importService';
import type { Project } from '../project/project';
import { decodeText, normalizeNewlines } from './decode';
import { parseBrat } from './formats/brat';
import { parseCsvDocuments, streamCsv } from './formats/csv';
import { detectFormat, type FileFormat } from './formats/detect';
import { parseDoccano } from './formats/doccano';
import { parseCanonicalJsonl } from './formats/jsonl';
import { parseLabelStudio } from './formats/labelStudio';
import { lineFormatOf, streamJsonLines, type LineFormat } from './formats/jsonlStream';
import { ImportBatch, emptyReport } from './importBatch';
import { readMeta } from './metaRecord';
import { importProblem } from './importProblem';
import { Problems, noDocuments, textLengthProblem, type ParsedDocument, type ParsedFile } from './parsed';
import type { ImportSource } from './sources';
import { newDocument } from './textDocument';

export { emptyReport };

/** One thing to import: a file, or a brat pair. */
export type ImportUnit = { name: string; source: ImportSource; ann?: ImportSource };

export interface ImportProgress {
  done: number;
  total: number;
  /** What is being done, in English; as a message too while a file is read, checked or written. */
  phase: string;
  phaseI18n?: Message;
}

export interface ImportRunOptions {
  /** FILES_PER_TRANSACTION unless set (the crash tests set a few, to be killed between commits). */
  filesPerTransaction?: number;
  /** After each commit, the files it made final (imported, skipped or rejected), in order. */
  onCommitted?(fileNames: string[]): void;
}

export interface AsyncImportOptions extends Partial<ImportOptions>, ImportRunOptions {
  signal?: AbortSignal;
  onProgress?(progress: ImportProgress): void;
}

const stem = (name: string) => name.slice(0, name.length - extname(name).length);

/** A JSON Lines or CSV file on disk, read a line (a record) at a time. */
type LinesUnit = { kind: 'lines'; format: LineFormat; path: string };
type Parsed =
  | { kind: 'text'; text: string }
  | { kind: 'documents'; parsed: ParsedFile }
  | LinesUnit
  | { kind: 'rejected'; reason: Message[] };

/** The text a read file holds in memory until it is written; a JSON Lines file is read again from disk then. */
function heldTextOf(parsed: Parsed): number {
  if (parsed.kind === 'text') return parsed.text.length;
  if (parsed.kind === 'documents' && parsed.parsed.ok)
    return parsed.parsed.documents.reduce((sum, doc) => sum + doc.text.length, 0);
  return 0;
}

/** Runs the steps of a generator with no pause between them; what it returns. */
function runThrough<T>(steps: Generator<unknown, T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

function cannotRead(error: unknown): Message {
  return importMessage('file.cannotRead', { detail: (error as Error).message });
}

/** Pairs each brat .ann with the .txt of the same name; an .ann alone is kept to be reported. */
export function importUnits(
  sources: Iterable<ImportSource>,
  format: ImportOptions['format'] = 'auto',
): ImportUnit[] {
  const all = [...sources];
  const isAnn = (s: ImportSource) => extname(s.name).toLowerCase() === '.ann';
  const anns = new Map(all.filter(isAnn).map((s) => [stem(s.name), s]));
  const paired = new Set<string>();
  const units: ImportUnit[] = [];
  for (const source of all) {
    if (isAnn(source)) continue;
    const ann =
      extname(source.name).toLowerCase() === '.txt' && (format === 'auto' || format === 'brat')
        ? anns.get(stem(source.name))
        : undefined;
    if (ann) paired.add(stem(source.name));
    units.push({ name: source.name, source, ann });
  }
  for (const [key, ann] of anns) if (!paired.has(key)) units.push({ name: ann.name, source: ann });
  return units;
}

export class Importer {
  constructor(
    private readonly project: Project,
    private readonly options: Partial<ImportOptions> = {},
  ) {}

  importAll(
    sources: Iterable<ImportSource>,
    report: ImportReport = emptyReport(),
    options: ImportRunOptions = {},
  ): ImportReport {
    const batch = this.batch(report, options);
    try {
      for (const unit of importUnits(sources, this.options.format))
        this.queue(batch, unit.name, runThrough(this.prepare(unit)));
    } finally {
      batch.commit();
    }
    return report;
  }

  /**
   * The same import with the event loop free between the steps of each file (read, check a few hundred lines,
   * write), so the app shows progress and a cancel lands before the next step: the file being read or checked
   * when it lands is not written, the files before it are. `done` counts the files committed.
   */
  async importAllAsync(
    sources: Iterable<ImportSource>,
    report: ImportReport,
    options: AsyncImportOptions = {},
  ): Promise<ImportReport> {
    const units = importUnits(sources, this.options.format);
    let done = 0;
    const progress = (phase: Message | 'Done') =>
      options.onProgress?.(
        typeof phase === 'string'
          ? { done, total: units.length, phase }
          : { done, total: units.length, phase: englishOf(phase), phaseI18n: phase },
      );
    const batch = this.batch(report, {
      filesPerTransaction: options.filesPerTransaction,
      onCommitted: (fileNames) => {
        done += fileNames.length;
        options.onCommitted?.(fileNames);
      },
    });
    try {
      for (const unit of units) {
        const steps = this.prepare(unit);
        let step = steps.next();
        while (!step.done) {
          progress(step.value);
          await nextTurn();
          options.signal?.throwIfAborted();
          step = steps.next();
        }
        this.queue(batch, unit.name, step.value);
      }
    } finally {
      // Cancelled (or failed) too: the files read before are written; nothing of the one being read is queued.
      batch.commit();
    }
    progress('Done');
    return report;
  }

  private batch(report: ImportReport, options: ImportRunOptions): ImportBatch {
    return new ImportBatch(this.project, report, options.filesPerTransaction, options.onCommitted);
  }

  private queue(batch: ImportBatch, fileName: string, parsed: Parsed): void {
    batch.add(fileName, heldTextOf(parsed), (report) => this.write(fileName, parsed, report));
  }

  /**
   * Reads and checks one file (or brat pair) into what is written; yields the phase before each step, where
   * the async import lets the event loop run.
   */
  private *prepare(unit: ImportUnit): Generator<Message, Parsed> {
    yield importMessage('phase.reading', { file: unit.name });
    const parsed = yield* this.parseUnit(unit);
    if (parsed.kind === 'lines') {
      const problems = yield* this.checkLines(unit.name, parsed);
      if (problems.length > 0) return { kind: 'rejected', reason: problems };
    }
    if (parsed.kind === 'documents' || parsed.kind === 'lines')
      yield importMessage('phase.writing', { file: unit.name });
    return parsed;
  }

  private *parseUnit(unit: ImportUnit): Generator<Message, Parsed> {
    const read = (source: ImportSource) => {
      try {
        return { ok: true as const, bytes: source.read() };
      } catch (error) {
        return { ok: false as const, reason: cannotRead(error) };
      }
    };
    const forced = this.options.format && this.options.format !== 'auto' ? this.options.format : null;
    if (unit.source.path && !unit.ann) {
      try {
        const format = lineFormatOf(unit.source.path, forced);
        if (format) return { kind: 'lines', format, path: unit.source.path };
      } catch (error) {
        return { kind: 'rejected', reason: [cannotRead(error)] };
      }
    }
    const main = read(unit.source);
    if (!main.ok) return { kind: 'rejected', reason: [main.reason] };
    const decoded = decodeText(main.bytes);
    if (!decoded.ok) return { kind: 'rejected', reason: [decoded.reason] };
    const format = unit.ann ? 'brat' : (forced ?? detectFormat(unit.name, decoded.text));
    if (format === 'txt') {
      const text = normalizeNewlines(decoded.text);
      const tooLong = textLengthProblem(codePointLength(text));
      return tooLong
        ? { kind: 'rejected', reason: [importMessage('file.tooLong', tooLong)] }
        : { kind: 'text', text };
    }
    if (format === 'brat') return this.parseBratUnit(unit, decoded.text);
    return { kind: 'documents', parsed: yield* this.parseContent(format, unit.name, decoded.text) };
  }

  private parseBratUnit(unit: ImportUnit, text: string): Parsed {
    if (extname(unit.name).toLowerCase() === '.ann')
      return { kind: 'rejected', reason: [importMessage('brat.annAlone')] };
    let ann = '';
    if (unit.ann) {
      let bytes: Uint8Array;
      try {
        bytes = unit.ann.read();
      } catch (error) {
        const detail = (error as Error).message;
        return {
          kind: 'rejected',
          reason: [importMessage('brat.annCannotRead', { file: unit.ann.name, detail })],
        };
      }
      const decoded = decodeText(bytes);
      // An .ann with no annotations is empty (or white space), and fine.
      if (decoded.ok) ann = decoded.text;
      else if (bytes.length > 0 && decoded.failure !== 'whitespace') {
        const values = { file: unit.ann.name, ...decoded.reason.params };
        return { kind: 'rejected', reason: [importMessage(`brat.ann.${decoded.failure}`, values)] };
      }
    }
    return {
      kind: 'documents',
      parsed: parseBrat(unit.name, unit.ann?.name ?? `${stem(unit.name)}.ann`, text, ann),
    };
  }

  /** A file's documents; a format read in steps (Label Studio, a task a step) yields its phase between them. */
  private *parseContent(
    format: FileFormat,
    fileName: string,
    content: string,
  ): Generator<Message, ParsedFile> {
    switch (format) {
      case 'jsonl':
        return parseCanonicalJsonl(fileName, content);
      case 'doccano':
        return parseDoccano(fileName, content);
      case 'label-studio':
        return yield* parseLabelStudio(fileName, content);
      case 'csv':
        return parseCsvDocuments(fileName, content, this.csvColumns());
      case 'brat':
      case 'txt':
        throw new Error(`${format} is read from bytes`);
    }
  }

  private write(fileName: string, parsed: Parsed, report: ImportReport): void {
    if (parsed.kind === 'lines') {
      this.writeLines(fileName, parsed, report);
    } else if (parsed.kind === 'rejected') {
      report.rejected.push(importProblem(fileName, parsed.reason));
    } else if (parsed.kind === 'text') {
      this.importText(fileName, parsed.text, report);
    } else if (!parsed.parsed.ok) {
      report.rejected.push(importProblem(fileName, parsed.parsed.problems));
    } else {
      this.importDocuments(fileName, parsed.parsed.documents, report);
    }
  }

  /** Checks every line of a JSON Lines file; the problems, or none. Yields its phase at checkpoints. */
  private *checkLines(fileName: string, parsed: LinesUnit): Generator<Message, Message[]> {
    const problems = new Problems();
    let documents = 0;
    for (const step of this.streamLines(fileName, parsed, problems)) {
      if (step === 'checkpoint')
        yield importMessage('phase.checkingDocuments', { file: fileName, count: documents });
      else documents++;
    }
    if (problems.list.length === 0 && documents === 0) return [noDocuments(fileName)];
    return problems.list;
  }

  /** The documents of a file read in pieces, each checked. */
  private streamLines(fileName: string, parsed: LinesUnit, problems: Problems) {
    return parsed.format === 'csv'
      ? streamCsv(fileName, parsed.path, this.csvColumns(), problems)
      : streamJsonLines(fileName, parsed.path, parsed.format, problems);
  }

  private csvColumns() {
    return this.options.csv ?? { textColumn: 'text' };
  }

  /** A JSON Lines or CSV file, checked whole before (`prepare`): read again inside one transaction to insert. */
  private writeLines(fileName: string, parsed: LinesUnit, report: ImportReport): void {
    const lines = this.streamLines(fileName, parsed, new Problems());
    this.insertFile(fileName, report, function* () {
      for (const doc of lines) if (doc !== 'checkpoint') yield { where: doc.where, doc };
    });
  }

  private importText(fileName: string, text: string, report: ImportReport): void {
    const document = newDocument(fileName, text, this.project.clock());
    if (this.project.documents.idBySha256(document.sha256)) {
      report.skipped.push(importProblem(fileName, [importMessage('file.sameText')]));
      return;
    }
    this.project.transaction(() => this.project.importService.addDocument(document));
    report.imported.push({ fileName, documentId: document.id, title: document.title, spans: 0 });
  }

  private importDocuments(fileName: string, documents: ParsedDocument[], report: ImportReport): void {
    const single = documents.length === 1 && !documents[0]!.where.includes(':');
    this.insertFile(fileName, report, function* () {
      for (const doc of documents) yield { where: single ? fileName : doc.where, doc };
    });
  }

  /**
   * Inserts a file's documents in a savepoint of their own, then reports them. What only the project can
   * refuse (a label past LIMITS.labels) rolls the file back and rejects it; the rest of the batch goes on.
   */
  private insertFile(
    fileName: string,
    report: ImportReport,
    documents: () => Iterable<{ where: string; doc: ParsedDocument }>,
  ): void {
    const imported: ImportReport['imported'] = [];
    const skipped: ImportReport['skipped'] = [];
    try {
      this.project.transaction(() => {
        for (const { where, doc } of documents()) {
          const result = this.insertParsed(fileName, doc);
          if (result) imported.push({ fileName: where, ...result });
          else skipped.push(importProblem(where, [importMessage('file.sameText')]));
        }
      });
    } catch (error) {
      if (!(error instanceof FileRejected)) throw error;
      report.rejected.push(importProblem(fileName, [error.reason]));
      return;
    }
    report.imported.push(...imported);
    report.skipped.push(...skipped);
  }

  private insertParsed(fileName: string, parsed: ParsedDocument) {
    const { project } = this;
    const now = project.clock();
    // Checked with the file (parsed.ts checkDocument): a problem there rejected it before anything was written.
    const read = parsed.meta ? readMeta(parsed.meta) : { meta: {} };
    const { fileName: firstFileName, ...meta } = 'meta' in read ? read.meta : {};
    // A file that records where its document first came from (an export re-imported) keeps that name.
    const document = newDocument(firstFileName ?? fileName, parsed.text, now, {
      id: keptId(parsed.id, (id) => project.documents.summary(id) !== undefined),
      title: parsed.title,
      meta,
    });
    if (project.documents.idBySha256(document.sha256)) return null;
    project.importService.addDocument(document, parsed.status);
    const ids = new Map<string, string>();
    for (const span of parsed.spans) {
      const label = project.importService.labelFor(span.label, parsed.where);
      const annotation: Annotation = {
        id: keptId(span.id, (id) => project.annotations.get(id) !== undefined) ?? randomUUID(),
        documentId: document.id,
        labelId: label.id,
        start: span.start,
        end: span.end,
        note: span.note,
        attributes: coerceAttributes(label, span.attributes),
        annotator: span.annotator !== undefined ? span.annotator : project.annotator,
        ...(span.origin ? { origin: span.origin } : {}),
        createdAt: now,
        updatedAt: now,
      };
      if (span.key !== undefined) ids.set(span.key, annotation.id);
      project.importService.addAnnotation(annotation);
    }
    for (const link of parsed.relations) {
      const relation: Relation = {
        id: keptId(link.id, (id) => project.relations.get(id) !== undefined) ?? randomUUID(),
        documentId: document.id,
        fromId: ids.get(link.from)!,
        toId: ids.get(link.to)!,
        type: link.type,
        annotator: project.annotator,
        createdAt: now,
      };
      // The same link twice (same ends, same type) is one link.
      if (
        project.relations
          .touching(relation.fromId)
          .some((r) => r.toId === relation.toId && r.type === relation.type)
      )
        continue;
      project.importService.addRelation(relation);
    }
    return { documentId: document.id, title: document.title, spans: parsed.spans.length };
  }
}

/**
 * A file's id for a new record, or undefined for a fresh one: when the project already has it (`taken`), or
 * when the contract would refuse it (empty, or longer than LIMITS.idLength), as the app could then never open
 * or edit the record.
 */
function keptId(id: string | undefined, taken: (id: string) => boolean): string | undefined {
  return id !== undefined && FIELD_SCHEMAS.id.safeParse(id).success && !taken(id) ? id : undefined;
}

/**
 * Values from formats that hold only text (brat, Label Studio choices) typed by the label's definitions:
 * "93" for a number attribute is 93, "true"/"false" for a boolean one is true/false. Anything else is kept.
 */
export function coerceAttributes(
  label: Label,
  values: Record<string, string | number | boolean>,
): AttributeValues {
  const out: AttributeValues = {};
  for (const [name, value] of Object.entries(values)) {
    const type = label.attributes.find((a) => a.name === name)?.type;
    if (
      type === 'number' &&
      typeof value === 'string' &&
      value.trim() !== '' &&
      Number.isFinite(Number(value))
    )
      setOwn(out, name, Number(value));
    else if (type === 'boolean' && (value === 'true' || value === 'false'))
      setOwn(out, name, value === 'true');
    else setOwn(out, name, value);
  }
  return out;
}
