/**
 * One handler per channel of the contract. A handler receives a payload already validated against the
 * channel's schema (see dispatch.ts) and returns its response or throws an AppError.
 */
import type { Channel, ParsedRequestOf, ResponseOf } from '@shared/contract';
import { AppError } from '@shared/errors';
import { errorMessage } from '@shared/messages/keys';
import type { AppInfo } from '@shared/model';
import type { AppSession } from '../session/session';
import { openDocument } from '../project/openedDocument';
import { saveProjectCopy } from '../backup/saveCopy';
import { PROJECT_EXTENSION } from '../project/project';
import { boardHandlers } from './boardHandlers';
import { comparisonHandlers } from './comparisonHandlers';
import { datasetHandlers } from './datasetHandlers';
import { layerHandlers, withOwnStatus } from './layerHandlers';
import { suggestionHandlers } from './suggestionHandlers';

export type Handlers = {
  [C in Channel]: (request: ParsedRequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>>;
};

export const APP_VERSION = '0.1.0';

function requireDialogs(session: AppSession) {
  if (!session.dialogs) throw new AppError('unsupported', errorMessage('dialogs.desktopOnly'));
  return session.dialogs;
}

export function createHandlers(session: AppSession): Handlers {
  const project = () => session.requireProject();

  return {
    'app:info': (): AppInfo => ({
      mode: session.mode,
      version: APP_VERSION,
      defaultProjectPath: session.defaultProjectPath,
      recentProjects: session.settings.get().recentProjects,
      theme: session.settings.get().theme,
      language: session.settings.get().language,
      project: session.project?.info() ?? null,
    }),

    'project:create': ({ path }) => session.createProject(path).info(),
    'project:open': ({ path }) => session.openProject(path).info(),
    'project:open-sample': () => session.openSampleProject().info(),
    'project:choose': async ({ mode }) => {
      const path = await requireDialogs(session).chooseProjectPath(mode);
      if (!path) return null;
      return (mode === 'create' ? session.createProject(path) : session.openProject(path)).info();
    },

    'project:save-copy': ({ path }) => saveProjectCopy(project(), path),
    'project:save-copy-choose': async () => {
      const target = project();
      const path = await requireDialogs(session).chooseCopyPath(`${target.name} copy${PROJECT_EXTENSION}`);
      return path ? saveProjectCopy(target, path) : null;
    },

    'documents:list': () => withOwnStatus(project(), project().documents.list()),
    'documents:open': ({ id }) => openDocument(project(), id),
    'documents:set-status': ({ id, status }) => project().documentService.setStatus(id, status),
    'documents:set-meta': ({ id, meta }) => project().documentService.setMeta(id, meta),

    'settings:set-theme': ({ theme }) => {
      session.settings.setTheme(theme);
      return null;
    },
    'settings:set-language': ({ language }) => {
      session.settings.setLanguage(language);
      return null;
    },
    'directions:get': ({ documentId }) => session.settings.directionsIn(project().info().path, documentId),
    'directions:set': ({ documentId, line, direction }) => {
      session.settings.setDirection(project().info().path, documentId, line, direction);
      return null;
    },
    'place:get': () => session.settings.placeIn(project().info().path),
    'place:set': (place) => {
      session.settings.rememberPlace(project().info().path, place);
      return null;
    },

    'labels:list': () => project().labels.list(),

    'annotations:create': (request) => project().annotationService.create(request),
    'annotations:relabel': ({ id, labelId }) => project().annotationService.relabel(id, labelId),
    'annotations:set-note': ({ id, note }) => project().annotationService.setNote(id, note),
    'annotations:delete': ({ id }) => project().annotationService.delete(id),

    'history:undo': ({ documentId }) => project().history.undo(documentId),
    'history:redo': ({ documentId }) => project().history.redo(documentId),

    'annotations:set-attributes': ({ id, attributes }) =>
      project().annotationService.setAttributes(id, attributes),

    'relations:create': ({ fromId, toId, type }) => project().relationService.create(fromId, toId, type),
    'relations:delete': ({ id }) => project().relationService.delete(id),

    'labels:usage': () =>
      Object.fromEntries(
        project()
          .labels.usage()
          .map((u) => [u.id, u.n]),
      ),
    'labels:create': (fields) => project().labelService.create(fields),
    'labels:update': ({ id, ...fields }) => project().labelService.update(id, fields),
    'labels:reorder': ({ ids }) => project().labelService.reorder(ids),
    'labels:delete': ({ id, expectedCount }) => {
      project().labelService.delete(id, expectedCount);
      return project().labels.list();
    },

    'project:set-annotator': ({ name }) => {
      project().setAnnotator(name);
      return project().info();
    },

    'documents:ids-with-label': ({ labelId }) => project().documents.idsWithLabel(labelId),
    'search:documents': ({ query, limit }) => project().search.documents(query, limit),
    'search:annotations': (query) => project().search.annotationHits(query),
    'attributes:suggest': ({ labelId, name }) => project().annotations.attributeValues(labelId, name),

    // --- backups (src/core/backup) ---
    'backups:list': () => session.backups().list(),
    'backups:create': () => session.backups().create(project().db, 'manual'),
    'backups:restore': async ({ id }) => (await session.restoreBackup(id)).info(),

    // --- datasets in and out: jobs with progress and cancel (src/core/api/datasetHandlers.ts) ---
    ...datasetHandlers(session),

    // --- layers: several annotators (src/core/api/layerHandlers.ts) ---
    ...layerHandlers(session),
    // --- topics and the claim board (src/core/api/boardHandlers.ts) ---
    ...boardHandlers(session),
    // --- suggestions in the workbench (src/core/api/suggestionHandlers.ts) ---
    ...suggestionHandlers(session),

    // --- several annotators: comparison, adjudication, agreement (src/core/api/comparisonHandlers.ts) ---
    ...comparisonHandlers(session),
  };
}
