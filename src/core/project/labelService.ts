/**
 * The project's label schema: add, rename, recolour, reorder, set hotkeys and attributes, delete. Annotations
 * refer to a label by its id, so renaming never touches them. Deleting a label deletes its annotations (and
 * their links), all logged.
 */
import { randomUUID } from 'node:crypto';
import { LIMITS } from '@shared/contract';
import { AppError } from '@shared/errors';
import { errorMessage } from '@shared/messages/keys';
import type { AttributeDefinition, Label } from '@shared/model';
import type { ChangeCause } from '../repositories/changeLog';
import { checkCompleteOrder } from './completeOrder';
import type { Project, ProjectStore } from './project';
import { IMPORTED_LABEL_COLORS } from '@shared/labelColors';

export interface LabelFields {
  name: string;
  color: string;
  hotkey: string | null;
  attributes: AttributeDefinition[];
}

export class LabelService {
  constructor(
    private readonly project: Project,
    private readonly store: ProjectStore,
  ) {}

  /** A new label; the project's LIMITS.labels-th is its last (as many as the app can reorder). */
  create(fields: LabelFields): Label {
    return this.project.transaction(() => {
      const count = this.store.labels.list().length;
      if (count >= LIMITS.labels)
        throw new AppError(
          'invalid_input',
          errorMessage('label.tooMany', { max: LIMITS.labels, held: count, name: fields.name }),
        );
      return this.insert(randomUUID(), fields, 'do');
    });
  }

  /**
   * A label that arrives with imported data and that the project does not have: named as in the data, its id
   * the name unless another label has that id, the next unused colour. Runs inside the importer's transaction,
   * so the label lands, and is logged, with the file that brought it.
   */
  createImported(name: string): Label {
    const { labels } = this.store;
    const color = IMPORTED_LABEL_COLORS[labels.list().length % IMPORTED_LABEL_COLORS.length]!;
    const id = labels.get(name) ? randomUUID() : name;
    return this.project.transaction(() =>
      this.insert(id, { name, color, hotkey: null, attributes: [] }, 'import'),
    );
  }

  private insert(id: string, fields: LabelFields, cause: ChangeCause): Label {
    this.checkUnique(fields, null);
    this.store.labels.insert({ id, ...fields });
    const label = this.store.labels.get(id)!;
    this.log(id, null, label, cause);
    return label;
  }

  update(id: string, fields: LabelFields): Label {
    const { project } = this;
    return project.transaction(() => {
      const before = this.require(id);
      this.checkUnique(fields, id);
      const after = { ...before, ...fields };
      this.store.labels.update(after);
      this.log(id, before, after);
      return after;
    });
  }

  /** Puts the labels in the given order (every label id once). */
  reorder(ids: string[]): Label[] {
    const { project } = this;
    return project.transaction(() => {
      const labels = project.labels.list();
      checkCompleteOrder(ids, labels, 'label');
      ids.forEach((id, position) => {
        const before = labels.find((l) => l.id === id)!;
        if (before.position === position) return;
        this.store.labels.update({ ...before, position });
        this.log(id, before, { ...before, position });
      });
      return project.labels.list();
    });
  }

  /** Deletes a label with its annotations; `expectedCount` must match, so a user confirms what they saw. */
  delete(id: string, expectedCount: number): void {
    const { project } = this;
    project.transaction(() => {
      const label = this.require(id);
      const annotations = project.annotations.listByLabel(id);
      if (annotations.length !== expectedCount) {
        throw new AppError(
          'invalid_input',
          errorMessage('label.countChanged', {
            label: label.name,
            count: annotations.length,
            expected: expectedCount,
          }),
        );
      }
      const at = project.clock();
      for (const annotation of annotations) {
        for (const relation of project.relations.touching(annotation.id)) {
          if (!project.relations.get(relation.id)) continue;
          this.store.relations.delete(relation.id);
          this.store.changes.append(null, 'do', at, project.annotator, {
            entity: 'relation',
            entityId: relation.id,
            before: relation,
            after: null,
          });
        }
        this.store.annotations.delete(annotation.id);
        this.store.changes.append(null, 'do', at, project.annotator, {
          entity: 'annotation',
          entityId: annotation.id,
          before: annotation,
          after: null,
        });
      }
      this.store.labels.delete(id);
      this.log(id, label, null);
      this.endHistoryOf(
        id,
        annotations.map((a) => a.documentId),
      );
    });
  }

  /**
   * Undo and redo write logged states back; a state holding an annotation of a deleted label (or a link to one)
   * can no longer be written (its label is gone), so the undo history of every document the label was ever
   * used in ends here rather than failing on the next undo.
   */
  private endHistoryOf(labelId: string, documentIds: string[]): void {
    const { changes } = this.store;
    const logged = changes.documentsWithLoggedLabel(labelId);
    for (const documentId of new Set([...documentIds, ...logged])) changes.discardHistory(documentId);
  }

  private checkUnique(fields: LabelFields, id: string | null): void {
    for (const other of this.project.labels.list()) {
      if (other.id === id) continue;
      if (other.name.toLowerCase() === fields.name.toLowerCase())
        throw new AppError('invalid_input', errorMessage('label.nameTaken', { name: other.name }));
      if (fields.hotkey && other.hotkey === fields.hotkey)
        throw new AppError(
          'invalid_input',
          errorMessage('label.keyTaken', { key: fields.hotkey, label: other.name }),
        );
    }
    const names = fields.attributes.map((a) => a.name);
    if (new Set(names).size !== names.length)
      throw new AppError('invalid_input', errorMessage('label.attributeNamesUnique'));
  }

  private require(id: string): Label {
    const label = this.project.labels.get(id);
    if (!label) throw new AppError('not_found', errorMessage('notFound.label', { id }));
    return label;
  }

  private log(id: string, before: Label | null, after: Label | null, cause: ChangeCause = 'do'): void {
    this.store.changes.append(null, cause, this.project.clock(), this.project.annotator, {
      entity: 'label',
      entityId: id,
      before,
      after,
    });
  }
}
