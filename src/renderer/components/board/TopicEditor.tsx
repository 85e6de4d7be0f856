import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Topic } from '@shared/topics';
import { topicChanges } from '../../state/actions/board';
import { useAppStore } from '../../state/useStore';
import { visibleText } from '../VisibleText';

/** The project's topics: add, rename (on Enter or leaving the field), move up and down, delete; undo and redo. */
export function TopicEditor({ topics, onChange }: { topics: Topic[]; onChange: (topics: Topic[]) => void }) {
  const { t } = useTranslation('board');
  const store = useAppStore();
  const [name, setName] = useState('');
  const apply = async (change: Promise<Topic[] | undefined>) => {
    const next = await change;
    if (next) onChange(next);
  };
  const add = () => {
    if (name.trim() === '') return;
    void apply(topicChanges.create(store, name.trim())).then(() => setName(''));
  };
  return (
    <section className="board-topics" aria-labelledby="board-topics-heading">
      <h3 id="board-topics-heading">{t('topics.heading')}</h3>
      <p className="board-hint">{t('topics.hint')}</p>
      {topics.length === 0 && <p>{t('topics.none')}</p>}
      <ul>
        {topics.map((topic, index) => (
          <li key={`${topic.id}:${topic.name}`}>
            <input
              dir="auto"
              defaultValue={topic.name}
              aria-label={t('topics.rename', { name: visibleText(topic.name) })}
              onBlur={(e) => {
                const next = e.currentTarget.value.trim();
                if (next && next !== topic.name) void apply(topicChanges.rename(store, topic.id, next));
              }}
              onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
            />
            <button
              disabled={index === 0}
              onClick={() => void apply(topicChanges.move(store, topics, index, -1))}
              aria-label={t('topics.up', { name: visibleText(topic.name) })}
            >
              ↑
            </button>
            <button
              disabled={index === topics.length - 1}
              onClick={() => void apply(topicChanges.move(store, topics, index, 1))}
              aria-label={t('topics.down', { name: visibleText(topic.name) })}
            >
              ↓
            </button>
            <button
              className="danger"
              onClick={() => void apply(topicChanges.remove(store, topic.id))}
              aria-label={t('topics.delete', { name: visibleText(topic.name) })}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="board-topic-add">
        <input
          dir="auto"
          value={name}
          placeholder={t('topics.newName')}
          aria-label={t('topics.newName')}
          onChange={(e) => setName(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && add()}
        />
        <button onClick={add}>{t('topics.add')}</button>
      </div>
      <div className="board-topic-history">
        <button onClick={() => void apply(topicChanges.step(store, 'undo'))}>{t('topics.undo')}</button>
        <button onClick={() => void apply(topicChanges.step(store, 'redo'))}>{t('topics.redo')}</button>
      </div>
    </section>
  );
}
