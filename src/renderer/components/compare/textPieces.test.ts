import { describe, expect, it } from 'vitest';
import { OffsetIndex } from '@shared/offsets';
import { paragraphsOf, piecesOf } from './textPieces';

describe('cutting the text for the comparison lanes', () => {
  it('splits paragraphs at line breaks, in code points', () => {
    const index = new OffsetIndex('😀 one\nتجربة\n');
    expect(paragraphsOf(index)).toEqual([
      { start: 0, end: 6 },
      { start: 6, end: 12 },
    ]);
    expect(paragraphsOf(new OffsetIndex(''))).toEqual([{ start: 0, end: 0 }]);
  });

  it('cuts at every range boundary and says which ranges cover each piece, past an emoji', () => {
    const index = new OffsetIndex('😀 ab cd ef');
    const a = { start: 2, end: 7, id: 'a' };
    const b = { start: 5, end: 20, id: 'b' };
    const pieces = piecesOf(index, 0, 10, [a, b]);
    expect(pieces.map((p) => [p.text, p.covering.map((r) => r.id).join('')])).toEqual([
      ['😀 ', ''],
      ['ab ', 'a'],
      ['cd', 'ab'],
      [' ef', 'b'],
    ]);
  });
});
