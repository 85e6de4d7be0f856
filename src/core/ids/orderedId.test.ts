import { describe, expect, it } from 'vitest';
import { orderedId } from './orderedId';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('orderedId', () => {
  it('is a version 7 UUID whose first 48 bits are the time in milliseconds', () => {
    const at = Date.UTC(2026, 10, 28, 14, 30);
    const id = orderedId(at);
    expect(id).toMatch(UUID_V7);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBeGreaterThanOrEqual(at);
  });

  it('sorts ids in the order they were made, within one millisecond and past 4,096 of them', () => {
    const at = Date.UTC(2030, 0, 1);
    const ids = Array.from({ length: 10_000 }, () => orderedId(at));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(UUID_V7);
    // 10,000 ids in one millisecond moved the clock on by two, not further.
    const last = ids[ids.length - 1]!;
    expect(parseInt(last.slice(0, 8) + last.slice(9, 13), 16)).toBe(at + 2);
  });

  it('never goes back when the clock does', () => {
    const first = orderedId(Date.UTC(2031, 0, 1));
    expect(orderedId(Date.UTC(2020, 0, 1)) > first).toBe(true);
  });
});
