/**
 * Undo and redo, per document, read from the change log. Undo puts every entity an action touched back to
 * its `before` state and redo to its `after` state, in one transaction each; both append what they did to
 * the log, so the audit trail shows the undo as well as the change.
 */
import type { Annotation, HistoryStep } from '@shared/model';
import type { ChangeEntry } from '../repositories/changeLog';
import type { Project } from './project';

type Direction = 'undo' | 'redo';

export class HistoryService {
  constructor(private readonly project: Project) {}

  undo(documentId: string): HistoryStep {
    return this.step(documentId, 'undo');
  }

  redo(documentId: string): HistoryStep {
    return this.step(documentId, 'redo');
  }

  private step(documentId: string, direction: Direction): HistoryStep {
    const { project } = this;
    return project.transaction(() => {
      const action =
        direction === 'undo' ? project.changes.lastDone(documentId) : project.changes.firstUndone(documentId);
      const now = project.clock();
      if (!action) {
        return { ...project.annotationService.delta(documentId, [], [], now), description: null };
      }
      const entries = project.changes.entriesOf(action.id);
      const ordered = direction === 'undo' ? [...entries].reverse() : entries;
      const upserted = new Map<string, Annotation>();
      const deleted = new Set<string>();
      for (const entry of ordered) {
        const target = (direction === 'undo' ? entry.before : entry.after) as Annotation | null;
        this.restoreAnnotation(entry, target);
        project.changes.append(action.id, direction, now, project.annotator, {
          entity: entry.entity,
          entityId: entry.entityId,
          before: direction === 'undo' ? entry.after : entry.before,
          after: target,
        });
        if (target) {
          upserted.set(target.id, target);
          deleted.delete(target.id);
        } else {
          upserted.delete(entry.entityId);
          deleted.add(entry.entityId);
        }
      }
      project.changes.setState(action.id, direction === 'undo' ? 'undone' : 'done');
      return {
        ...project.annotationService.delta(documentId, [...upserted.values()], [...deleted], now),
        description: action.description,
      };
    });
  }

  /** Makes the stored annotation equal `target`, or absent when `target` is null. */
  private restoreAnnotation(entry: ChangeEntry, target: Annotation | null): void {
    const { annotations } = this.project;
    if (entry.entity !== 'annotation') throw new Error(`Cannot undo a change to a ${entry.entity}`);
    const exists = annotations.get(entry.entityId) !== undefined;
    if (target === null) {
      if (exists) annotations.delete(entry.entityId);
    } else if (exists) {
      annotations.update(target);
    } else {
      annotations.insert(target);
    }
  }
}
