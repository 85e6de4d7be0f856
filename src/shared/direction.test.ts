import { describe, expect, it } from 'vitest';
import { documentDirection, paragraphDirection, strongLetters } from './direction';

describe('paragraph direction by dominant script', () => {
  // Regression: the line began with an Arabic hashtag, so the browser laid it out right to left.
  it('lays out an English line that starts with an Arabic hashtag left to right', () => {
    const line = '— #المرصدالسوري #SOHR (@syriahr) September 30, 2020';
    expect(strongLetters(line)).toEqual({ rtl: 12, ltr: 20 });
    expect(paragraphDirection(line, 'ltr')).toBe('ltr');
    expect(paragraphDirection(line, 'rtl')).toBe('ltr');
  });

  it('lays out an Arabic line that quotes English right to left', () => {
    expect(paragraphDirection('قال المرصد السوري لحقوق الإنسان (SOHR) إن', 'ltr')).toBe('rtl');
  });

  it("breaks a tie, or a line without letters, by the document's direction", () => {
    expect(paragraphDirection('— 30/09/2020 —', 'rtl')).toBe('rtl');
    expect(paragraphDirection('— 30/09/2020 —', 'ltr')).toBe('ltr');
    expect(paragraphDirection('ab سس', 'rtl')).toBe('rtl');
    expect(paragraphDirection('ab سس', 'ltr')).toBe('ltr');
  });

  it('takes a document’s direction from all its letters, Hebrew and Persian too', () => {
    expect(documentDirection('Title\nمصادر: هروب سوريين موالين لتركيا من القتال')).toBe('rtl');
    expect(documentDirection('שלום עולם and hi')).toBe('rtl');
    expect(documentDirection('۱۲۰۰ 1200')).toBe('ltr');
  });
});
