import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleArticles } from '../../../test/support/fixtures';
import { detectLanguage } from './language';

describe('detectLanguage', () => {
  it('finds Arabic from Arabic-script letters', () => {
    expect(detectLanguage('قالت مصادر محلية إن 93 مقاتلا قتلوا')).toBe('ar');
  });

  it('finds English from Latin letters', () => {
    expect(detectLanguage('Local sources said 93 fighters were killed')).toBe('en');
  });

  it('lets the dominant script win in a mixed text', () => {
    expect(detectLanguage('قال المرصد السوري لحقوق الإنسان (SOHR) إن العدد ارتفع')).toBe('ar');
    expect(detectLanguage('The Syrian Observatory (المرصد السوري) said the toll rose')).toBe('en');
  });

  it('counts letters only: Arabic-Indic digits and punctuation do not make a text Arabic', () => {
    expect(detectLanguage('٩٣ ، ٧٢ ؟ total')).toBe('en');
  });

  it('is unknown when the text has neither script, or as many letters of each', () => {
    expect(detectLanguage('93 — 72 😀 数字')).toBeNull();
    expect(detectLanguage('ab عر')).toBeNull();
    expect(detectLanguage('')).toBeNull();
  });

  it('gives each sample article the language its name says (ar-*, en-*)', () => {
    const found = sampleArticles().map((path) => [
      basename(path).slice(0, 2),
      detectLanguage(readFileSync(path, 'utf8')),
    ]);
    expect(found).toHaveLength(6);
    for (const [named, detected] of found) expect(detected).toBe(named);
  });
});
