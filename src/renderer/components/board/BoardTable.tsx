import { useTranslation } from 'react-i18next';
import type { BoardRow } from '@shared/board';
import { formatDate, formatNumber } from '../../i18n/format';
import { VisibleText, visibleText } from '../VisibleText';

/** One topic's rows: the span's text is a button that opens it in its article (click or Enter). */
export function BoardTable({ rows, onOpen }: { rows: BoardRow[]; onOpen: (row: BoardRow) => void }) {
  const { t } = useTranslation('board');
  return (
    <>
      <table className="board-table">
        <thead>
          <tr>
            <th scope="col">{t('columns.value')}</th>
            <th scope="col">{t('columns.unit')}</th>
            <th scope="col">{t('columns.approximate')}</th>
            <th scope="col">{t('columns.source')}</th>
            <th scope="col">{t('columns.outlet')}</th>
            <th scope="col">{t('columns.published')}</th>
            <th scope="col">{t('columns.deniedBy')}</th>
            <th scope="col">{t('columns.text')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.annotationId} className={row.deniedBy.length ? 'denied' : undefined}>
              <td className="board-value">{row.value === null ? t('noValue') : formatNumber(row.value)}</td>
              <td dir="auto">{row.unit && <VisibleText text={row.unit} />}</td>
              <td>{row.approximate && <abbr title={t('approximateYes')}>{t('approximateMark')}</abbr>}</td>
              <td dir="auto" title={row.sourceFrom ? t(`sourceFrom.${row.sourceFrom}`) : undefined}>
                {row.source && <VisibleText text={row.source} />}
                {row.sourceFrom === 'outlet' && <span className="board-source-note"> *</span>}
              </td>
              <td dir="auto">{row.outlet && <VisibleText text={row.outlet} />}</td>
              <td>{row.published ? formatDate(row.published) : t('noDate')}</td>
              <td>{row.deniedBy.length > 0 && t('deniedCount', { count: row.deniedBy.length })}</td>
              <td>
                <button
                  className="board-open link-button"
                  dir="auto"
                  onClick={() => onOpen(row)}
                  aria-label={t('open', {
                    text: visibleText(row.text),
                    title: visibleText(row.documentTitle),
                  })}
                >
                  <VisibleText text={row.text} />
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.some((row) => row.sourceFrom === 'outlet') && <p className="board-hint">{t('outletNote')}</p>}
    </>
  );
}
