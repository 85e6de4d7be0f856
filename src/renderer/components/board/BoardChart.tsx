import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardTopic } from '@shared/board';
import { formatDate, formatNumber } from '../../i18n/format';
import { visibleText } from '../VisibleText';
import { chartable, drawChart, sourcesOf } from './boardChart';
import { pngOf, standaloneSvg } from './chartExport';
import { saveFile } from './saveFile';

/** A file name from a topic: letters and digits of any script kept, the rest made dashes. */
function fileStem(topic: string): string {
  return `board-${topic.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'topic'}`;
}

/** One topic's chart, its spread in words, and its export as SVG and PNG. */
export function BoardChart({ topic }: { topic: BoardTopic }) {
  const { t } = useTranslation('board');
  const box = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement | null>(null);
  const placed = chartable(topic.rows);
  const undated = topic.rows.filter((r) => r.value !== null && r.published === null).length;
  const sources = sourcesOf(
    topic.rows.filter((r) => r.value !== null),
    '',
  ).length;

  useEffect(() => {
    if (!box.current) return;
    const chart = drawChart(topic.rows, {
      ariaLabel: t('chartLabel', { topic: visibleText(topic.topic) }),
      exact: t('legend.exact'),
      approximate: t('legend.approximate'),
      denied: t('legend.denied'),
      noSource: t('noValue'),
      formatNumber: (value) => formatNumber(value),
      formatDate: (date) => formatDate(date.toISOString()),
    });
    box.current.replaceChildren(chart);
    svg.current = chart;
  }, [topic, t]);

  const spread = topic.spread;
  const words = !spread
    ? t('spreadNone')
    : spread.low === spread.high
      ? t('spreadSingle', { value: formatNumber(spread.low) })
      : t('spread', {
          low: formatNumber(spread.low),
          high: formatNumber(spread.high),
          sources: t('sources', { count: sources }),
        });
  const stem = fileStem(topic.topic);
  return (
    <div className="board-chart-area">
      {placed.length > 0 && <div className="board-chart" ref={box} data-testid="board-chart" />}
      <div className="board-chart-side">
        <p className="board-spread">{words}</p>
        {undated > 0 && <p className="board-hint">{t('undatedLeftOut', { count: undated })}</p>}
        {placed.length > 0 && (
          <div className="board-chart-export">
            <button
              onClick={() =>
                svg.current &&
                saveFile(`${stem}.svg`, new Blob([standaloneSvg(svg.current)], { type: 'image/svg+xml' }))
              }
            >
              {t('export.svg')}
            </button>
            <button
              onClick={() =>
                void (svg.current && pngOf(svg.current).then((png) => saveFile(`${stem}.png`, png)))
              }
            >
              {t('export.png')}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
