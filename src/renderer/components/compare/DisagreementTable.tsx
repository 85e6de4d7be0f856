/** The project's documents by how many disagreements they hold (sortable); a row opens that document here. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisagreementRow } from '@shared/comparison';
import { formatNumber } from '../../i18n/format';
import { useAppState, useAppStore } from '../../state/useStore';
import { VisibleText } from '../VisibleText';

type Column = 'title' | 'disagreements' | 'open';

const ORDER: Record<Column, (a: DisagreementRow, b: DisagreementRow) => number> = {
  title: (a, b) => a.title.localeCompare(b.title),
  disagreements: (a, b) => b.disagreements - a.disagreements || a.title.localeCompare(b.title),
  open: (a, b) => b.open - a.open || a.title.localeCompare(b.title),
};

export function DisagreementTable() {
  const { t } = useTranslation('compare');
  const store = useAppStore();
  const table = useAppState((s) => s.comparison.table);
  const openId = useAppState((s) => s.open?.document.id);
  const [sort, setSort] = useState<{ column: Column; reversed: boolean }>({
    column: 'disagreements',
    reversed: false,
  });
  if (!table) return null;
  const rows = [...table].sort(ORDER[sort.column]);
  if (sort.reversed) rows.reverse();
  const names: Record<Column, string> = { title: t('document'), disagreements: t('count'), open: t('open_') };
  const header = (column: Column) => (
    <th
      scope="col"
      aria-sort={
        sort.column === column
          ? sort.reversed !== (column === 'title')
            ? 'ascending'
            : 'descending'
          : 'none'
      }
    >
      <button
        title={t('sortBy', { column: names[column] })}
        onClick={() => setSort({ column, reversed: sort.column === column ? !sort.reversed : false })}
      >
        {names[column]}
      </button>
    </th>
  );
  return (
    <section className="compare-table" aria-labelledby="compare-table-title">
      <h2 id="compare-table-title">{t('documents')}</h2>
      <table>
        <thead>
          <tr>
            {header('title')}
            {header('disagreements')}
            {header('open')}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.documentId} aria-current={row.documentId === openId ? 'true' : undefined}>
              <td>
                <button className="link-button" onClick={() => void store.openComparison(row.documentId)}>
                  <VisibleText text={row.title} />
                </button>
              </td>
              <td>{formatNumber(row.disagreements)}</td>
              <td>{formatNumber(row.open)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
