/**
 * Where an export's bytes go. A format writes files through an {@link ExportOutput}, one at a time (each file
 * closed before the next is opened), and never holds more than one document's worth of output (or a chunk of
 * about a megabyte): the output waits for a slow stream or disk, so memory stays flat however large the export.
 *
 * - {@link StreamOutput}: a single-file format into one stream (a file, an HTTP response), in chunks of about 1 MiB.
 * - {@link FolderOutput}: the files of a folder format (brat) into a directory.
 * - {@link ZipOutput}: the files of a folder or zip format into one .zip stream (zip.ts: DEFLATE, ZIP64).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import type { Writable } from 'node:stream';
import { waitForDrain } from './drain';
import { ZipWriter } from './zip';

export interface ExportFile {
  write(chunk: string | Uint8Array): Promise<void>;
  close(): Promise<void>;
}

export interface ExportOutput {
  /** Opens the next file of the export. A single-file output has exactly one, whatever its name. */
  open(name: string): ExportFile;
}

/** About 1 MiB: a format's lines and documents are gathered into chunks of this size before a write. */
const CHUNK_BYTES = 1 << 20;

/** The most UTF-8 bytes a UTF-16 code unit becomes (a surrogate pair: 4 bytes for 2 units). */
const MAX_UTF8_BYTES_PER_UNIT = 3;

/**
 * The one file of a single-file format, written to the stream a chunk at a time: a write call per line or per
 * document costs more than making the line. Each piece is encoded straight into the chunk's buffer (joining
 * the pieces into one string first and encoding that copied every byte once more). The next chunk is made
 * while the last one is being written; a write waits only when the stream is still full from the one before,
 * so at most a chunk or two is in memory.
 */
class ChunkedStreamFile implements ExportFile {
  private buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  /** Set when the stream was full after the last write: resolves when it has drained. */
  private drained: Promise<unknown> | null = null;

  constructor(
    private readonly out: Writable,
    private readonly signal?: AbortSignal,
  ) {}

  async write(chunk: string | Uint8Array): Promise<void> {
    if (typeof chunk !== 'string') {
      await this.flush();
      return this.send(chunk);
    }
    // Measuring the piece's UTF-8 length would cost a pass over it; its worst case tells whether it surely fits.
    const mostBytes = chunk.length * MAX_UTF8_BYTES_PER_UNIT;
    if (mostBytes > this.buffer.length - this.used) {
      await this.flush();
      if (mostBytes > this.buffer.length) return this.send(chunk);
    }
    this.used += this.buffer.write(chunk, this.used);
  }

  async close(): Promise<void> {
    await this.flush();
    await this.drained;
  }

  private flush(): Promise<void> {
    if (this.used === 0) return this.send('');
    // The stream keeps the bytes until they are written: the next chunk goes into a new buffer.
    const bytes = this.buffer.subarray(0, this.used);
    this.buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    this.used = 0;
    return this.send(bytes);
  }

  private async send(chunk: string | Uint8Array): Promise<void> {
    await this.drained;
    this.drained = null;
    if (chunk.length === 0 || this.out.write(chunk)) return;
    this.drained = waitForDrain(this.out, this.signal);
    // Awaited by the next write or close; if the export stops first (cancelled, failed), its rejection is no news.
    this.drained.catch(() => {});
  }
}

export class StreamOutput implements ExportOutput {
  private opened = false;

  /** `signal` also ends a wait for the stream to drain (as the stream's closing does). */
  constructor(
    private readonly out: Writable,
    private readonly signal?: AbortSignal,
  ) {}

  open(): ExportFile {
    if (this.opened) throw new Error('A single-file export writes one file');
    this.opened = true;
    return new ChunkedStreamFile(this.out, this.signal);
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
      close: async () =>
        writeFileSync(
          path,
          Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c))),
        ),
    };
  }
}

export class ZipOutput implements ExportOutput {
  private readonly zip: ZipWriter;

  constructor(out: Writable, signal?: AbortSignal) {
    this.zip = new ZipWriter(out, new Date(), signal);
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
