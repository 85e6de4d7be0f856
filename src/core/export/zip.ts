/**
 * A streaming ZIP writer with ZIP64, for exports of any size. Entries are written one after another, each
 * compressed as it comes (DEFLATE: zlib for an entry that fits in a megabyte, fflate's streaming Deflate for
 * a longer one), followed by a data descriptor; the central directory is kept as packed bytes (about 100 bytes
 * an entry) and written at the end. ZIP64 records are added only when needed: more than 65,535 entries, or an
 * archive past 4 GiB. A single entry stays under 4 GiB.
 *
 * (fflate's own Zip writes no ZIP64, so at most 65,535 entries, and keeps every finished entry's stream
 * object until the end, some kilobytes each; this keeps neither limit.)
 *
 * Kept rather than yazl (3.3.1, which writes ZIP64 too), measured on this 2-core machine under the same load:
 * yazl keeps an object per entry until the end and, before each entry, walks the list of entries from the
 * first to find the next one to write, so on a zip of many small files its time grows with the square of the
 * number of entries and its memory with that number. `node scripts/bench-export.mjs --documents 100000 --formats brat`
 * (a zip of 200,001 files): yazl 548.9 s at 537 MB peak RSS, and it fails with the heap capped at 64 MB; this
 * writer 10.4 s at 166 MB, and it finishes under the cap (the same JSONL import took 115 s and 104 s in the
 * two runs: the load was alike). At 10,000 documents the two were within the run's noise (7.1 s and 7.6 s), but
 * yazl's peak heap was 89 MB against 25 MB. Written alternately in one process, 10,000 small entries took
 * yazl 2.3-6.2 s and this writer 1.0-2.4 s.
 */
import type { Writable } from 'node:stream';
import { crc32, deflateRawSync } from 'node:zlib';
import { Deflate } from 'fflate';
import { waitForDrain } from './drain';

const SMALL_ENTRY = 1 << 20;
const MAX_32 = 0xffffffff;
const FLAGS = 0x0808; // bit 3: sizes in a data descriptor; bit 11: UTF-8 names.

/** Bytes appended into 1 MiB blocks: many small records without an object each. */
class PackedBytes {
  private readonly blocks: Buffer[] = [];
  private used = 0;
  length = 0;

  append(bytes: Buffer): void {
    let at = 0;
    while (at < bytes.length) {
      if (this.blocks.length === 0 || this.used === this.blocks[this.blocks.length - 1]!.length) {
        this.blocks.push(Buffer.allocUnsafe(SMALL_ENTRY));
        this.used = 0;
      }
      const block = this.blocks[this.blocks.length - 1]!;
      const n = Math.min(bytes.length - at, block.length - this.used);
      bytes.copy(block, this.used, at, at + n);
      this.used += n;
      at += n;
    }
    this.length += bytes.length;
  }

  *chunks(): Generator<Buffer> {
    for (let i = 0; i < this.blocks.length; i++)
      yield i === this.blocks.length - 1 ? this.blocks[i]!.subarray(0, this.used) : this.blocks[i]!;
  }
}

function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.max(1980, date.getFullYear());
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

export interface ZipEntry {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

export class ZipWriter {
  private offset = 0;
  private entries = 0;
  private open = false;
  private readonly directory = new PackedBytes();
  private readonly stamp: { time: number; date: number };

  /** `signal` also ends a wait for the stream to drain (as the stream's closing does). */
  constructor(
    private readonly out: Writable,
    modified = new Date(),
    private readonly signal?: AbortSignal,
  ) {
    this.stamp = dosDateTime(modified);
  }

  private async emit(bytes: Uint8Array): Promise<void> {
    if (bytes.length === 0) return;
    this.offset += bytes.length;
    if (!this.out.write(bytes)) await waitForDrain(this.out, this.signal);
  }

  /** Starts the next entry; the previous one must be closed. */
  async add(name: string): Promise<ZipEntry> {
    if (this.open) throw new Error('A zip entry is still open');
    this.open = true;
    const nameBytes = Buffer.from(name, 'utf8');
    const headerOffset = this.offset;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(8, 8);
    header.writeUInt16LE(this.stamp.time, 10);
    header.writeUInt16LE(this.stamp.date, 12);
    header.writeUInt16LE(nameBytes.length, 26);
    await this.emit(Buffer.concat([header, nameBytes]));

    let crc = 0;
    let size = 0;
    let compressedSize = 0;
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    let stream: Deflate | null = null;
    let produced: Uint8Array[] = [];
    const flush = async () => {
      const chunks = produced;
      produced = [];
      for (const chunk of chunks) {
        compressedSize += chunk.length;
        await this.emit(chunk);
      }
    };
    const startStream = () => {
      stream = new Deflate({ level: 6 }, (data) => void produced.push(data));
      for (const chunk of pending) stream.push(chunk as Uint8Array<ArrayBuffer>);
      pending = [];
    };
    return {
      write: async (chunk) => {
        crc = crc32(chunk, crc);
        size += chunk.length;
        if (stream) {
          (stream as Deflate).push(chunk as Uint8Array<ArrayBuffer>);
        } else {
          pending.push(chunk);
          pendingBytes += chunk.length;
          if (pendingBytes > SMALL_ENTRY) startStream();
        }
        await flush();
      },
      close: async () => {
        if (stream) (stream as Deflate).push(new Uint8Array(0), true);
        else produced.push(deflateRawSync(Buffer.concat(pending)));
        await flush();
        if (size > MAX_32 || compressedSize > MAX_32)
          throw new Error(`${name} is larger than 4 GiB, more than a zip entry holds here`);
        const descriptor = Buffer.alloc(16);
        descriptor.writeUInt32LE(0x08074b50, 0);
        descriptor.writeUInt32LE(crc, 4);
        descriptor.writeUInt32LE(compressedSize, 8);
        descriptor.writeUInt32LE(size, 12);
        await this.emit(descriptor);
        this.record(nameBytes, crc, compressedSize, size, headerOffset);
        this.entries++;
        this.open = false;
      },
    };
  }

  private record(
    name: Buffer,
    crc: number,
    compressedSize: number,
    size: number,
    headerOffset: number,
  ): void {
    const far = headerOffset > MAX_32;
    const extra = far ? Buffer.alloc(12) : Buffer.alloc(0);
    if (far) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(8, 2);
      extra.writeBigUInt64LE(BigInt(headerOffset), 4);
    }
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(45, 4);
    entry.writeUInt16LE(far ? 45 : 20, 6);
    entry.writeUInt16LE(FLAGS, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt16LE(this.stamp.time, 12);
    entry.writeUInt16LE(this.stamp.date, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(compressedSize, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt16LE(extra.length, 30);
    entry.writeUInt32LE(far ? MAX_32 : headerOffset, 42);
    this.directory.append(Buffer.concat([entry, name, extra]));
  }

  /** Writes the central directory (and the ZIP64 end records when needed); the zip is complete after. */
  async end(): Promise<void> {
    if (this.open) throw new Error('A zip entry is still open');
    const directoryOffset = this.offset;
    for (const chunk of this.directory.chunks()) await this.emit(chunk);
    const directorySize = this.directory.length;
    const zip64 = this.entries > 0xffff || directoryOffset > MAX_32 || directorySize > MAX_32;
    if (zip64) {
      const endOffset = this.offset;
      const record = Buffer.alloc(56);
      record.writeUInt32LE(0x06064b50, 0);
      record.writeBigUInt64LE(44n, 4);
      record.writeUInt16LE(45, 12);
      record.writeUInt16LE(45, 14);
      record.writeBigUInt64LE(BigInt(this.entries), 24);
      record.writeBigUInt64LE(BigInt(this.entries), 32);
      record.writeBigUInt64LE(BigInt(directorySize), 40);
      record.writeBigUInt64LE(BigInt(directoryOffset), 48);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(0x07064b50, 0);
      locator.writeBigUInt64LE(BigInt(endOffset), 8);
      locator.writeUInt32LE(1, 16);
      await this.emit(Buffer.concat([record, locator]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(Math.min(this.entries, 0xffff), 8);
    end.writeUInt16LE(Math.min(this.entries, 0xffff), 10);
    end.writeUInt32LE(Math.min(directorySize, MAX_32), 12);
    end.writeUInt32LE(Math.min(directoryOffset, MAX_32), 16);
    await this.emit(end);
  }
}
