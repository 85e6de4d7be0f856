import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_CURATED_LAYER } from '@shared/layers';
import { LAYER_LINE_STYLES, layerStyleIndex } from '../editor/plugins/LayersPlugin/layerStyles';
import { layerCounts } from '../state/slices/layers';
import { useLayerStyles, useLayerView } from '../state/useLayers';
import { useAppState, useAppStore } from '../state/useStore';
import { VisibleText } from './VisibleText';
import '../styles/layers.css';

/**
 * The Layers control of the annotation panel: the annotators with spans in the open document (with counts),
 * a checkbox to show each beside the user's own, the legend of each shown layer's line style, and curating
 * into a curated layer. Checkboxes and a text field: reachable and operable by the keyboard as they are.
 */
export function LayersControl() {
  const { t } = useTranslation('team');
  const store = useAppStore();
  const annotations = useAppState((s) => s.open?.annotations);
  const own = useAppState((s) => s.info?.project?.annotator ?? null);
  const curating = useAppState((s) => s.curating);
  const { acting, shownLayers } = useLayerView();
  const styles = useLayerStyles();
  const counts = useMemo(() => layerCounts(annotations ?? []), [annotations]);
  const rows = useMemo(() => {
    const names = counts.map((c) => c.annotator);
    return acting && !names.includes(acting) ? [{ annotator: acting, spans: 0 }, ...counts] : counts;
  }, [counts, acting]);
  const [curatedName, setCuratedName] = useState(curating ?? DEFAULT_CURATED_LAYER);
  const titleId = useId();

  return (
    <section className="layers-control" aria-labelledby={titleId}>
      <div className="pane-title" id={titleId}>
        {t('layers.title')}
      </div>
      <ul className="layer-list">
        {rows.map(({ annotator, spans }) => {
          const isActing = annotator === acting;
          const place = styles.get(annotator);
          const style = place === undefined ? null : LAYER_LINE_STYLES[layerStyleIndex(place)]!;
          return (
            <li key={annotator} className="layer-row" data-testid="layer-row" data-annotator={annotator}>
              <label>
                <input
                  type="checkbox"
                  checked={isActing || shownLayers.includes(annotator)}
                  disabled={isActing}
                  onChange={() => store.toggleLayer(annotator)}
                />
                <span className={`layer-name${style ? ` layer-line-${style}` : ''}`} dir="auto">
                  <VisibleText text={annotator} />
                </span>
                <span className="layer-meta">
                  {isActing
                    ? t(annotator === own ? 'layers.yours' : 'layers.curatedYours')
                    : t('layers.readOnly')}
                  {' · '}
                  {t('layers.spans', { count: spans })}
                  {/* The legend in words too: the line is not the only way to know it. */}
                  {style && ` · ${t(`layers.line.${style}`)}`}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      {rows.length <= 1 && <p className="layer-hint">{t('layers.onlyYours')}</p>}
      <form
        className="curate-form"
        onSubmit={(e) => {
          e.preventDefault();
          void store.setCurating(curating ? null : curatedName.trim() || DEFAULT_CURATED_LAYER);
        }}
      >
        <label className="curate-name">
          <span>{t('curate.into')}</span>
          <input
            value={curatedName}
            disabled={curating !== null}
            onChange={(e) => setCuratedName(e.currentTarget.value)}
            aria-label={t('curate.nameLabel')}
          />
        </label>
        <button type="submit" aria-pressed={curating !== null}>
          {curating ? t('curate.stop') : t('curate.start')}
        </button>
      </form>
      {curating && (
        <p className="layer-hint" role="status">
          {t('curate.active', { layer: curating })}
        </p>
      )}
    </section>
  );
}
