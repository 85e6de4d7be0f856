/**
 * The handlers of the layer channels (`layers:*`): which layer the user works in, everyone's status of each
 * document, and File → Merge annotations… (the same merge as `spanlight merge`).
 */
import { existsSync } from 'node:fs';
import { AppError } from '@shared/errors';
import type { LayerMode, LayerStatus } from '@shared/layers';
import { errorMessage } from '@shared/messages/keys';
import type { DocumentSummary } from '@shared/model';
import type { AppSession } from '../session/session';
import { addMergedDocument, readMergeSource } from '../import/mergeSources';
import { emptyMergeReport } from '../project/mergeService';
import type { Project } from '../project/project';
import type { Handlers } from './handlers';

type LayerChannel = 'layers:mode' | 'layers:set-curating' | 'layers:statuses' | 'layers:merge';

function modeOf(project: Project): LayerMode {
  return { own: project.annotator, curating: project.layerAccess.curating };
}

/**
 * The list shows the user's own status of each document: their layer's, where they have one (a merge of their
 * own work from another copy sets it there), else the document's.
 */
export function withOwnStatus(project: Project, documents: DocumentSummary[]): DocumentSummary[] {
  const own = project.annotator;
  if (!own) return documents;
  const mine = project.layers.statusesOf(own);
  if (mine.size === 0) return documents;
  return documents.map((d) => {
    const status = mine.get(d.id);
    return status && status !== d.status ? { ...d, status } : d;
  });
}

/** Everyone's status of every document: the marked ones, and layers with spans but no mark (in progress). */
export function teamStatuses(project: Project): LayerStatus[] {
  const key = (documentId: string, annotator: string) => `${documentId}\u0000${annotator}`;
  const team = new Map<string, LayerStatus>();
  for (const { documentId, annotator, spans } of project.layers.layerSizes())
    team.set(key(documentId, annotator), { documentId, annotator, status: 'in_progress', spans });
  for (const { documentId, annotator, status } of project.layers.statuses()) {
    const k = key(documentId, annotator);
    team.set(k, { documentId, annotator, status, spans: team.get(k)?.spans ?? 0 });
  }
  return [...team.values()];
}

export function layerHandlers(session: AppSession): Pick<Handlers, LayerChannel> {
  const project = () => session.requireProject();

  return {
    'layers:mode': () => modeOf(project()),

    'layers:set-curating': ({ layer }) => {
      const target = project();
      if (layer !== null && layer === target.annotator)
        throw new AppError('invalid_input', errorMessage('curate.ownLayer', { layer }));
      target.layerAccess.setCurating(layer);
      return modeOf(target);
    },

    'layers:statuses': () => teamStatuses(project()),

    'layers:merge': async ({ source, force, addDocuments }) => {
      const target = project();
      let path: string | null;
      if (source.kind === 'path') path = source.path;
      else {
        if (!session.dialogs?.chooseMergeSource)
          throw new AppError('unsupported', errorMessage('dialogs.desktopOnly'));
        path = await session.dialogs.chooseMergeSource();
      }
      if (path === null) return null;
      if (!existsSync(path)) throw new AppError('not_found', errorMessage('notFound.path', { path }));
      if (path === target.path) throw new AppError('invalid_input', errorMessage('merge.sameProject'));
      const { documents, unattributed } = await readMergeSource(path);
      const report = emptyMergeReport();
      report.unattributed = unattributed;
      return target.mergeService.merge(
        path,
        documents,
        {
          force,
          addDocument: addDocuments ? (document) => addMergedDocument(target, document) : undefined,
        },
        report,
      );
    },
  };
}
