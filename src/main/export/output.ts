/**
 * Where an export's bytes go. A format writes files through an {@link ExportOutput}, one at a time (each file
 * closed before the next is opened), and never holds more than one document's worth of output: the output
 * waits for a slow stream or disk, so memory stays flat however large the export.
 *
 * - {@link StreamOutput}: a single-file format into one stream (a file, an HTTP response).
 * - {@link FolderOutput}: the files of a folder format (brat) into a directory.
 * - {@link ZipOutput}: the files of a folder or zip format into one .zip stream (fflate, DEFLATE).
 */
import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import type { Writable } from 'node:stream';
import { Deflate, Zip, ZipPassThrough } from 'fflate';

export interface ExportFile {
  write(chunk: string | Uint8Array): Promise<void>;
  close(): Promise<void>;
}

export interface ExportOutput {
  /** Opens the next file of the export. A single-file output has exactly one, whatever its name. */
  open(name: string): ExportFile;
}

/** The largest number of files a .zip holds without ZIP64, which fflate does not write. */
export const ZIP_MAX_ENTRIES = 65_535;

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

/**
 * A DEFLATE-compressed zip entry that lets go of its compressor when it ends. fflate's ZipDeflate keeps its
 * Deflate (and its window buffers) referenced from the zip's list of entries until the whole zip ends, so
 * memory would grow with the number of files; this entry drops it after the last chunk.
 */
class DeflatedEntry extends ZipPassThrough {
  constructor(name: string) {
    super(name);
    this.compression = 8;
    // Not an own property: fflate copies the entry's own properties into its list of entries.
    compressors.set(this, new Deflate({ level: 6 }, (data, final) => super.process(data, final)));
  }

  protected override process(chunk: Uint8Array<ArrayBuffer>, final: boolean): void {
    compressors.get(this)!.push(chunk, final);
    if (final) compressors.delete(this);
  }
}

const compressors = new WeakMap<DeflatedEntry, Deflate>();

export class ZipOutput implements ExportOutput {
  private readonly zip: Zip;
  private failure: Error | null = null;
  private entries = 0;
  private readonly finished: Promise<void>;

  constructor(private readonly out: Writable) {
    let resolveFinished!: () => void;
    this.finished = new Promise((resolve) => (resolveFinished = resolve));
    this.zip = new Zip((error, data, final) => {
      if (error) {
        this.failure = error;
        return;
      }
      // Back-pressure is awaited after each file (see close), not here: fflate calls back synchronously.
      if (!out.destroyed) out.write(data);
      if (final) resolveFinished();
    });
  }

  open(name: string): ExportFile {
    if (++this.entries > ZIP_MAX_ENTRIES) throw new Error(`A .zip export holds at most ${ZIP_MAX_ENTRIES} files`);
    const file = new DeflatedEntry(name);
    this.zip.add(file);
    const encoder = new TextEncoder();
    return {
      write: async (chunk) => {
        file.push(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
        this.check();
      },
      close: async () => {
        file.push(new Uint8Array(0), true);
        this.check();
        if (this.out.writableNeedDrain) await once(this.out, 'drain');
      },
    };
  }

  /** Writes the central directory; the zip is complete when this resolves. */
  async end(): Promise<void> {
    this.zip.end();
    this.check();
    await this.finished;
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }
}
