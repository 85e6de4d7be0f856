import { useTranslation } from 'react-i18next';
import { formatTime } from '../i18n/format';
import { useAppState } from '../state/useStore';

/** Says whether the changes are on disk: "Saved" only once main has committed every change in flight. */
export function SaveIndicator() {
  const { t } = useTranslation();
  const save = useAppState((s) => s.save);
  let text: string;
  switch (save.kind) {
    case 'idle':
      text = t('save.idle');
      break;
    case 'saving':
      text = t('save.saving');
      break;
    case 'saved':
      text = save.what
        ? t('save.savedWhat', { what: save.what, time: formatTime(save.at) })
        : t('save.saved', { time: formatTime(save.at) });
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
      title={text}
    >
      {text}
    </span>
  );
}
