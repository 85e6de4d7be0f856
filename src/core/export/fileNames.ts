/**
 * File names for the formats that write a file per document (brat's `.txt` + `.ann`), and for names a
 * consumer turns into file names (REFI-QDA's source names, from titles: QualCoder saves each source under its
 * name). A name is the document id (or title) made safe:
 * - for an id, other characters than letters, marks, digits, `.`, `_` and `-` become `_`; for a title, only
 *   what a file system refuses in a name (`/ \ : * ? " < > |` and control characters); a leading dot too;
 * - it is cut at code points (never between the halves of a surrogate pair) so that with its suffix and
 *   extension it fits the 255 bytes of UTF-8 a file system allows a name (a 100-character CJK id is 300);
 * - two ids that a case-insensitive or normalising file system (macOS, Windows) would see as one name get
 *   `-2`, `-3`, …: names are compared folded for case and Unicode compatibility (NFKC).
 */

/** What ext4 and APFS allow in one name; NTFS counts 255 UTF-16 units, never more than the UTF-8 bytes. */
export const MAX_NAME_BYTES = 255;

const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** The longest start of `text`, in whole code points, that fits `bytes` bytes of UTF-8. */
export function cutToBytes(text: string, bytes: number): string {
  let used = 0;
  let end = 0;
  for (const c of text) {
    used += utf8Bytes(c);
    if (used > bytes) break;
    end += c.length;
  }
  return text.slice(0, end);
}

/**
 * The key under which two names are one file on a case-insensitive, normalising file system. Upper then
 * lower case folds what lower case alone does not (ß and SS, the final sigma).
 */
export function foldedName(name: string): string {
  return name.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC');
}

/** What a name from an id may not hold: anything but letters, marks, digits, `.`, `_` and `-`. */
export const NOT_ID_CHARACTERS = /[^\p{L}\p{M}\p{N}._-]/gu;

/** What a name from a title may not hold: what Windows or a POSIX file system refuses in a name. */
export const NOT_TITLE_CHARACTERS = /[/\\:*?"<>|\p{Cc}]/gu;

/**
 * Safe names, each unique among those given out, for ids (or titles, with NOT_TITLE_CHARACTERS);
 * `extensions` are added to each by the caller.
 */
export class FileNameAllocator {
  private readonly used = new Set<string>();
  private readonly budget: number;

  constructor(
    extensions: string[],
    private readonly unsafe: RegExp = NOT_ID_CHARACTERS,
  ) {
    this.budget = MAX_NAME_BYTES - Math.max(0, ...extensions.map(utf8Bytes));
  }

  allocate(id: string): string {
    const safe = id.replace(this.unsafe, '_').replace(/^\.+/, '_') || 'document';
    for (let k = 1; ; k++) {
      const suffix = k === 1 ? '' : `-${k}`;
      const name = cutToBytes(safe, this.budget - utf8Bytes(suffix)) + suffix;
      const key = foldedName(name);
      if (!this.used.has(key)) {
        this.used.add(key);
        return name;
      }
    }
  }
}
