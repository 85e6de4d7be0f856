/**
 * Imports files into a project: plain text as new documents, canonical JSONL as documents with their spans.
 * Each file is one transaction (all of it lands or none), a file whose text is already in the project is
 * skipped, and a bad file is rejected with its name and the reason while the rest of the batch goes on.
 */
import { randomUUID } from 'node:crypto';
import { extname } from 'node:path';
import type { ImportReport } from '@shared/model';
import type { Project } from '../project/project';
import { parseCanonicalJsonl, type ParsedDocument } from './canonicalJsonl';
import { decodeArticle } from './decode';
import type { ImportSource } from './sources';
import { newDocument } from './textDocument';

/** Colours for labels that arrive with imported data (Okabe-Ito, after the three defaults). */
const EXTRA_LABEL_COLORS = ['#e69f00', '#56b4e9', '#cc79a7', '#f0e442', '#000000'];

export function emptyReport(): ImportReport {
  return { imported: [], skipped: [], rejected: [] };
}

export class Importer {
  constructor(private readonly project: Project) {}

  importAll(sources: Iterable<ImportSource>, report: ImportReport = emptyReport()): ImportReport {
    for (const source of sources) this.importOne(source, report);
    return report;
  }

  importOne(source: ImportSource, report: ImportReport): void {
    let bytes: Uint8Array;
    try {
      bytes = source.read();
    } catch (error) {
      report.rejected.push({ fileName: source.name, reason: `it cannot be read (${(error as Error).message})` });
      return;
    }
    const decoded = decodeArticle(bytes);
    if (!decoded.ok) {
      report.rejected.push({ fileName: source.name, reason: decoded.reason });
      return;
    }
    if (extname(source.name).toLowerCase() === '.jsonl') this.importJsonl(source.name, decoded.text, report);
    else this.importText(source.name, decoded.text, report);
  }

  private importText(fileName: string, text: string, report: ImportReport): void {
    const document = newDocument(fileName, text, this.project.clock());
    const existing = this.project.documents.idBySha256(document.sha256);
    if (existing) {
      report.skipped.push({ fileName, reason: 'already in the project (same text)' });
      return;
    }
    this.project.transaction(() => this.insertDocument(document));
    report.imported.push({ fileName, documentId: document.id, title: document.title, spans: 0 });
  }

  private importJsonl(fileName: string, content: string, report: ImportReport): void {
    const parsed = parseCanonicalJsonl(fileName, content);
    if (!parsed.ok) {
      report.rejected.push({ fileName, reason: parsed.problems.join('\n') });
      return;
    }
    const imported: ImportReport['imported'] = [];
    const skipped: ImportReport['skipped'] = [];
    this.project.transaction(() => {
      for (const doc of parsed.documents) {
        const where = `${fileName}:${doc.line}`;
        const result = this.insertParsed(fileName, doc);
        if (result) imported.push({ fileName: where, ...result });
        else skipped.push({ fileName: where, reason: 'already in the project (same text)' });
      }
    });
    report.imported.push(...imported);
    report.skipped.push(...skipped);
  }

  private insertParsed(fileName: string, parsed: ParsedDocument) {
    const { project } = this;
    const now = project.clock();
    const idFree = parsed.id !== undefined && !project.documents.summary(parsed.id);
    const document = newDocument(fileName, parsed.text, now, {
      id: idFree ? parsed.id : undefined,
      title: parsed.title,
    });
    if (project.documents.idBySha256(document.sha256)) return null;
    this.insertDocument(document);
    for (const span of parsed.spans) {
      const annotation = {
        id: span.id && !project.annotations.get(span.id) ? span.id : randomUUID(),
        documentId: document.id,
        labelId: this.labelIdFor(span.label),
        start: span.start,
        end: span.end,
        note: span.note,
        attributes: span.attributes,
        annotator: project.annotator,
        createdAt: now,
        updatedAt: now,
      };
      project.annotations.insert(annotation);
      project.changes.append(null, 'import', now, project.annotator, {
        entity: 'annotation',
        entityId: annotation.id,
        before: null,
        after: annotation,
      });
    }
    return { documentId: document.id, title: document.title, spans: parsed.spans.length };
  }

  private insertDocument(document: ReturnType<typeof newDocument>): void {
    const { project } = this;
    project.documents.insert(document);
    const { text: _text, ...logged } = document;
    project.changes.append(null, 'import', document.importedAt, project.annotator, {
      entity: 'document',
      entityId: document.id,
      before: null,
      after: logged,
    });
  }

  /** The id of the label with this name, created when the project has none. */
  private labelIdFor(name: string): string {
    const { labels } = this.project;
    const existing = labels.byName(name);
    if (existing) return existing.id;
    const count = labels.list().length;
    const id = labels.get(name) ? randomUUID() : name;
    labels.insert({ id, name, color: EXTRA_LABEL_COLORS[count % EXTRA_LABEL_COLORS.length]!, hotkey: null });
    return id;
  }
}
