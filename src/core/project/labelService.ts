/**
 * The project's label schema: add, rename, recolour, reorder, set hotkeys and attributes, delete. Annotations
 * refer to a label by its id, so renaming never touches them. Deleting a label deletes its annotations (and
 * their links), all logged.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '@shared/errors';
import type { AttributeDefinition, Label } from '@shared/model';
import type { Project } from './project';

export interface LabelFields {
  name: string;
  color: string;
  hotkey: string | null;
  attributes: AttributeDefinition[];
}

export class LabelService {
  constructor(private readonly project: Project) {}

  create(fields: LabelFields): Label {
    const { project } = this;
    return project.transaction(() => {
      this.checkUnique(fields, null);
      const id = randomUUID();
      project.labels.insert({ id, ...fields });
      const label = project.labels.get(id)!;
      this.log(id, null, label);
      return label;
    });
  }

  update(id: string, fields: LabelFields): Label {
    const { project } = this;
    return project.transaction(() => {
      const before = this.require(id);
      this.checkUnique(fields, id);
      const after = { ...before, ...fields };
      project.labels.update(after);
      this.log(id, before, after);
      return after;
    });
  }

  /** Puts the labels in the given order (every label id once). */
  reorder(ids: string[]): Label[] {
    const { project } = this;
    return project.transaction(() => {
      const labels = project.labels.list();
      if (
        ids.length !== labels.length ||
        new Set(ids).size !== ids.length ||
        !labels.every((l) => ids.includes(l.id))
      ) {
        throw new AppError('invalid_input', 'Reordering must list every label exactly once');
      }
      ids.forEach((id, position) => {
        const before = labels.find((l) => l.id === id)!;
        if (before.position === position) return;
        project.labels.update({ ...before, position });
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
          `Label ${label.name} now has ${annotations.length} annotations, not ${expectedCount}; confirm again`,
        );
      }
      const at = project.clock();
      for (const annotation of annotations) {
        for (const relation of project.relations.touching(annotation.id)) {
          if (!project.relations.get(relation.id)) continue;
          project.relations.delete(relation.id);
          project.changes.append(null, 'do', at, project.annotator, {
            entity: 'relation',
            entityId: relation.id,
            before: relation,
            after: null,
          });
        }
        project.annotations.delete(annotation.id);
        project.changes.append(null, 'do', at, project.annotator, {
          entity: 'annotation',
          entityId: annotation.id,
          before: annotation,
          after: null,
        });
      }
      project.labels.delete(id);
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
    const { db } = this.project;
    const logged = db
      .prepare<[string, string], string>(
        `SELECT DISTINCT a.document_id FROM change_log c JOIN actions a ON a.id = c.action_id
         WHERE c.entity = 'annotation' AND (json_extract(c.before, '$.labelId') = ? OR json_extract(c.after, '$.labelId') = ?)`,
      )
      .pluck()
      .all(labelId, labelId);
    const discard = db.prepare<[string]>(
      `UPDATE actions SET state = 'discarded' WHERE document_id = ? AND state <> 'discarded'`,
    );
    for (const documentId of new Set([...documentIds, ...logged])) discard.run(documentId);
  }

  private checkUnique(fields: LabelFields, id: string | null): void {
    for (const other of this.project.labels.list()) {
      if (other.id === id) continue;
      if (other.name.toLowerCase() === fields.name.toLowerCase())
        throw new AppError('invalid_input', `A label named ${other.name} exists`);
      if (fields.hotkey && other.hotkey === fields.hotkey)
        throw new AppError('invalid_input', `Key ${fields.hotkey} is already the key of ${other.name}`);
    }
    const names = fields.attributes.map((a) => a.name);
    if (new Set(names).size !== names.length)
      throw new AppError('invalid_input', 'Attribute names must be unique');
  }

  private require(id: string): Label {
    const label = this.project.labels.get(id);
    if (!label) throw new AppError('not_found', `No label with id ${id}`);
    return label;
  }

  private log(id: string, before: Label | null, after: Label | null): void {
    this.project.changes.append(null, 'do', this.project.clock(), this.project.annotator, {
      entity: 'label',
      entityId: id,
      before,
      after,
    });
  }
}
