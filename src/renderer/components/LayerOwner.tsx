import { useTranslation } from 'react-i18next';
import { actingLayer, mayEdit } from '../state/slices/layers';
import { useAppState } from '../state/useStore';
import { VisibleText } from './VisibleText';
import '../styles/layers.css';

/** In the inspector, for a span of another layer: whose it is, and that it is read-only for the user. */
export function LayerOwner({ annotator }: { annotator: string | null }) {
  const { t } = useTranslation('team');
  const acting = useAppState(actingLayer);
  if (mayEdit(acting, { annotator }) || annotator === null) return null;
  return (
    <p className="layer-owner" data-testid="layer-owner">
      {t('readOnly.owner')} <VisibleText text={annotator} />
    </p>
  );
}
