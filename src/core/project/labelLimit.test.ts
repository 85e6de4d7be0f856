/**
 * Regression: `labels:create` from the app did not enforce LIMITS.labels (the import did), so a project could
 * get a 201st label the app then could not reorder (`labels:reorder` takes at most LIMITS.labels ids).
 */
import { describe, expect, it } from 'vitest';
import { LIMITS } from '@shared/contract';
import { useProjectChannels } from '../../../test/support/appChannels';

const { call } = useProjectChannels('labels.spanlight');

describe('labels:create', () => {
  it(`makes labels up to LIMITS.labels (${LIMITS.labels}) and refuses the next with a clear error`, async () => {
    const start = (await call('labels:list', {})).length;
    for (let i = start; i < LIMITS.labels; i++)
      await call('labels:create', { name: `label ${i}`, color: '#888888', hotkey: null, attributes: [] });
    const labels = await call('labels:list', {});
    expect(labels).toHaveLength(LIMITS.labels);
    await expect(
      call('labels:create', { name: 'one too many', color: '#888888', hotkey: null, attributes: [] }),
    ).rejects.toThrow(
      `labels:create answered invalid_input: A project holds at most ${LIMITS.labels} labels (as many as the app can reorder), and this one has ${LIMITS.labels}: delete or merge a label to make room for "one too many"`,
    );
    expect(await call('labels:list', {})).toHaveLength(LIMITS.labels);
    // Every label the app made can still be reordered.
    const reversed = labels.map((l) => l.id).reverse();
    expect((await call('labels:reorder', { ids: reversed })).map((l) => l.id)).toEqual(reversed);
  });
});
