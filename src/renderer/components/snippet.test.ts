import { describe, expect, it } from 'vitest';
import { snippet } from './snippet';

describe('snippet', () => {
  // Regression: the link list cut its rows' words mid-way.
  it('cuts at a space, not inside a word', () => {
    expect(snippet('Fifteen pro-Turkish Syrian fighters defected', 24)).toBe('Fifteen pro-Turkish…');
    expect(snippet('انشقاق 15 مقاتلاً سورياً كانوا', 20)).toBe('انشقاق 15 مقاتلاً…');
  });

  it('keeps a short text whole, and a single long word cut', () => {
    expect(snippet('Fifteen', 24)).toBe('Fifteen');
    expect(snippet('Supercalifragilistic', 5)).toBe('Super…');
  });
});
