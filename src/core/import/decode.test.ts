import { describe, expect, it } from 'vitest';
import { englishOf } from '@shared/messages/message';
import { decodeArticle, firstInvalidUtf8Offset, normalizeNewlines } from './decode';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(
    Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p)))),
  );

const BOM_UTF8 = [0xef, 0xbb, 0xbf];

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  const body = littleEndian ? le : Buffer.from(le).swap16();
  return new Uint8Array(Buffer.concat([Buffer.from(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]), body]));
}

function decodedText(input: Uint8Array): string {
  const result = decodeArticle(input);
  if (!result.ok) throw new Error(`expected text, got rejection: ${englishOf(result.reason)}`);
  return result.text;
}

function rejection(input: Uint8Array): string {
  const result = decodeArticle(input);
  if (result.ok) throw new Error(`expected a rejection, got text ${JSON.stringify(result.text)}`);
  return englishOf(result.reason);
}

describe('decodeArticle: what changes', () => {
  it('removes a UTF-8 BOM', () => {
    expect(decodedText(bytes(BOM_UTF8, 'Title\nBody'))).toBe('Title\nBody');
  });

  it('turns CRLF and lone CR into LF', () => {
    expect(decodedText(utf8('a\r\nb\rc\nd\r\n\r\ne\r'))).toBe('a\nb\nc\nd\n\ne\n');
    // CR LF is one line break, LF CR is two.
    expect(decodedText(utf8('x\n\ry'))).toBe('x\n\ny');
  });

  it('decodes UTF-16LE with a BOM', () => {
    const text = 'Title 😀\r\nمُقَاتِلٌ';
    expect(decodedText(utf16(text, true))).toBe('Title 😀\nمُقَاتِلٌ');
  });

  it('decodes UTF-16BE with a BOM', () => {
    const text = 'Title 🇸🇾\rالـــهجوم';
    expect(decodedText(utf16(text, false))).toBe('Title 🇸🇾\nالـــهجوم');
  });
});

describe('decodeArticle: what stays exactly as it was', () => {
  it('keeps leading and trailing whitespace (no trim)', () => {
    expect(decodedText(utf8('  \n\tTitle  \n body \n\n'))).toBe('  \n\tTitle  \n body \n\n');
  });

  it('keeps NFD text in NFD (no Unicode normalisation)', () => {
    const nfd = 'Cafe\u0301 re\u0301sume\u0301'.normalize('NFD');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    const text = decodedText(utf8(nfd));
    expect(text).toBe(nfd);
    expect(text.length).toBe(nfd.length);
  });

  it('keeps Arabic harakat, tatweel and emoji byte for byte', () => {
    const text = 'قال المُقَاتِلٌ: الـــهجوم 😀 👨‍👩‍👧';
    expect(decodedText(utf8(text))).toBe(text);
  });

  it('keeps a second BOM: only the first one is a byte order mark, the next is content', () => {
    // U+FEFF after the BOM is a ZERO WIDTH NO-BREAK SPACE of the text, kept in every encoding alike.
    expect(decodedText(bytes(BOM_UTF8, BOM_UTF8, 'x'))).toBe('\ufeffx');
    expect(decodedText(utf16('\ufeffx', true))).toBe('\ufeffx');
    expect(decodedText(utf16('\ufeffx', false))).toBe('\ufeffx');
  });

  it('keeps a BOM-like sequence that is not at the start', () => {
    expect(decodedText(bytes('a', BOM_UTF8, 'b'))).toBe('a\ufeffb');
  });
});

describe('decodeArticle: rejections', () => {
  it('rejects an empty file', () => {
    expect(rejection(new Uint8Array())).toBe('it is empty');
  });

  it('rejects a file that is only a BOM', () => {
    expect(rejection(bytes(BOM_UTF8))).toBe('it is empty');
    expect(rejection(new Uint8Array([0xff, 0xfe]))).toBe('it is empty');
  });

  it.each([' ', '\n', '\r\n\r\n', ' \t \n \u00a0\u2003 ', '\u3000'])(
    'rejects whitespace only: %j',
    (text) => {
      expect(rejection(utf8(text))).toBe('it holds only whitespace');
    },
  );

  it('rejects a NUL byte as binary, naming its offset', () => {
    expect(rejection(bytes('abc', [0], 'def'))).toBe('it looks binary (a NUL byte at byte 3)');
    // A PNG header: binary, and also invalid UTF-8; the NUL check answers first.
    expect(
      rejection(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])),
    ).toMatch(/looks binary/);
  });

  it('rejects a NUL character in UTF-16 text', () => {
    expect(rejection(utf16('a\u0000b', true))).toBe('it looks binary (a NUL character)');
  });

  it('rejects UTF-16 with an odd number of bytes or an unpaired surrogate', () => {
    expect(rejection(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42]))).toBe(
      'it is not valid UTF-16 (odd number of bytes)',
    );
    // A lone high surrogate D83D followed by 'A'.
    expect(rejection(new Uint8Array([0xff, 0xfe, 0x3d, 0xd8, 0x41, 0x00]))).toBe(
      'it is not valid UTF-16 (an unpaired surrogate)',
    );
  });

  it('rejects invalid UTF-8 with the byte offset of the first bad byte', () => {
    // "héllo " is 7 bytes (é is two), then a lone continuation byte.
    expect(rejection(bytes('héllo ', [0x80], ' rest'))).toBe(
      'it is not valid UTF-8 (first bad byte at offset 7)',
    );
    // Latin-1 text saved as is: é is the single byte 0xE9, followed by ASCII.
    expect(rejection(new Uint8Array(Buffer.from('caf\u00e9 au lait', 'latin1')))).toBe(
      'it is not valid UTF-8 (first bad byte at offset 3)',
    );
  });
});

describe('firstInvalidUtf8Offset', () => {
  it('answers -1 for valid UTF-8 of every length', () => {
    expect(firstInvalidUtf8Offset(utf8(''))).toBe(-1);
    expect(firstInvalidUtf8Offset(utf8('a é € 😀 \u{10ffff} مُقَاتِلٌ'))).toBe(-1);
  });

  it.each([
    ['a lone continuation byte', [0x41, 0x80], 1],
    ['C0 (always overlong)', [0x41, 0x42, 0xc0, 0xaf], 2],
    ['C1 (always overlong)', [0xc1, 0xbf], 0],
    ['an overlong 3-byte NUL', [0x41, 0xe0, 0x80, 0x80], 1],
    ['an overlong 3-byte slash', [0xe0, 0x80, 0xaf], 0],
    ['an overlong 4-byte sequence', [0x20, 0x20, 0xf0, 0x8f, 0xbf, 0xbf], 2],
    ['a UTF-16 high surrogate (ED A0 80)', [0x61, 0xed, 0xa0, 0x80], 1],
    ['a UTF-16 low surrogate (ED BF BF)', [0xc3, 0xa9, 0xed, 0xbf, 0xbf], 2],
    ['a code point past U+10FFFF (F4 90)', [0xf4, 0x90, 0x80, 0x80], 0],
    ['F5, never a lead byte', [0x61, 0xf5, 0x80, 0x80, 0x80], 1],
    ['FF, never in UTF-8', [0x61, 0x62, 0x63, 0xff], 3],
    ['a 2-byte sequence cut at the end', [0x61, 0x62, 0xc3], 2],
    ['a 3-byte sequence cut at the end', [0x61, 0xe2, 0x82], 1],
    ['a 4-byte sequence cut at the end', [0xf0, 0x9f, 0x98], 0],
    ['a 3-byte sequence cut by ASCII', [0xe2, 0x82, 0x41, 0x42], 0],
    ['a valid emoji, then a bad byte', [0xf0, 0x9f, 0x98, 0x80, 0xfe], 4],
  ])('finds %s', (_name, input, offset) => {
    const data = new Uint8Array(input);
    expect(firstInvalidUtf8Offset(data)).toBe(offset);
    // The decoder reports the same offset to the user.
    expect(rejection(data)).toBe(`it is not valid UTF-8 (first bad byte at offset ${offset})`);
  });

  it('agrees with Node on validity for every 1- and 2-byte input and many 3-byte ones', () => {
    // An independent oracle: the WHATWG decoder in fatal mode throws on any invalid sequence.
    const strict = new TextDecoder('utf-8', { fatal: true });
    const isValid = (b: Uint8Array) => {
      try {
        strict.decode(b);
        return true;
      } catch {
        return false;
      }
    };
    const disagreements: string[] = [];
    const check = (b: Uint8Array) => {
      if ((firstInvalidUtf8Offset(b) === -1) !== isValid(b))
        disagreements.push(Buffer.from(b).toString('hex'));
    };
    for (let a = 0; a < 256; a++) {
      check(new Uint8Array([a]));
      for (let b = 0; b < 256; b++) check(new Uint8Array([a, b]));
    }
    for (const lead of [0xe0, 0xe1, 0xed, 0xee, 0xef, 0xf0, 0xf4]) {
      for (let b = 0x70; b < 0xd0; b++) for (let c = 0x70; c < 0xd0; c++) check(new Uint8Array([lead, b, c]));
    }
    expect(disagreements).toEqual([]);
  });
});

describe('normalizeNewlines', () => {
  it('changes only line breaks', () => {
    expect(normalizeNewlines('a\r\n\r\nb\r\rc\u2028d\u0085e')).toBe('a\n\nb\n\nc\u2028d\u0085e');
  });
});
