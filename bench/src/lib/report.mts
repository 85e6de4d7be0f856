/**
 * The figures of a run: each one beside the baseline measured in the same run, as a ratio. Printed as a
 * Markdown table (readable in a terminal, pasteable into the README) and written as JSON.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, type as osType, release } from 'node:os';
import { dirname } from 'node:path';

export interface Figure {
  suite: string;
  name: string;
  value: number;
  unit: string;
  /** Which way is better, so a reader knows whether a ratio above 1 is good news. */
  better: 'higher' | 'lower';
  baseline: { label: string; value: number } | null;
  note?: string;
}

export function ratio(figure: Figure): number | null {
  if (!figure.baseline || !Number.isFinite(figure.baseline.value) || figure.baseline.value === 0) return null;
  return figure.value / figure.baseline.value;
}

function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return 'n/a';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${unit}`;
}

export function markdownTable(figures: Figure[]): string {
  const rows = figures.map((f) => {
    const r = ratio(f);
    return [
      f.suite,
      f.name + (f.note ? ` (${f.note})` : ''),
      formatValue(f.value, f.unit),
      f.baseline ? `${formatValue(f.baseline.value, f.unit)} (${f.baseline.label})` : '—',
      r === null ? '—' : `${r.toFixed(2)}× ${f.better === 'higher' ? '↑' : '↓'}`,
    ];
  });
  const header = ['suite', 'figure', 'Spanlight', 'baseline', 'ratio'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

export const RATIO_LEGEND =
  'ratio = Spanlight ÷ baseline, both measured in this run; ↑ higher is better (throughput), ↓ lower is better (time, memory).';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  chromium: string | null;
  commit: string | null;
  /** The 1-minute load average when the run started and when it ended: other work on the machine skews figures. */
  load: { start: number; end: number };
}

export function describeMachine(chromium: string | null, loadAtStart: number): Machine {
  let commit: string | null = null;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    commit = null;
  }
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${osType()} ${release()}`,
    node: process.version,
    chromium,
    commit,
    load: { start: loadAtStart, end: loadavg()[0]! },
  };
}

export interface RunResults {
  date: string;
  machine: Machine;
  options: Record<string, unknown>;
  durationSeconds: number;
  legend: string;
  figures: Array<Figure & { ratio: number | null }>;
  /** Per-suite raw measurements behind the figures (distributions, counts, breakdowns). */
  details: Record<string, unknown>;
}

export function writeResults(path: string, results: RunResults): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(results, null, 2) + '\n');
}
