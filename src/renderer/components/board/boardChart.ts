/**
 * The chart of one topic, drawn with Observable Plot: each reported figure over its publication date, one
 * colour and one mark shape per source (so it reads without colour too), approximate figures hollow, denied
 * ones crossed. The key is drawn inside the SVG, in the right margin, so an exported chart carries it.
 */
import * as Plot from '@observablehq/plot';
import type { BoardRow } from '@shared/board';

/** Okabe-Ito colours (distinguishable with the common colour-vision deficiencies), as the labels use. */
const COLORS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#8c6d31', '#999999'];
/** Shapes that stay distinct filled and hollow. */
const SYMBOLS = ['circle', 'square', 'triangle', 'diamond', 'star', 'wye', 'cross', 'triangle2'] as const;
const WIDTH = 760;
const HEIGHT = 280;
const KEY_WIDTH = 190;
const KEY_LINE = 16;

export interface ChartWords {
  ariaLabel: string;
  exact: string;
  approximate: string;
  denied: string;
  noSource: string;
  formatNumber: (value: number) => string;
  formatDate: (date: Date) => string;
}

interface Point {
  date: Date;
  value: number;
  source: string;
  approximate: boolean;
  denied: boolean;
}

/** The rows the chart can place: with a figure and a date. */
export function chartable(rows: BoardRow[]): BoardRow[] {
  return rows.filter((r) => r.value !== null && r.published !== null);
}

/** The sources in the order they first report, so colours stay put as rows are added later in time. */
export function sourcesOf(rows: BoardRow[], noSource: string): string[] {
  return [...new Set(rows.map((r) => r.source ?? noSource))];
}

const DAY_MS = 86_400_000;

/**
 * Ticks a long date label never overlaps on: d3 alone puts weekly ticks on two months (it has no fortnight).
 * At most about five labels the chart's width.
 */
function dateTicks(points: Point[]): number | string {
  const times = points.map((p) => p.date.getTime());
  const days = (Math.max(...times) - Math.min(...times)) / DAY_MS;
  if (days <= 35) return 4;
  if (days <= 70) return '2 weeks';
  if (days <= 150) return 'month';
  if (days <= 450) return '3 months';
  return 4;
}

export function drawChart(rows: BoardRow[], words: ChartWords): SVGSVGElement {
  const points: Point[] = chartable(rows).map((r) => ({
    date: new Date(r.published!),
    value: r.value!,
    source: r.source ?? words.noSource,
    approximate: r.approximate,
    denied: r.deniedBy.length > 0,
  }));
  const sources = sourcesOf(chartable(rows), words.noSource);
  const scale = (range: readonly string[]) => ({
    domain: sources,
    range: sources.map((_, i) => range[i % range.length]!),
  });
  const keyMarks = (line: number, text: string, mark: Plot.DotOptions) => [
    Plot.dot([text], { frameAnchor: 'top-right', dx: 16, dy: line * KEY_LINE + 4, r: 4, ...mark }),
    Plot.text([text], {
      text: (d: string) => d,
      frameAnchor: 'top-right',
      dx: 26,
      dy: line * KEY_LINE + 4,
      textAnchor: 'start',
      lineWidth: 15,
      textOverflow: 'ellipsis',
    }),
  ];
  const svg = Plot.plot({
    width: WIDTH,
    height: Math.max(HEIGHT, (sources.length + 4) * KEY_LINE + 40),
    marginLeft: 60,
    marginRight: KEY_WIDTH,
    marginTop: 20,
    ariaLabel: words.ariaLabel,
    x: { type: 'utc', label: null, ticks: dateTicks(points), tickFormat: words.formatDate, inset: 20 },
    y: { label: null, grid: true, nice: true, zero: true, tickFormat: words.formatNumber },
    color: scale(COLORS),
    symbol: scale(SYMBOLS),
    marks: [
      Plot.frame({ anchor: 'bottom' }),
      Plot.dot(
        points.filter((p) => !p.approximate),
        { x: 'date', y: 'value', symbol: 'source', fill: 'source', stroke: 'source', r: 5 },
      ),
      Plot.dot(
        points.filter((p) => p.approximate),
        { x: 'date', y: 'value', symbol: 'source', stroke: 'source', fill: 'none', strokeWidth: 2, r: 5 },
      ),
      Plot.dot(
        points.filter((p) => p.denied),
        { x: 'date', y: 'value', symbol: 'times', stroke: 'currentColor', strokeWidth: 1.5, r: 9 },
      ),
      ...sources.flatMap((source, i) =>
        keyMarks(i, source, {
          symbol: () => source,
          fill: () => source,
          stroke: () => source,
        }),
      ),
      ...keyMarks(sources.length + 0.5, words.exact, { fill: 'currentColor' }),
      ...keyMarks(sources.length + 1.5, words.approximate, {
        stroke: 'currentColor',
        fill: 'none',
        strokeWidth: 2,
      }),
      ...keyMarks(sources.length + 2.5, words.denied, { symbol: 'times', stroke: 'currentColor', r: 6 }),
    ],
  }) as SVGSVGElement;
  // Plot adds a <style> element; the app's CSP allows no inline styles, so board.css gives its rules.
  svg.querySelectorAll('style').forEach((style) => style.remove());
  // One image to assistive technology, named by its label (the spread beside it says the figures in words);
  // Plot's names of its marks ("dot", "frame") would be attributes ARIA forbids on plain groups and lines.
  svg.setAttribute('role', 'img');
  svg.querySelectorAll('[aria-label]').forEach((element) => element.removeAttribute('aria-label'));
  return svg;
}
