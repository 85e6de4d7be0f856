/**
 * The article as the editor lays it out: one paragraph element per line of the text, in order. Maps between
 * document offsets and DOM positions. The DOM works in UTF-16; everything outside this file and the
 * selection plugin works in code points, converted here through the text's OffsetIndex.
 */
import { OffsetIndex } from '@shared/offsets';
import { snapEnd, snapStart } from '@shared/segments';
import { partitionPoint } from '@shared/partitionPoint';

export interface DomPoint {
  node: Node;
  offset: number;
}

export class TextLayout {
  readonly index: OffsetIndex;
  readonly lines: string[];
  /** UTF-16 offset at which each line starts. */
  readonly lineStarts: number[];
  /**
   * The one live Range used for measuring. Every live Range stays registered with its document until it is
   * garbage collected, and Chromium updates each registered Range on every node removal in the page: the
   * benchmark profiled 14 s of removeChild over 400 edits while the bands made a fresh Range per annotation.
   */
  private scratch: Range | null = null;

  constructor(readonly text: string) {
    this.index = new OffsetIndex(text);
    this.lines = text.split('\n');
    this.lineStarts = [];
    let start = 0;
    for (const line of this.lines) {
      this.lineStarts.push(start);
      start += line.length + 1;
    }
  }

  /** The line holding UTF-16 offset `u16` (a line's end, before its newline, belongs to it). */
  lineOf(u16: number): number {
    // The last line starting at or before u16: one before the first that starts after it.
    return Math.max(0, partitionPoint(this.lineStarts.length, (line) => this.lineStarts[line]! <= u16) - 1);
  }

  /**
   * A UTF-16 range with its ends moved out of any grapheme they cut, and with `wholeWords` out to whole
   * words, each end within its own line.
   */
  snap(start: number, end: number, wholeWords: boolean): { start: number; end: number } {
    const startLine = this.lineOf(start);
    const endLine = this.lineOf(end);
    const lineStart = this.lineStarts[startLine]!;
    const lineEnd = this.lineStarts[endLine]!;
    return {
      start: lineStart + snapStart(this.lines[startLine]!, start - lineStart, wholeWords),
      end: lineEnd + snapEnd(this.lines[endLine]!, end - lineEnd, wholeWords),
    };
  }

  /** The DOM position of document offset `u16` inside `root`, whose element children are the lines. */
  domPointAt(root: HTMLElement, u16: number): DomPoint {
    const line = this.lineOf(u16);
    const paragraph = root.children[line];
    if (!paragraph) return { node: root, offset: root.childNodes.length };
    let remaining = u16 - this.lineStarts[line]!;
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    let last: Text | null = null;
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      if (remaining <= node.data.length) return { node, offset: remaining };
      remaining -= node.data.length;
      last = node;
    }
    return last ? { node: last, offset: last.data.length } : { node: paragraph, offset: 0 };
  }

  /** The document offset (UTF-16) of a DOM position, or null when it is not inside `root`. */
  offsetOf(root: HTMLElement, node: Node, offset: number): number | null {
    if (node === root) {
      const line = this.lineStarts[offset];
      return line === undefined ? this.text.length : line;
    }
    let paragraph: Node | null = node;
    while (paragraph && paragraph.parentNode !== root) paragraph = paragraph.parentNode;
    if (!paragraph) return null;
    const line = Array.prototype.indexOf.call(root.children, paragraph) as number;
    if (line < 0 || line >= this.lines.length) return null;
    const range = this.scratchRange();
    range.setStart(paragraph, 0);
    range.setEnd(node, offset);
    const local = Math.min(range.toString().length, this.lines[line]!.length);
    return this.lineStarts[line]! + local;
  }

  /** The DOM positions of the ends of a code point range. */
  private endsOf(root: HTMLElement, start: number, end: number): [DomPoint, DomPoint] {
    return [this.domPointAt(root, this.index.toUtf16(start)), this.domPointAt(root, this.index.toUtf16(end))];
  }

  /** `range` set to a code point range. */
  private place(range: Range, root: HTMLElement, start: number, end: number): Range {
    const [from, to] = this.endsOf(root, start, end);
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
  }

  private scratchRange(): Range {
    this.scratch ??= document.createRange();
    return this.scratch;
  }

  /** The boxes of a code point range on screen (one per line fragment), measured without a new Range. */
  clientRectsOf(root: HTMLElement, start: number, end: number): DOMRectList {
    return this.place(this.scratchRange(), root, start, end).getClientRects();
  }

  /** The bounding box of a code point range on screen, measured without a new Range. */
  boundingRectOf(root: HTMLElement, start: number, end: number): DOMRect {
    return this.place(this.scratchRange(), root, start, end).getBoundingClientRect();
  }

  /** A new DOM Range over a code point range (for the document's selection, which needs its own). */
  rangeOf(root: HTMLElement, start: number, end: number): Range {
    return this.place(document.createRange(), root, start, end);
  }

  /**
   * A StaticRange over a code point range, for highlights. A live Range is registered with its document and
   * updated on every DOM change anywhere in the page, so thousands of them slow every removal (a popup
   * closing, a list re-rendering); the article's text never changes, so a static one stays right.
   */
  staticRangeOf(root: HTMLElement, start: number, end: number): StaticRange {
    const [from, to] = this.endsOf(root, start, end);
    return new StaticRange({
      startContainer: from.node,
      startOffset: from.offset,
      endContainer: to.node,
      endOffset: to.offset,
    });
  }
}

/** Whitespace at the edges of a selection is not part of what the user means to tag. */
export function trimRange(
  text: OffsetIndex,
  start: number,
  end: number,
): { start: number; end: number } | null {
  const slice = Array.from(text.slice(start, end));
  let s = 0;
  let e = slice.length;
  while (s < e && /\s/u.test(slice[s]!)) s++;
  while (e > s && /\s/u.test(slice[e - 1]!)) e--;
  return s < e ? { start: start + s, end: start + e } : null;
}
