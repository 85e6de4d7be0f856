/** The handlers of the topic and claim-board channels (`topics:*`, `board:*`). */
import type { AppSession } from '../session/session';
import { buildBoard, type BoardOptions } from '../board/boardRows';
import { boardTable } from '../board/boardTable';
import { projectDocumentMeta } from '../board/documentMeta';
import type { Project } from '../project/project';
import type { Handlers } from './handlers';

type BoardChannel = Extract<keyof Handlers, `topics:${string}` | `board:${string}`>;

function boardOf(project: Project, { topic, documentIds }: { topic?: string; documentIds?: string[] }) {
  const options: BoardOptions = { topic, documentIds: documentIds && new Set(documentIds) };
  return buildBoard(project, projectDocumentMeta(project), options);
}

export function boardHandlers(session: AppSession): Pick<Handlers, BoardChannel> {
  const project = () => session.requireProject();
  return {
    'topics:list': () => project().topics.list(),
    'topics:create': ({ name }) => project().topicService.create(name),
    'topics:rename': ({ id, name }) => project().topicService.rename(id, name),
    'topics:reorder': ({ ids }) => project().topicService.reorder(ids),
    'topics:delete': ({ id }) => project().topicService.delete(id),
    'topics:undo': () => project().topicService.undo(),
    'topics:redo': () => project().topicService.redo(),
    'board:get': (query) => boardOf(project(), query),
    'board:table': ({ format, ...query }) => boardTable(boardOf(project(), query), format),
  };
}
