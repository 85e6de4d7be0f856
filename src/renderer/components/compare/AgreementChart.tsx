/**
 * A label's chart: F1 (exact and overlap) and Cohen's κ for each annotator pair, as grouped bars drawn by
 * Observable Plot (SVG, offline). Colours are the theme's (compare.css), so the chart reads in either theme;
 * an undefined figure has no bar, and the table beside it says why (and reads them to a screen reader).
 */
import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PairFigures } from '@shared/comparison';
import { formatNumber } from '../../i18n/format';
import { visibleText } from '../VisibleText';

const SERIES = ['exact', 'overlap', 'kappa'] as const;

export function AgreementChart({ label, pairs }: { label: string; pairs: PairFigures[] }) {
  const { t } = useTranslation('compare', { keyPrefix: 'agreement' });
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const names = Object.fromEntries(SERIES.map((s) => [s, t(`series.${s}`)])) as Record<
      (typeof SERIES)[number],
      string
    >;
    const rows = pairs.flatMap((pair) => {
      const name = `${visibleText(pair.a)} – ${visibleText(pair.b)}`;
      const values = { exact: pair.exact.f1, overlap: pair.overlap.f1, kappa: pair.kappa };
      return SERIES.filter((s) => values[s] !== null).map((series) => ({
        pair: name,
        series: names[series],
        key: series,
        value: values[series]!,
      }));
    });
    const chart = Plot.plot({
      ariaLabel: t('chart', { label: visibleText(label) }),
      width: Math.max(260, 130 * pairs.length),
      height: 220,
      marginBottom: 40,
      style: { background: 'transparent', color: 'inherit', fontSize: '12px' },
      fx: { label: null, padding: 0.15 },
      x: { axis: null, domain: SERIES.map((s) => names[s]), padding: 0.1 },
      y: {
        domain: [Math.min(0, ...rows.map((r) => r.value)), 1],
        grid: true,
        label: null,
        tickFormat: (v: number) => formatNumber(v),
      },
      color: {
        domain: SERIES.map((s) => names[s]),
        range: SERIES.map((s) => `var(--agreement-${s})`),
      },
      marks: [
        Plot.barY(rows, {
          fx: 'pair',
          x: 'series',
          y: 'value',
          fill: 'series',
          title: (r: (typeof rows)[number]) => `${r.pair}: ${r.series} ${formatNumber(r.value)}`,
        }),
        Plot.ruleY([0]),
      ],
    });
    // Plot brings a <style> element, which the app's CSP (style-src 'self') refuses: compare.css has its rules.
    chart.querySelector('style')?.remove();
    holder.current?.replaceChildren(chart);
    return () => chart.remove();
  }, [label, pairs, t]);
  return (
    <figure className="agreement-chart">
      {/* For the eye: the table beside it gives the same figures to a screen reader. */}
      <div ref={holder} aria-hidden="true" />
      <figcaption className="agreement-legend">
        {SERIES.map((s) => (
          <span key={s}>
            <span className={`swatch series-${s}`} aria-hidden="true" /> {t(`series.${s}`)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
