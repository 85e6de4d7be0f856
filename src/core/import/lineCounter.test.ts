/** Line numbers of a file's parts, counted once over the file (finding 10: Label Studio import was quadratic). */
import { describe, expect, it } from 'vitest';
import { LineCounter } from './lineCounter';

/** A pretty-printed Label Studio file of `n` tasks and where each task starts. */
function prettyTasks(n: number): { text: string; starts: number[] } {
  const tasks = Array.from({ length: n }, (_, i) =>
    JSON.stringify({ data: { text: `article ${i}` }, annotations: [] }, null, 2),
  );
  const starts: number[] = [];
  let text = '[\n';
  for (const task of tasks) {
    starts.push(text.length);
    text += task + ',\n';
  }
  return { text: text + ']\n', starts };
}

const naiveLine = (text: string, index: number) => text.slice(0, index).split('\n').length;

describe('LineCounter', () => {
  it('answers the same line numbers as counting from the start', () => {
    const { text, starts } = prettyTasks(50);
    const counter = new LineCounter(text);
    for (const start of starts) expect(counter.lineAt(start)).toBe(naiveLine(text, start));
    expect(counter.lineAt(text.length)).toBe(naiveLine(text, text.length));
    // Going back starts again from the top, still right.
    expect(counter.lineAt(starts[3]!)).toBe(naiveLine(text, starts[3]!));
  });

  it('scans each character once: four times the tasks cost four times the characters, not sixteen', () => {
    const scannedFor = (n: number) => {
      const { text, starts } = prettyTasks(n);
      const counter = new LineCounter(text);
      for (const start of starts) counter.lineAt(start);
      expect(counter.scanned).toBeLessThanOrEqual(text.length);
      return { scanned: counter.scanned, length: text.length };
    };
    const small = scannedFor(2000);
    const large = scannedFor(8000);
    expect(large.scanned / small.scanned).toBeLessThan(4.1);
    expect(large.scanned).toBeGreaterThan(large.length * 0.9);
  });

  it('a file on one line is scanned once, not once per task', () => {
    const text = JSON.stringify(Array.from({ length: 5000 }, (_, i) => ({ data: { text: `a${i}` } })));
    const counter = new LineCounter(text);
    for (let i = 0; i < text.length; i += 20) expect(counter.lineAt(i)).toBe(1);
    expect(counter.scanned).toBe(text.length);
  });
});
