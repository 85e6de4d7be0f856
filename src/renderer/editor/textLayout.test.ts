// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { OffsetIndex } from '@shared/offsets';
import { TextLayout, trimRange } from './textLayout';

/** The DOM Lexical renders for an article: one <p> per line, text inside a span, <br> for an empty line. */
function render(text: string): HTMLElement {
  const root = document.createElement('div');
  for (const line of text.split('\n')) {
    const p = document.createElement('p');
    if (line) {
      const span = document.createElement('span');
      span.textContent = line;
      p.append(span);
    } else {
      p.append(document.createElement('br'));
    }
    root.append(p);
  }
  document.body.replaceChildren(root);
  return root;
}

const TEXT = 'Title 😀\n\nمُقاتِلٌ 15 SDF\nlast 🇸🇾 line';

describe('TextLayout', () => {
  it('maps every document offset to a DOM point and back', () => {
    const root = render(TEXT);
    const layout = new TextLayout(TEXT);
    for (let u16 = 0; u16 <= TEXT.length; u16++) {
      // A newline has no DOM position of its own: it maps to the end of its line.
      const point = layout.domPointAt(root, u16);
      expect(layout.offsetOf(root, point.node, point.offset)).toBe(u16);
    }
  });

  it('builds ranges over code point offsets whose text is the code point slice, across lines too', () => {
    const root = render(TEXT);
    const layout = new TextLayout(TEXT);
    const chars = Array.from(TEXT);
    for (const [start, end] of [
      [6, 7],
      [0, 7],
      [9, 16],
      [17, 20],
      [5, 12],
      [21, chars.length],
    ] as const) {
      expect(layout.rangeOf(root, start, end).toString()).toBe(
        chars.slice(start, end).join('').replace(/\n/g, ''),
      );
    }
  });

  it('treats positions on the root element as line starts, and positions outside as null', () => {
    const root = render(TEXT);
    const layout = new TextLayout(TEXT);
    expect(layout.offsetOf(root, root, 2)).toBe(layout.lineStarts[2]);
    expect(layout.offsetOf(root, root, root.children.length)).toBe(TEXT.length);
    expect(layout.offsetOf(root, document.body, 0)).toBeNull();
  });
});

describe('trimRange', () => {
  it('drops whitespace at the edges, in code points', () => {
    const index = new OffsetIndex(' 😀 word \n');
    expect(trimRange(index, 0, 9)).toEqual({ start: 1, end: 7 });
    expect(trimRange(index, 2, 3)).toBeNull();
  });
});
