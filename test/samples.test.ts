/**
 * The sample articles and their annotations (resources/samples) are the development set suggestions are
 * measured on and the project a new user opens first: every span must be exactly where it says it is.
 */
import Ajv2020 from 'ajv/dist/2020';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codePointSlice, sampleArticles } from './support/fixtures';

const SAMPLES = resolve(__dirname, '../resources/samples');
const SCHEMA = resolve(__dirname, '../resources/schemas/spanlight-jsonl.schema.json');

interface Line {
  id: string;
  title: string;
  text: string;
  spans: Array<{
    id: string;
    start: number;
    end: number;
    label: string;
    text: string;
    annotator: string | null;
  }>;
}

const raw = readFileSync(resolve(SAMPLES, 'annotations.jsonl'), 'utf8');
const lines = raw
  .split('\n')
  .filter((line) => line !== '')
  .map((line) => JSON.parse(line) as Line);

describe('resources/samples', () => {
  it('holds at least three Arabic and three English articles, UTF-8 with LF line ends', () => {
    const names = sampleArticles().map((path) => basename(path));
    expect(names.filter((name) => name.startsWith('ar-')).length).toBeGreaterThanOrEqual(3);
    expect(names.filter((name) => name.startsWith('en-')).length).toBeGreaterThanOrEqual(3);
    for (const path of sampleArticles()) {
      const bytes = readFileSync(path);
      expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes), path).not.toMatch(/\r/);
      expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), `${path} has a BOM`).toBe(false);
    }
  });

  it('annotates every article once, with the article text and its first line as title', () => {
    expect(raw.endsWith('\n')).toBe(true);
    expect(lines.map((line) => `${line.id}.txt`).sort()).toEqual(
      sampleArticles()
        .map((path) => basename(path))
        .sort(),
    );
    for (const line of lines) {
      const text = readFileSync(resolve(SAMPLES, 'articles', `${line.id}.txt`), 'utf8');
      expect(line.text).toBe(text);
      expect(line.title).toBe(
        text
          .split('\n')
          .find((l) => l.trim() !== '')!
          .trim(),
      );
    }
  });

  it('validates line by line against the canonical JSONL schema', () => {
    const validate = new Ajv2020({ allErrors: true, allowUnionTypes: true }).compile(
      JSON.parse(readFileSync(SCHEMA, 'utf8')),
    );
    for (const line of lines) expect(validate(line) ? [] : validate.errors, line.id).toEqual([]);
  });

  it('gives every span its exact text as text[start:end] in code points', () => {
    for (const line of lines) {
      for (const span of line.spans) {
        expect(codePointSlice(line.text, span.start, span.end), span.id).toBe(span.text);
      }
    }
  });

  // No annotator: the sample's spans belong to no one's layer, so whoever opens the sample sees them as their
  // own and may edit them (another annotator's layer would be hidden and read-only).
  it('uses only the three labels, no annotator, unique ids and text order', () => {
    const ids = lines.flatMap((line) => line.spans.map((span) => span.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const line of lines) {
      const labels = new Set(line.spans.map((span) => span.label));
      expect([...labels].sort(), line.id).toEqual(['claim', 'denial', 'number']);
      expect(line.spans.every((span) => span.annotator === null)).toBe(true);
      const sorted = [...line.spans].sort(
        (a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
      expect(line.spans.map((span) => span.id)).toEqual(sorted.map((span) => span.id));
    }
  });

  it('leaves spaces and final punctuation out of every span (guidelines 2 and 9)', () => {
    for (const line of lines) {
      for (const span of line.spans) {
        expect(span.text.trim(), span.id).toBe(span.text);
        expect(span.text, span.id).not.toMatch(/[.,،؛:;!?؟]$/u);
      }
    }
  });
});
