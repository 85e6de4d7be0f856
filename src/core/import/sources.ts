/**
 * Where imported files come from: paths on disk (folders walked recursively) or bytes the renderer sent.
 * Files are read one at a time, when the importer reaches them, so a large folder is never all in memory.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { isImportableName } from '@shared/datasets';
import type { ImportProblem } from '@shared/model';
import { importMessage } from '@shared/messages/keys';
import { sortNaturally } from '@shared/naturalOrder';
import { importProblem } from './importProblem';

export interface ImportSource {
  /** How the file is named in reports: its path relative to the folder imported, or its file name. */
  name: string;
  read(): Uint8Array;
  /** Where the file is on disk, when it is: JSON Lines files are then read a line at a time. */
  path?: string;
}

function walk(folder: string, root: string, out: ImportSource[]): void {
  const entries = sortNaturally(readdirSync(folder, { withFileTypes: true }), (entry) => entry.name);
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) walk(path, root, out);
    else if (entry.isFile() && isImportableName(entry.name)) {
      out.push({ name: join(basename(root), relative(root, path)), path, read: () => readFileSync(path) });
    }
  }
}

/** Expands files and folders into sources; a path that does not exist is a problem, the rest still import. */
export function sourcesFromPaths(paths: string[]): { sources: ImportSource[]; problems: ImportProblem[] } {
  const sources: ImportSource[] = [];
  const problems: ImportProblem[] = [];
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      problems.push(importProblem(path, [importMessage('file.missing')]));
      continue;
    }
    if (isDirectory) walk(path, path, sources);
    else sources.push({ name: basename(path), path, read: () => readFileSync(path) });
  }
  return { sources, problems };
}

export function sourceFromBytes(name: string, bytes: Uint8Array): ImportSource {
  return { name, read: () => bytes };
}
