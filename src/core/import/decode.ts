/**
 * Turns the bytes of an article file into its text, or says precisely why it cannot: the text is the file's
 * content decoded (UTF-8, or UTF-16 with a BOM), the BOM removed, CRLF and CR turned into LF, and nothing
 * else changed: no Unicode normalisation, no trimming.
 */
import { isUtf8 } from 'node:buffer';
import type { Message } from '@shared/messages/message';
import { importMessage } from '@shared/messages/keys';

/** Why a file's bytes are no text: a key of the imports catalogue's `decode` messages. */
export type DecodeFailure =
  'empty' | 'whitespace' | 'nulCharacter' | 'nulByte' | 'notUtf8' | 'utf16Odd' | 'utf16Surrogate';

export type Decoded = { ok: true; text: string } | { ok: false; failure: DecodeFailure; reason: Message };

function failed(failure: DecodeFailure, offset?: number): Decoded {
  const params = offset === undefined ? undefined : { offset: String(offset) };
  return { ok: false, failure, reason: importMessage(`decode.${failure}`, params) };
}

/** A byte that makes the file binary (a NUL), named by its offset. */
export function nulByteReason(offset: number): Message {
  return importMessage('decode.nulByte', { offset: String(offset) });
}

/** The first byte that is not UTF-8, named by its offset. */
export function notUtf8Reason(offset: number): Message {
  return importMessage('decode.notUtf8', { offset: String(offset) });
}

/** Byte offset of the first byte that does not start a valid UTF-8 sequence. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** CRLF and lone CR become LF; nothing else changes. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): Decoded {
  const body = bytes.subarray(2);
  if (body.length % 2 !== 0) return failed('utf16Odd');
  try {
    // ignoreBOM: the BOM is already cut off; a U+FEFF after it is content, as in the UTF-8 path.
    const text = new TextDecoder(littleEndian ? 'utf-16le' : 'utf-16be', {
      fatal: true,
      ignoreBOM: true,
    }).decode(body);
    return { ok: true, text };
  } catch {
    return failed('utf16Surrogate');
  }
}

function decodeUtf8(bytes: Uint8Array): Decoded {
  const nul = bytes.indexOf(0);
  if (nul !== -1) return failed('nulByte', nul);
  if (!isUtf8(bytes)) return failed('notUtf8', firstInvalidUtf8Offset(bytes));
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return {
    ok: true,
    text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', hasBom ? 3 : 0),
  };
}

/**
 * The file's text with every check of an article but its line ends left as they are: what structured formats
 * read (JSON strings and brat offsets count a CR the file holds).
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return failed('empty');
  let decoded: Decoded;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) decoded = decodeUtf16(bytes, true);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) decoded = decodeUtf16(bytes, false);
  else decoded = decodeUtf8(bytes);
  if (!decoded.ok) return decoded;
  const text = decoded.text;
  if (text.length === 0) return failed('empty');
  if (text.trim().length === 0) return failed('whitespace');
  if (text.includes('\u0000')) return failed('nulCharacter');
  return { ok: true, text };
}

/** An article's text: decodeText, with CRLF and CR turned into LF. */
export function decodeArticle(bytes: Uint8Array): Decoded {
  const decoded = decodeText(bytes);
  return decoded.ok ? { ok: true, text: normalizeNewlines(decoded.text) } : decoded;
}
