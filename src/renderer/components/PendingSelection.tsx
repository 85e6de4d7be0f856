import { Trans, useTranslation } from 'react-i18next';
import type { OffsetIndex } from '@shared/offsets';
import { useAppState } from '../state/useStore';
import { VisibleText } from './VisibleText';

/** "1–3" for keys in a row, "1, 2, q" otherwise. */
export function keyRange(keys: string[]): string {
  const digits = keys.map(Number);
  const inRow =
    keys.length > 2 && digits.every((d, i) => Number.isInteger(d) && (i === 0 || d === digits[i - 1]! + 1));
  return inRow ? `${keys[0]}–${keys[keys.length - 1]}` : keys.join(', ');
}

/**
 * What a label key will tag, in words: after a sloppy drag the browser's raw selection and the span snapped
 * to whole words differ, and the side panel says which one counts.
 */
export function PendingSelection({ index }: { index: OffsetIndex }) {
  const { t } = useTranslation('workbench');
  const selection = useAppState((s) => s.selection);
  const labels = useAppState((s) => s.labels);
  if (!selection) return null;
  const keys = labels.flatMap((label) => (label.hotkey ? [label.hotkey] : []));
  return (
    <div className="pending-selection" data-testid="pending-selection">
      <div className="muted">{t('annotations.snapped')}</div>
      <blockquote className="inspector-text" dir="auto">
        <VisibleText text={index.slice(selection.start, selection.end)} />
      </blockquote>
      <div>
        <Trans
          t={t}
          i18nKey="annotations.pressToTag"
          values={{ keys: keyRange(keys) }}
          components={{ kbd: <kbd /> }}
        />
      </div>
    </div>
  );
}
