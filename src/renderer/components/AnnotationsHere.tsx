import { useTranslation } from 'react-i18next';
import { useAppState, useAppStore } from '../state/useStore';
import { VisibleText } from './VisibleText';
import { useLabelColor } from '../theme/useLabelColor';

/** Every annotation under the caret, so overlaps are visible from the keyboard too; each can be selected. */
export function AnnotationsHere() {
  const { t } = useTranslation('workbench');
  const store = useAppStore();
  const paint = useLabelColor();
  const here = useAppState((s) => s.annotationsHere);
  const open = useAppState((s) => s.open);
  const labels = useAppState((s) => s.labels);
  const selectedId = useAppState((s) => s.selectedAnnotationId);
  if (!open || here.length === 0) return null;
  return (
    <div className="annotations-here" data-testid="annotations-here">
      <span className="muted">{t('annotations.atCaret')}</span>
      {here.map((id) => {
        const annotation = open.annotations.find((a) => a.id === id);
        const label = labels.find((l) => l.id === annotation?.labelId);
        return (
          <button
            key={id}
            className={`label-choice${id === selectedId ? ' active' : ''}`}
            ref={(el) => el?.style.setProperty('--label-color', paint(label?.color ?? ''))}
            onClick={() => store.selectAnnotation(id)}
          >
            <VisibleText text={label?.name ?? '?'} />
          </button>
        );
      })}
    </div>
  );
}
