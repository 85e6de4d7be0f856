/**
 * The comparison screen (issue 12): the open document's text once, each chosen annotator's spans in a lane
 * under each paragraph, the disagreements with keys to step through them and settle each into the curated
 * layer, and the project's documents by disagreement count.
 */
import { useTranslation } from 'react-i18next';
import { SPAN_KINDS } from '@shared/comparison';
import { useAppState, useAppStore } from '../../state/useStore';
import { keyHint } from '../keyHints';
import { VisibleText } from '../VisibleText';
import { ComparisonControls } from './ComparisonControls';
import { ComparisonText } from './ComparisonText';
import { DisagreementPanel } from './DisagreementPanel';
import { DisagreementTable } from './DisagreementTable';
import '../../styles/compare.css';

export function ComparisonScreen() {
  const { t } = useTranslation('compare');
  const store = useAppStore();
  const open = useAppState((s) => s.open);
  const view = useAppState((s) => s.comparison.view);
  return (
    <div className="compare-screen">
      <header className="compare-header">
        <button onClick={() => store.showScreen('workbench')} title={t('backTitle')}>
          {t('back')}
        </button>
        <h1>
          {t('title')}
          {open && (
            <span className="compare-document">
              <bdi>
                <VisibleText text={open.document.title} />
              </bdi>
            </span>
          )}
        </h1>
        <button onClick={() => store.showScreen('agreement')} title={t('openAgreementTitle')}>
          {t('openAgreement')}
        </button>
      </header>
      <ComparisonControls />
      <ul className="compare-legend" aria-label={t('legend')}>
        {SPAN_KINDS.map((kind) => (
          <li key={kind}>
            <span className={`compare-bar kind-${kind}`} aria-hidden="true">
              {'\u2003\u2003'}
            </span>{' '}
            {t(`kinds.${kind}`)}
          </li>
        ))}
      </ul>
      <div className="compare-body">
        <main className="compare-text" aria-label={t('textRegion')}>
          {!open && <p className="compare-empty">{t('noDocument')}</p>}
          {open && view && view.documentId === open.document.id && (
            <ComparisonText text={open.document.text} view={view} />
          )}
        </main>
        <aside className="compare-side">
          <DisagreementPanel />
          <p className="compare-hint">
            {t('stepHint', { next: keyHint('nextDisagreement'), previous: keyHint('previousDisagreement') })}
          </p>
          <DisagreementTable />
        </aside>
      </div>
    </div>
  );
}
