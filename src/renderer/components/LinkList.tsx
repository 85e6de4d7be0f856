import { useTranslation } from 'react-i18next';
import type { Annotation, Relation } from '@shared/model';
import { OffsetIndex } from '@shared/offsets';
import { deleteLink, startLink } from '../state/actions/links';
import { useAppStore } from '../state/useStore';
import { keyHint, withKey } from './keyHints';
import { snippet } from './snippet';
import { VisibleText } from './VisibleText';

interface Props {
  annotation: Annotation;
  annotations: Annotation[];
  relations: Relation[];
  text: OffsetIndex;
}

/** The links from and to the selected annotation, each removable; and the way to make a new one. */
export function LinkList({ annotation, annotations, relations, text }: Props) {
  const { t } = useTranslation('workbench');
  const store = useAppStore();
  const touching = relations.filter((r) => r.fromId === annotation.id || r.toId === annotation.id);
  const textOf = (id: string) => {
    const other = annotations.find((a) => a.id === id);
    return other ? snippet(text.slice(other.start, other.end), 40) : '?';
  };
  return (
    <div className="link-list">
      <div className="muted">{t('links.title')}</div>
      <ul aria-label={t('links.title')}>
        {touching.map((relation) => {
          const outgoing = relation.fromId === annotation.id;
          return (
            <li key={relation.id} data-testid="link-row">
              <button
                className="link-button link-target"
                onClick={() => store.selectAnnotation(outgoing ? relation.toId : relation.fromId, true)}
              >
                <VisibleText
                  text={t(outgoing ? 'links.outgoing' : 'links.incoming', { type: relation.type })}
                />{' '}
                <span dir="auto">
                  <VisibleText text={textOf(outgoing ? relation.toId : relation.fromId)} />
                </span>
              </button>
              <button
                className="link-button"
                aria-label={t('links.remove', { type: relation.type })}
                onClick={() => void deleteLink(store, relation.id)}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
      <button onClick={() => startLink(store)} title={withKey(t('links.startTitle'), 'startLink')}>
        {t('links.start')} <kbd>{keyHint('startLink')}</kbd>
      </button>
    </div>
  );
}
