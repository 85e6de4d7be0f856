/**
 * Where an export's bytes go. A format writes files through an {@link ExportOutput}, one at a time (each file
 * closed before the next is opened), and never holds more than one document's worth of output: the output
 * waits for a slow stream or disk, so memory stays flat however large the export.
 *
 * - {@link StreamOutput}: a single-file format into one stream (a file, an HTTP response).
 * - {@link FolderOutput}: the files of a folder format (brat) into a directory.
 * - {@link ZipOutput}: the files of a folder or zip format into one .zip stream (zip.ts: DEFLATE, ZIP64).
 */
import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import type { Writable } from 'node:stream';
import { ZipWriter } from './zip';

export interface ExportFile {
  write(chunk: string | Uint8Array): Promise<void>;
  close(): Promise<void>;
}

export interface ExportOutput {
  /** Opens the next file of the export. A single-file output has exactly one, whatever its name. */
  open(name: string): ExportFile;
}

async function writeTo(out: Writable, chunk: string | Uint8Array): Promise<void> {
  if (chunk.length > 0 && !out.write(chunk)) await once(out, 'drain');
}

export class StreamOutput implements ExportOutput {
  private opened = false;

  constructor(private readonly out: Writable) {}

  open(): ExportFile {
    if (this.opened) throw new Error('A single-file export writes one file');
    this.opened = true;
    return { write: (chunk) => writeTo(this.out, chunk), close: async () => {} };
  }
}

/** Files written under `root`; names are relative paths with `/`, checked to stay inside. */
export class FolderOutput implements ExportOutput {
  constructor(private readonly root: string) {}

  open(name: string): ExportFile {
    const path = normalize(join(this.root, name));
    if (!path.startsWith(normalize(this.root) + sep)) throw new Error(`${name} is outside the export folder`);
    mkdirSync(dirname(path), { recursive: true });
    const chunks: Array<string | Uint8Array> = [];
    // One document's file at a time: small, written whole when closed.
    return {
      write: async (chunk) => void chunks.push(chunk),
      close: async () => writeFileSync(path, Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c)))),
    };
  }
}

export class ZipOutput implements ExportOutput {
  private readonly zip: ZipWriter;

  constructor(out: Writable) {
    this.zip = new ZipWriter(out);
  }

  open(name: string): ExportFile {
    const entry = this.zip.add(name);
    const encoder = new TextEncoder();
    return {
      write: async (chunk) => (await entry).write(typeof chunk === 'string' ? encoder.encode(chunk) : chunk),
      close: async () => (await entry).close(),
    };
  }

  /** Writes the central directory; the zip is complete when this resolves. */
  end(): Promise<void> {
    return this.zip.end();
  }
}
