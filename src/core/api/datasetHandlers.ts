/**
 * The handlers of the dataset channels (`export:options`, `jobs:*`): long imports and exports run as jobs in
 * the session's JobRegistry; the renderer polls `jobs:status` and may `jobs:cancel`.
 */
import { exportFileName } from '@shared/datasets';
import { AppError } from '@shared/errors';
import { errorMessage } from '@shared/messages/keys';
import type { AppSession } from '../session/session';
import { unknownFilterLabel } from '../export/dataset';
import { sourceFromBytes, sourcesFromPaths } from '../import/sources';
import { runExportToPath, runImport, type ExportJobDetail } from '../jobs/datasetJobs';
import type { Handlers } from './handlers';

type DatasetChannel =
  'export:options' | 'jobs:start-export' | 'jobs:start-import' | 'jobs:status' | 'jobs:cancel';

export function datasetHandlers(session: AppSession): Pick<Handlers, DatasetChannel> {
  const project = () => session.requireProject();
  const dialogs = () => {
    if (!session.dialogs) throw new AppError('unsupported', errorMessage('dialogs.desktopOnlyDownload'));
    return session.dialogs;
  };

  return {
    'export:options': () => ({ annotators: project().annotations.annotators() }),

    'jobs:start-export': async ({ format, filter, destination, spreadsheet }) => {
      const target = project();
      const unknown = unknownFilterLabel(target.labels.list(), filter);
      if (unknown !== undefined)
        throw new AppError(
          'invalid_input',
          errorMessage('label.unknown', { label: JSON.stringify(unknown) }),
        );
      if (destination === 'download') {
        // The host runs it when the download arrives (GET HTTP.exportPath with job=<id>).
        const detail: ExportJobDetail = { format, filter, spreadsheet };
        return { jobId: session.jobs.reserve('export', 'documents', detail) };
      }
      const path = await dialogs().chooseExportPath(format, exportFileName(target.name, format, 'saved'));
      if (!path) return null;
      return {
        jobId: session.jobs.start('export', 'documents', (control) =>
          runExportToPath(target, { format, filter, spreadsheet }, path, control),
        ),
      };
    },

    'jobs:start-import': async ({ source, format, csv }) => {
      const target = project();
      const options = { format, csv };
      if (source.kind === 'files') {
        const sources = source.files.map((f) => sourceFromBytes(f.name, Buffer.from(f.base64, 'base64')));
        return {
          jobId: session.jobs.start('import', 'files', (control) =>
            runImport(target, sources, [], options, control),
          ),
        };
      }
      const paths = await dialogs().chooseImportPaths(source.pick);
      if (!paths) return null;
      const { sources, problems } = sourcesFromPaths(paths);
      return {
        jobId: session.jobs.start('import', 'files', (control) =>
          runImport(target, sources, problems, options, control),
        ),
      };
    },

    'jobs:status': ({ id }) => session.jobs.status(id),
    'jobs:cancel': ({ id }) => session.jobs.cancel(id),
  };
}
