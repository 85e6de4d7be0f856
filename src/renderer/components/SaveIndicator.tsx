import { useTranslation } from 'react-i18next';
import { formatTime } from '../i18n/format';
import { useAppState } from '../state/useStore';

/** Says whether the changes are on disk: "Saved" only once main has committed every change in flight. */
export function SaveIndicator() {
  const { t } = useTranslation();
  const save = useAppState((s) => s.save);
  let text: string;
  /** What the last change did, when the indicator says it: cut before the time is, which always shows. */
  let what: string | null = null;
  switch (save.kind) {
    case 'idle':
      text = t('save.idle');
      break;
    case 'saving':
      text = t('save.saving');
      break;
    case 'saved':
      text = t('save.saved', { time: formatTime(save.at) });
      what = save.what ?? null;
      break;
    case 'error':
      text = t('save.error', { message: save.message });
      break;
  }
  return (
    <span
      className={`save-indicator save-${save.kind}`}
      role="status"
      aria-live="polite"
      data-testid="save-indicator"
      title={what ? `${what} · ${text}` : text}
    >
      {what && (
        <>
          <span className="save-what">{what}</span>
          <span className="save-when"> · </span>
        </>
      )}
      <span className={what ? 'save-when' : 'save-what'}>{text}</span>
    </span>
  );
}
