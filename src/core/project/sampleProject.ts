/**
 * The sample project a new user can open from the project picker: the articles of resources/samples with the
 * spans of its annotations.jsonl, imported through the importer like any user's files.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '@shared/errors';
import { errorMessage } from '@shared/messages/keys';
import { Importer } from '../import/importer';
import { sourcesFromPaths } from '../import/sources';
import { Project } from './project';

export const SAMPLE_PROJECT_FILE = 'Sample project.spanlight';

/**
 * Builds the sample project at `path` from `samplesDir`, unless a file is there already. The annotated JSONL
 * goes first, so each article arrives with its spans; the articles folder follows, so an article that has no
 * line in the JSONL still arrives (the annotated ones are skipped as already there). The project is built
 * under another name and renamed when complete: an interrupted build never leaves a half sample behind.
 */
export function ensureSampleProject(samplesDir: string, path: string): void {
  if (existsSync(path)) return;
  const { sources, problems } = sourcesFromPaths([
    join(samplesDir, 'annotations.jsonl'),
    join(samplesDir, 'articles'),
  ]);
  if (problems.length > 0)
    throw new AppError('not_found', errorMessage('samples.missing', { file: problems[0]!.fileName }));
  const building = `${path}.building`;
  const removeBuilding = () => {
    for (const file of [building, `${building}-wal`, `${building}-shm`]) rmSync(file, { force: true });
  };
  removeBuilding();
  const project = Project.create(building);
  try {
    const report = new Importer(project).importAll(sources);
    if (report.rejected.length > 0)
      throw new AppError(
        'invalid_input',
        errorMessage('samples.notImported', {
          file: report.rejected[0]!.fileName,
          reason: report.rejected[0]!.reason,
        }),
      );
  } catch (error) {
    project.close();
    removeBuilding();
    throw error;
  }
  project.close();
  renameSync(building, path);
}

/**
 * resources/samples of the app whose root folder (package.json's) is `appRoot`, or null when it is not there.
 * The shells pass their root at run time: the repository for `npm start`, the built host and the Electron app.
 */
export function samplesDirIn(appRoot: string): string | null {
  const dir = join(appRoot, 'resources', 'samples');
  return existsSync(join(dir, 'annotations.jsonl')) ? dir : null;
}
