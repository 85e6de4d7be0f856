import { describe, expect, it } from 'vitest';
import type { Topic } from '@shared/topics';
import { summary } from '../testing/fixtures';
import { storeWithFakeApi } from '../testing/testStore';
import { loadBoard, topicChanges } from './board';

const topic = (id: string, position: number): Topic => ({ id, name: id, position });

describe('the board actions', () => {
  it('asks for the documents a filter by outlet and status keeps (none without an outlet when asked)', async () => {
    const { fake, store } = storeWithFakeApi();
    void store.refreshDocuments();
    await fake
      .next('documents:list')
      .answer([
        summary('a', { outlet: 'SANA', status: 'done' }),
        summary('b', { outlet: 'SANA', status: 'todo' }),
        summary('c', { status: 'done' }),
      ]);
    fake.answerAlways('board:get', () => ({ topics: [] }));
    await loadBoard(store, {});
    await loadBoard(store, { topic: 'killed', outlet: 'SANA' });
    await loadBoard(store, { outlet: '', status: 'done' });
    expect(fake.sent.filter((s) => s.channel === 'board:get').map((s) => s.request)).toEqual([
      { topic: undefined, documentIds: undefined },
      { topic: 'killed', documentIds: ['a', 'b'] },
      { topic: undefined, documentIds: ['c'] },
    ]);
  });

  it('moves a topic by sending the whole new order', async () => {
    const { fake, store } = storeWithFakeApi();
    const topics = [topic('x', 0), topic('y', 1), topic('z', 2)];
    fake.answerAlways('topics:reorder', ({ ids }) => ids.map((id, position) => topic(id, position)));
    const moved = await topicChanges.move(store, topics, 2, -1);
    expect(moved?.map((t) => t.id)).toEqual(['x', 'z', 'y']);
    expect(fake.sent.at(-1)).toEqual({ channel: 'topics:reorder', request: { ids: ['x', 'z', 'y'] } });
  });
});
