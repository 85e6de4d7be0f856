import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { ATTRIBUTE_TYPES, type AttributeDefinition, type AttributeType, type Label } from '@shared/model';
import { createLabel, deleteLabel, moveLabel, updateLabel } from '../state/actions/labelSchema';
import { useAppState, useAppStore } from '../state/useStore';
import { Dialog } from './Dialog';
import { SuggestionSwitches } from './SuggestionSwitches';
import { InvisibleCharsNote, VisibleText } from './VisibleText';

interface Draft {
  name: string;
  color: string;
  hotkey: string;
  attributes: AttributeDefinition[];
}

function draftOf(label: Label): Draft {
  return { name: label.name, color: label.color, hotkey: label.hotkey ?? '', attributes: label.attributes };
}

const NEW_DRAFT: Draft = { name: '', color: '#cc79a7', hotkey: '', attributes: [] };

function AttributeEditor({
  attributes,
  onChange,
}: {
  attributes: AttributeDefinition[];
  onChange: (a: AttributeDefinition[]) => void;
}) {
  const { t } = useTranslation('dialogs');
  const update = (i: number, patch: Partial<AttributeDefinition>) =>
    onChange(attributes.map((a, k) => (k === i ? { ...a, ...patch } : a)));
  return (
    <div className="attribute-editor">
      {attributes.map((attribute, i) => (
        <div key={i} className="attribute-row">
          <input
            aria-label={t('labels.attributeName')}
            value={attribute.name}
            onChange={(e) => update(i, { name: e.currentTarget.value })}
          />
          <InvisibleCharsNote text={attribute.name} />
          <select
            aria-label={t('labels.attributeType')}
            value={attribute.type}
            onChange={(e) => update(i, { type: e.currentTarget.value as AttributeType })}
          >
            {ATTRIBUTE_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`labels.type.${type}`)}
              </option>
            ))}
          </select>
          {attribute.type === 'choice' && (
            <input
              aria-label={t('labels.choices')}
              placeholder={t('labels.choicesPlaceholder')}
              value={(attribute.choices ?? []).join(', ')}
              onChange={(e) =>
                update(i, {
                  choices: e.currentTarget.value
                    .split(',')
                    .map((c) => c.trim())
                    .filter(Boolean),
                })
              }
            />
          )}
          {attribute.type === 'choice' && <InvisibleCharsNote text={(attribute.choices ?? []).join(', ')} />}
          <button
            className="link-button"
            aria-label={t('labels.removeAttribute', { name: attribute.name })}
            onClick={() => onChange(attributes.filter((_, k) => k !== i))}
          >
            ×
          </button>
        </div>
      ))}
      <button className="link-button" onClick={() => onChange([...attributes, { name: '', type: 'text' }])}>
        {t('labels.addAttribute')}
      </button>
    </div>
  );
}

function LabelRow({
  label,
  count,
  first,
  last,
}: {
  label: Label;
  count: number;
  first: boolean;
  last: boolean;
}) {
  const { t } = useTranslation('dialogs');
  const store = useAppStore();
  const [draft, setDraft] = useState(draftOf(label));
  const [confirming, setConfirming] = useState(false);
  useEffect(() => setDraft(draftOf(label)), [label]);
  const changed = JSON.stringify(draft) !== JSON.stringify(draftOf(label));
  return (
    <li className="label-row" data-testid="label-row">
      <div className="label-row-main">
        <input
          type="color"
          aria-label={t('labels.colourOf', { name: label.name })}
          value={draft.color}
          onChange={(e) => setDraft({ ...draft, color: e.currentTarget.value })}
        />
        <input
          aria-label={t('labels.nameOf', { name: label.name })}
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
        />
        <InvisibleCharsNote text={draft.name} />
        <input
          className="hotkey-input"
          aria-label={t('labels.keyOf', { name: label.name })}
          maxLength={1}
          value={draft.hotkey}
          onChange={(e) => setDraft({ ...draft, hotkey: e.currentTarget.value.toLowerCase() })}
        />
        <span className="muted">{t('common:count.annotations', { count })}</span>
        <button
          aria-label={t('labels.moveUp', { name: label.name })}
          disabled={first}
          onClick={() => void moveLabel(store, label.id, -1)}
        >
          ↑
        </button>
        <button
          aria-label={t('labels.moveDown', { name: label.name })}
          disabled={last}
          onClick={() => void moveLabel(store, label.id, 1)}
        >
          ↓
        </button>
        <button
          disabled={!changed}
          onClick={() => void updateLabel(store, { id: label.id, ...draft, hotkey: draft.hotkey || null })}
        >
          {t('common:action.save')}
        </button>
        {confirming ? (
          <span className="confirm">
            <Trans
              t={t}
              i18nKey="labels.confirmDelete"
              values={{ annotations: t('common:count.annotations', { count }) }}
              components={{ label: <VisibleText text={label.name} /> }}
            />{' '}
            <button className="danger" onClick={() => void deleteLabel(store, label.id, count)}>
              {t('labels.delete')}
            </button>
            <button onClick={() => setConfirming(false)}>{t('labels.keep')}</button>
          </span>
        ) : (
          <button className="danger" onClick={() => setConfirming(true)}>
            {t('labels.deleteAsk')}
          </button>
        )}
      </div>
      <AttributeEditor
        attributes={draft.attributes}
        onChange={(attributes) => setDraft({ ...draft, attributes })}
      />
      <SuggestionSwitches label={label} />
    </li>
  );
}

/** The project's label schema: add, rename, recolour, reorder, keys, attributes, delete (with a count). */
export function LabelSchemaDialog() {
  const { t } = useTranslation('dialogs');
  const store = useAppStore();
  const labels = useAppState((s) => s.labels);
  // A Map: a label id is any string (an imported `__proto__` read Object.prototype from a plain object).
  const [usage, setUsage] = useState<Map<string, number>>(new Map());
  const [draft, setDraft] = useState<Draft>(NEW_DRAFT);
  useEffect(() => {
    void store.call('labels:usage', {}).then((counts) => counts && setUsage(new Map(Object.entries(counts))));
  }, [store, labels]);
  useEffect(() => void store.loadSwitchedOffRules(), [store]);
  return (
    <Dialog title={t('labels.title')} wide onClose={() => store.closeDialog()}>
      <ul className="label-list">
        {labels.map((label, i) => (
          <LabelRow
            key={label.id}
            label={label}
            count={usage.get(label.id) ?? 0}
            first={i === 0}
            last={i === labels.length - 1}
          />
        ))}
      </ul>
      <form
        className="label-row-main new-label"
        onSubmit={(e) => {
          e.preventDefault();
          void createLabel(store, { ...draft, hotkey: draft.hotkey || null }).then(
            (ok) => ok && setDraft(NEW_DRAFT),
          );
        }}
      >
        <input
          type="color"
          aria-label={t('labels.newColour')}
          value={draft.color}
          onChange={(e) => setDraft({ ...draft, color: e.currentTarget.value })}
        />
        <input
          aria-label={t('labels.newName')}
          placeholder={t('labels.newPlaceholder')}
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
        />
        <input
          className="hotkey-input"
          aria-label={t('labels.newKey')}
          maxLength={1}
          value={draft.hotkey}
          onChange={(e) => setDraft({ ...draft, hotkey: e.currentTarget.value.toLowerCase() })}
        />
        <button type="submit" disabled={!draft.name.trim()}>
          {t('labels.add')}
        </button>
      </form>
    </Dialog>
  );
}
