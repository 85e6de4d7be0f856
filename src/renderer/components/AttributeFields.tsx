import { useEffect, useId, useRef, useState } from 'react';
import type { Annotation, AttributeDefinition, AttributeValue, Label } from '@shared/model';
import { ownValue, setOwn } from '@shared/ownKeys';
import { attributeDefinitions, TOPIC_ATTRIBUTE } from '@shared/topics';
import type { AppStore } from '../state/store';
import { useAppState, useAppStore } from '../state/useStore';
import { InvisibleCharsNote, VisibleText, visibleText } from './VisibleText';

interface Props {
  annotation: Annotation;
  label: Label;
}

/** What to suggest while typing: the project's topics for the topic, else the values used before. */
async function suggestionsFor(store: AppStore, label: Label, name: string): Promise<string[]> {
  if (name === TOPIC_ATTRIBUTE && !label.attributes.some((a) => a.name === name))
    return ((await store.call('topics:list', {})) ?? []).map((t) => t.name);
  return (await store.call('attributes:suggest', { labelId: label.id, name })) ?? [];
}

/** A text or number field that saves when it loses focus (or on Enter), with earlier values suggested. */
function TypedField({
  annotation,
  label,
  definition,
  onSave,
}: Props & { definition: AttributeDefinition; onSave: (value: AttributeValue | '') => void }) {
  const store = useAppStore();
  const listId = useId();
  const stored = ownValue(annotation.attributes, definition.name);
  const [value, setValue] = useState(stored === undefined ? '' : String(stored));
  const [suggestions, setSuggestions] = useState<string[]>([]);
  useEffect(() => setValue(stored === undefined ? '' : String(stored)), [stored, annotation.id]);
  // The T key asks for the topic field.
  const field = useRef<HTMLInputElement>(null);
  const topicFocusRequest = useAppState((s) => s.topicFocusRequest);
  useEffect(() => {
    if (topicFocusRequest > 0 && definition.name === TOPIC_ATTRIBUTE) field.current?.focus();
  }, [topicFocusRequest, definition.name]);
  const save = () => {
    if (value === (stored === undefined ? '' : String(stored))) return;
    if (definition.type === 'number') onSave(value.trim() === '' ? '' : Number(value));
    else onSave(value);
  };
  return (
    <>
      <input
        ref={field}
        type={definition.type === 'number' ? 'number' : 'text'}
        dir="auto"
        aria-label={definition.name}
        value={value}
        list={definition.suggest ? listId : undefined}
        onFocus={() => {
          if (definition.suggest) void suggestionsFor(store, label, definition.name).then(setSuggestions);
        }}
        onChange={(e) => setValue(e.currentTarget.value)}
        onBlur={save}
        onKeyDown={(e) => e.key === 'Enter' && save()}
      />
      <InvisibleCharsNote text={value} />
      {definition.suggest && (
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
    </>
  );
}

/** The attributes the selected annotation's label defines, each saved as the user sets it. */
export function AttributeFields({ annotation, label }: Props) {
  const store = useAppStore();
  const definitions = attributeDefinitions(label);
  const save = (name: string, value: AttributeValue | '') => {
    // Only the label's own attributes (and the topic) are sent: values kept from a former label stay out of the way.
    const values: Record<string, AttributeValue> = {};
    for (const definition of definitions) {
      const current = definition.name === name ? value : ownValue(annotation.attributes, definition.name);
      if (current !== undefined && current !== '') setOwn(values, definition.name, current);
    }
    void store.setAttributes(annotation.id, values);
  };
  return (
    <div className="attribute-fields">
      {definitions.map((definition) => (
        <label key={definition.name} className={`attribute-field type-${definition.type}`}>
          <span>
            <VisibleText text={definition.name} />
          </span>
          {definition.type === 'boolean' ? (
            <input
              type="checkbox"
              aria-label={definition.name}
              checked={ownValue(annotation.attributes, definition.name) === true}
              onChange={(e) => save(definition.name, e.currentTarget.checked ? true : '')}
            />
          ) : definition.type === 'choice' ? (
            <select
              aria-label={definition.name}
              value={String(ownValue(annotation.attributes, definition.name) ?? '')}
              onChange={(e) => save(definition.name, e.currentTarget.value)}
            >
              <option value="">—</option>
              {(definition.choices ?? []).map((c) => (
                <option key={c} value={c}>
                  {visibleText(c)}
                </option>
              ))}
            </select>
          ) : (
            <TypedField
              annotation={annotation}
              label={label}
              definition={definition}
              onSave={(v) => save(definition.name, v)}
            />
          )}
        </label>
      ))}
    </div>
  );
}
