/**
 * The claim board: per topic, a chart of the reported figures over publication date and a table of every
 * span, from the whole project or a filter of its documents. Also where the topic list is edited.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BOARD_TABLE_FORMATS, type Board } from '@shared/board';
import type { DocumentStatus } from '@shared/model';
import type { Topic } from '@shared/topics';
import {
  boardTableText,
  loadBoard,
  loadTopics,
  openBoardRow,
  type BoardFilter,
} from '../../state/actions/board';
import { useAppState, useAppStore } from '../../state/useStore';
import { Dialog } from '../Dialog';
import { StatusOptions } from '../StatusOptions';
import { VisibleText, visibleText } from '../VisibleText';
import { BoardChart } from './BoardChart';
import { BoardTable } from './BoardTable';
import { TopicEditor } from './TopicEditor';
import { saveFile } from './saveFile';
import '../../styles/board.css';

const MEDIA_TYPES = { csv: 'text/csv', json: 'application/json' } as const;

export function BoardScreen() {
  const { t } = useTranslation('board');
  const store = useAppStore();
  const documents = useAppState((s) => s.documents);
  const [filter, setFilter] = useState<BoardFilter>({});
  const [board, setBoard] = useState<Board | null>(null);
  const [topics, setTopics] = useState<Topic[]>([]);

  const reload = useCallback(async () => {
    const [next, list] = await Promise.all([loadBoard(store, filter), loadTopics(store)]);
    setBoard(next ?? { topics: [] });
    setTopics(list);
  }, [store, filter]);
  useEffect(() => void reload(), [reload]);

  const outlets = [...new Set(documents.map((d) => d.outlet ?? ''))].sort();
  const exportTable = async (format: (typeof BOARD_TABLE_FORMATS)[number]) => {
    const text = await boardTableText(store, filter, format);
    if (text !== undefined)
      saveFile(`claim-board.${format}`, new Blob([text], { type: MEDIA_TYPES[format] }));
  };

  return (
    <Dialog title={t('title')} onClose={() => store.closeDialog()} wide className="board-screen">
      <p className="board-intro">{t('intro')}</p>
      <div className="board-toolbar">
        <label>
          <span>{t('filters.topic')}</span>
          <select
            value={filter.topic ?? ''}
            onChange={(e) => setFilter({ ...filter, topic: e.currentTarget.value || undefined })}
          >
            <option value="">{t('filters.allTopics')}</option>
            {topics.map((topic) => (
              <option key={topic.id} value={topic.name}>
                {visibleText(topic.name)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('filters.outlet')}</span>
          <select
            value={filter.outlet ?? '\u0000'}
            onChange={(e) =>
              setFilter({
                ...filter,
                outlet: e.currentTarget.value === '\u0000' ? undefined : e.currentTarget.value,
              })
            }
          >
            <option value={'\u0000'}>{t('filters.allOutlets')}</option>
            {outlets.map((outlet) => (
              <option key={outlet} value={outlet}>
                {outlet === '' ? t('filters.noOutlet') : visibleText(outlet)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('filters.status')}</span>
          <select
            value={filter.status ?? ''}
            onChange={(e) =>
              setFilter({
                ...filter,
                status: (e.currentTarget.value || undefined) as DocumentStatus | undefined,
              })
            }
          >
            <option value="">{t('filters.allStatuses')}</option>
            <StatusOptions />
          </select>
        </label>
        <div className="board-export" role="group" aria-label={t('export.label')}>
          {BOARD_TABLE_FORMATS.map((format) => (
            <button key={format} onClick={() => void exportTable(format)}>
              {t(`export.${format}`)}
            </button>
          ))}
        </div>
      </div>
      <div className="board-layout">
        <TopicEditor
          topics={topics}
          onChange={(next) => {
            setTopics(next);
            void reload();
          }}
        />
        <div className="board-topics-list">
          {board === null && <p>{t('loading')}</p>}
          {board?.topics.length === 0 && <p className="board-empty">{t('empty')}</p>}
          {board?.topics.map((topic) => (
            <section
              key={topic.topic}
              className="board-topic"
              aria-label={visibleText(topic.topic)}
              data-testid="board-topic"
            >
              <h3 dir="auto">
                <VisibleText text={topic.topic} />{' '}
                <span className="board-count">{t('rows', { count: topic.rows.length })}</span>
              </h3>
              <BoardChart topic={topic} />
              <BoardTable rows={topic.rows} onOpen={(row) => void openBoardRow(store, row)} />
            </section>
          ))}
        </div>
      </div>
    </Dialog>
  );
}
