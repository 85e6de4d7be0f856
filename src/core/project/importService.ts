/**
 * The writes of an import: documents (with the status the data gives them), their annotations and links, and
 * the labels the data brings, each with its change-log row, cause `import`. The importer (src/core/import)
 * parses and checks a file and decides how many files a transaction holds; it writes only through here.
 */
import { importMessage } from '@shared/messages/keys';
import { englishOf, type Message } from '@shared/messages/message';
import { LIMITS } from '@shared/contract';
import type { Annotation, DocumentStatus, Label, Relation } from '@shared/model';
import { TOPIC_ATTRIBUTE, topicOf } from '@shared/topics';
import type { NewDocument } from '../repositories/documents';
import type { ChangeEntity } from '../repositories/changeLog';
import type { LabelService } from './labelService';
import type { Project, ProjectStore } from './project';

/**
 * A file the project cannot take whole, found while writing it: the importer rolls the file back and rejects
 * it with this message; the rest of the batch goes on.
 */
export class FileRejected extends Error {
  constructor(readonly reason: Message) {
    super(englishOf(reason));
  }
}

export class ImportService {
  constructor(
    private readonly project: Project,
    private readonly store: ProjectStore,
    private readonly labelService: LabelService,
  ) {}

  addDocument(document: NewDocument, status?: DocumentStatus): void {
    this.requireTransaction();
    const { documents } = this.store;
    documents.insert(document);
    const withStatus = status !== undefined && status !== 'todo';
    if (withStatus) documents.setStatus(document.id, status);
    const { text: _text, ...logged } = document;
    this.log('document', document.id, withStatus ? { ...logged, status } : logged, document.importedAt);
  }

  /** A topic the project does not have joins its list (logged, cause `import`), as a label would. */
  addAnnotation(imported: Annotation): void {
    this.requireTransaction();
    const topic = topicOf(imported.attributes);
    const annotation =
      topic === null
        ? imported
        : {
            ...imported,
            attributes: {
              ...imported.attributes,
              [TOPIC_ATTRIBUTE]: this.project.topicService.adopt(null, topic.trim()),
            },
          };
    this.store.annotations.insert(annotation);
    this.log('annotation', annotation.id, annotation, annotation.createdAt);
  }

  addRelation(relation: Relation): void {
    this.requireTransaction();
    this.store.relations.insert(relation);
    this.log('relation', relation.id, relation, relation.createdAt);
  }

  /**
   * The label with this name, created (and logged) when the project has none. Formats that cannot hold white
   * space in a name (brat, CoNLL) write it as `_`; such a name finds the project's label it came from. A label
   * past LIMITS.labels (as many as the app can reorder) rejects the file (`where`, its `file:line`).
   */
  labelFor(name: string, where: string): Label {
    const { labels } = this.store;
    const all = labels.list();
    const existing = labels.byName(name) ?? all.find((l) => l.name.replace(/\s+/g, '_') === name);
    if (existing) return existing;
    if (all.length >= LIMITS.labels)
      throw new FileRejected(
        importMessage('document.labelLimit', {
          where,
          name: JSON.stringify(name),
          n: String(all.length + 1),
          max: String(LIMITS.labels),
        }),
      );
    return this.labelService.createImported(name);
  }

  /** A file lands whole or not at all: its writes must share the transaction the importer opened. */
  private requireTransaction(): void {
    if (!this.project.db.inTransaction) throw new Error('An import writes inside a transaction');
  }

  private log(entity: ChangeEntity, entityId: string, after: unknown, at: string): void {
    this.store.changes.append(null, 'import', at, this.project.annotator, {
      entity,
      entityId,
      before: null,
      after,
    });
  }
}
