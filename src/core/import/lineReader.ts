/**
 * Reads a file a line at a time (lines end with LF; a CR before it is the caller's to drop), a megabyte at a
 * time from disk, so a JSONL file of any size is read in constant memory. Each line comes with its number
 * and its byte offset, for error messages.
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import { firstInvalidUtf8Offset, notUtf8Reason, nulByteReason } from './decode';
import type { Problems } from './parsed';

export interface FileLine {
  number: number;
  /** Byte offset of the line's first byte in the file. */
  offset: number;
  /** The line's bytes, without its LF; valid until the next line is asked for. */
  bytes: Buffer;
}

const CHUNK = 1 << 20;

export function* fileLines(path: string): Generator<FileLine> {
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(CHUNK);
    let carry = Buffer.alloc(0);
    let carryOffset = 0;
    let position = 0;
    let number = 1;
    for (;;) {
      const read = readSync(fd, chunk, 0, CHUNK, position);
      if (read === 0) break;
      position += read;
      const data =
        carry.length > 0 ? Buffer.concat([carry, chunk.subarray(0, read)]) : chunk.subarray(0, read);
      let start = 0;
      for (let lf = data.indexOf(10, start); lf !== -1; lf = data.indexOf(10, start)) {
        yield { number: number++, offset: carryOffset + start, bytes: data.subarray(start, lf) };
        start = lf + 1;
      }
      carryOffset += start;
      // Copied: `chunk` is read into again.
      carry = Buffer.from(data.subarray(start));
    }
    if (carry.length > 0) yield { number, offset: carryOffset, bytes: carry };
  } finally {
    closeSync(fd);
  }
}

/** The first bytes of a file (for a look at its encoding and first line). */
export function fileStart(path: string, length = 64 * 1024): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    return buffer.subarray(0, readSync(fd, buffer, 0, length, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * The lines of a text file, each checked as every imported text is: a BOM dropped from the first, a CR before
 * the LF dropped, and the file refused (a problem, and no more lines) at a NUL byte or at bytes that are not
 * UTF-8, named by their byte offset. Stops once `problems` is full.
 */
export function* checkedFileLines(path: string, problems: Problems): Generator<FileLine> {
  for (const { number, offset, bytes } of fileLines(path)) {
    if (problems.full) return;
    const bom = number === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const line = bytes.subarray(
      bom,
      bytes.length > bom && bytes[bytes.length - 1] === 13 ? bytes.length - 1 : bytes.length,
    );
    const nul = line.indexOf(0);
    if (nul !== -1) {
      problems.add(nulByteReason(offset + bom + nul));
      return;
    }
    if (!isUtf8(line)) {
      problems.add(notUtf8Reason(offset + bom + firstInvalidUtf8Offset(line)));
      return;
    }
    yield { number, offset: offset + bom, bytes: line };
  }
}
