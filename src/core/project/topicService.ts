/**
 * The project's topics: add, rename, reorder, delete, each an undoable action on the project's own history
 * (TOPICS_HISTORY, beside the documents' histories), logged in the change log. An annotation names its topic
 * in its `topic` attribute, so renaming a topic rewrites that attribute on every annotation carrying it, and
 * deleting one clears it, in the same action: undo puts both back.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '@shared/errors';
import { message, type Message } from '@shared/messages/message';
import { errorMessage } from '@shared/messages/keys';
import type { Annotation, HistoryStep } from '@shared/model';
import { TOPIC_ATTRIBUTE, topicName, topicOf, type Topic } from '@shared/topics';
import { ActionRecorder } from './actionRecorder';
import { checkCompleteOrder } from './completeOrder';
import type { Project, ProjectStore } from './project';

/** The history topic actions are kept in: no document has this id (ids of documents are UUIDs or imported ids without '@'). */
export const TOPICS_HISTORY = '@topics';

export class TopicService {
  constructor(
    private readonly project: Project,
    private readonly store: ProjectStore,
  ) {}

  create(name: string): Topic[] {
    return this.act(message('actions', 'addTopic', { topic: name }), (recorder) => {
      this.checkFree(name, null);
      recorder.topic(null, { id: randomUUID(), name, position: this.nextPosition() });
    });
  }

  rename(id: string, name: string): Topic[] {
    return this.act(message('actions', 'renameTopic', { topic: name }), (recorder) => {
      const before = this.require(id);
      this.checkFree(name, id);
      recorder.topic(before, { ...before, name });
      this.retag(recorder, before.name, name);
    });
  }

  /** Puts the topics in the given order (every topic id once). */
  reorder(ids: string[]): Topic[] {
    return this.act(message('actions', 'reorderTopics'), (recorder) => {
      const topics = this.store.topics.list();
      checkCompleteOrder(ids, topics, 'topic');
      ids.forEach((id, position) => {
        const before = topics.find((t) => t.id === id)!;
        if (before.position !== position) recorder.topic(before, { ...before, position });
      });
    });
  }

  /** Deletes a topic; the annotations that carried it keep their label and lose only the topic. */
  delete(id: string): Topic[] {
    return this.act(message('actions', 'deleteTopic'), (recorder) => {
      const before = this.require(id);
      this.retag(recorder, before.name, null);
      recorder.topic(before, null);
    });
  }

  undo(): HistoryStep {
    return this.project.history.undo(TOPICS_HISTORY);
  }

  redo(): HistoryStep {
    return this.project.history.redo(TOPICS_HISTORY);
  }

  /**
   * The topic named `name` as the project spells it, added (inside the caller's action) when the project has
   * none, so typing or importing a new topic puts it on the list.
   */
  adopt(recorder: ActionRecorder | null, name: string): string {
    const existing = this.store.topics.byName(name);
    if (existing) return existing.name;
    checkName(name);
    const topic: Topic = { id: randomUUID(), name, position: this.nextPosition() };
    if (recorder) recorder.topic(null, topic);
    else {
      // An import: not undoable, logged with cause `import` like the labels an import brings.
      this.store.topics.insert(topic);
      this.store.changes.append(null, 'import', this.project.clock(), this.project.annotator, {
        entity: 'topic',
        entityId: topic.id,
        before: null,
        after: topic,
      });
    }
    return name;
  }

  private retag(recorder: ActionRecorder, from: string, to: string | null): void {
    for (const before of this.project.annotations.withTopic(from)) {
      const attributes = { ...before.attributes };
      if (to === null) delete attributes[TOPIC_ATTRIBUTE];
      else attributes[TOPIC_ATTRIBUTE] = to;
      const after: Annotation = { ...before, attributes, updatedAt: recorder.at };
      if (topicOf(before.attributes) !== to) recorder.annotation(before, after);
    }
  }

  private act(description: Message, change: (recorder: ActionRecorder) => void): Topic[] {
    return this.project.transaction(() => {
      change(ActionRecorder.begin(this.project, this.store, TOPICS_HISTORY, description));
      return this.store.topics.list();
    });
  }

  private nextPosition(): number {
    return this.store.topics.list().reduce((max, t) => Math.max(max, t.position + 1), 0);
  }

  private checkFree(name: string, id: string | null): void {
    checkName(name);
    const other = this.store.topics.byName(name);
    if (other && other.id !== id)
      throw new AppError('invalid_input', errorMessage('topic.nameTaken', { name: other.name }));
  }

  private require(id: string): Topic {
    const topic = this.store.topics.get(id);
    if (!topic) throw new AppError('not_found', errorMessage('notFound.topic', { id }));
    return topic;
  }
}

function checkName(name: string): void {
  if (!topicName.safeParse(name).success || name !== name.trim())
    throw new AppError('invalid_input', errorMessage('topic.badName', { name: JSON.stringify(name) }));
}
