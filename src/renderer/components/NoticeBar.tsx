import { useTranslation } from 'react-i18next';
import { useAppState, useAppStore } from '../state/useStore';
import { NoticeText } from './SaidText';

/** Import reports and errors, with every file's problem listed. */
export function NoticeBar() {
  const { t } = useTranslation();
  const store = useAppStore();
  const notice = useAppState((s) => s.notice);
  if (!notice) return null;
  return (
    <div
      className={`notice notice-${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
      data-testid="notice"
    >
      <div className="notice-head">
        <span>
          <NoticeText text={notice.text} said={notice.said?.text} />
        </span>
        <button
          className="link-button"
          onClick={() => store.dismissNotice()}
          aria-label={t('action.dismiss')}
        >
          ×
        </button>
      </div>
      {notice.details.length > 0 && (
        <ul className="notice-details">
          {notice.details.map((line, i) => (
            <li key={i}>
              <NoticeText text={line} said={notice.said?.details[i]} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
