/**
 * Undo and redo, per document and per session (this connection's own actions: changeLog.ts), read from the
 * change log. Undo puts every entity an action touched back to its `before` state and redo to its `after`
 * state, in one transaction each; both append what they did to the log, so the audit trail shows the undo
 * as well as the change.
 */
import { AppError } from '@shared/errors';
import { errorMessage } from '@shared/messages/keys';
import type { Message } from '@shared/messages/message';
import type { HistoryStep } from '@shared/model';
import { ActionRecorder } from './actionRecorder';
import { isStill } from './changedSince';
import type { Project, ProjectStore } from './project';

type Direction = 'undo' | 'redo';

export class HistoryService {
  constructor(
    private readonly project: Project,
    private readonly store: ProjectStore,
  ) {}

  undo(documentId: string): HistoryStep {
    return this.step(documentId, 'undo');
  }

  redo(documentId: string): HistoryStep {
    return this.step(documentId, 'redo');
  }

  private step(documentId: string, direction: Direction): HistoryStep {
    const { project } = this;
    const outcome = project.transaction((): HistoryStep | { changedSince: Message | string } => {
      const action =
        direction === 'undo' ? project.changes.lastDone(documentId) : project.changes.firstUndone(documentId);
      const recorder = new ActionRecorder(
        project,
        this.store,
        documentId,
        action?.id ?? 0,
        direction,
        project.clock(),
      );
      if (!action) return { ...recorder.delta(), description: null };
      const entries = project.changes.entriesOf(action.id);
      // Another window or program changed what this action touched: stepping would overwrite its change. And
      // this session's older steps on the document assume this one, so its whole history there ends.
      const expected = (entry: (typeof entries)[number]) =>
        direction === 'undo' ? entry.after : entry.before;
      const other = (entry: (typeof entries)[number]) => (direction === 'undo' ? entry.before : entry.after);
      if (
        entries.some(
          (entry) => !isStill(project, entry.entity, entry.entityId, expected(entry), other(entry)),
        )
      ) {
        this.store.changes.discardSessionHistory(documentId);
        return { changedSince: action.message ?? action.description };
      }
      // Undo walks the changes backwards (a deleted annotation comes back before its links), redo forwards.
      for (const entry of direction === 'undo' ? [...entries].reverse() : entries) {
        const [from, to] = direction === 'undo' ? [entry.after, entry.before] : [entry.before, entry.after];
        recorder.apply(entry.entity, entry.entityId, to, from);
        recorder.log(entry.entity, entry.entityId, from, to);
      }
      this.store.changes.setState(action.id, direction === 'undo' ? 'undone' : 'done');
      return {
        ...recorder.delta(),
        description: action.description,
        ...(action.message && { message: action.message }),
      };
    });
    if ('changedSince' in outcome)
      throw new AppError(
        'invalid_input',
        errorMessage(direction === 'undo' ? 'history.undoConflict' : 'history.redoConflict', {
          what: outcome.changedSince,
        }),
      );
    return outcome;
  }
}
