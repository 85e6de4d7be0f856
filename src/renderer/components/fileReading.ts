/**
 * Reads files the user picked or dropped into the `{ name, base64 }` form `jobs:start-import` sends. Main decodes
 * the bytes, so the checks on encoding are the same as for the CLI. Folders are walked, keeping the files an
 * import understands. As the CLI does, a folder's files go to main in natural order of their paths (whatever
 * order the browser lists them in), and files named one by one in the order given.
 */
import { isImportableName } from '@shared/datasets';
import { sortNaturally } from '@shared/naturalOrder';

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = reader.result as string;
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export async function readFiles(
  files: Array<{ file: File; name: string }>,
): Promise<Array<{ name: string; base64: string }>> {
  return Promise.all(files.map(async ({ file, name }) => ({ name, base64: await readAsBase64(file) })));
}

/** Files from an <input type=file> (with or without webkitdirectory). */
export function filesFromInput(list: FileList, fromFolder: boolean): Array<{ file: File; name: string }> {
  const files = Array.from(list)
    .filter((file) => !fromFolder || isImportableName(file.name))
    .filter((file) => !file.name.startsWith('.'))
    .map((file) => ({ file, name: file.webkitRelativePath || file.name }));
  return fromFolder ? sortNaturally(files, (file) => file.name) : files;
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

async function walkEntry(
  entry: FileSystemEntry,
  out: Array<{ file: File; name: string }>,
  explicit: boolean,
): Promise<void> {
  if (entry.name.startsWith('.')) return;
  if (entry.isFile) {
    if (explicit || isImportableName(entry.name))
      out.push({
        file: await entryFile(entry as FileSystemFileEntry),
        name: entry.fullPath.replace(/^\//, ''),
      });
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries answers in batches until it answers an empty one.
  const children: FileSystemEntry[] = [];
  for (let batch = await readEntries(reader); batch.length > 0; batch = await readEntries(reader)) {
    children.push(...batch);
  }
  for (const child of sortNaturally(children, (c) => c.name)) await walkEntry(child, out, false);
}

/** Files and folders dropped on the window; a dropped file is taken whatever its name, a folder's by name. */
export async function filesFromDrop(transfer: DataTransfer): Promise<Array<{ file: File; name: string }>> {
  const entries = Array.from(transfer.items)
    .map((item) => item.webkitGetAsEntry())
    .filter((entry): entry is FileSystemEntry => entry !== null);
  // Synthetic drops (and some platforms) carry plain files without entries.
  if (entries.length === 0) return Array.from(transfer.files).map((file) => ({ file, name: file.name }));
  const out: Array<{ file: File; name: string }> = [];
  for (const entry of entries) await walkEntry(entry, out, true);
  return out;
}
