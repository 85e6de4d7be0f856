import { describe, expect, it } from 'vitest';
import { ownValue, setOwn } from './ownKeys';

describe('records keyed by names from users and files (finding 7)', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    '%s is not found in a record that does not hold it',
    (name) => {
      const counts: Record<string, number> = { claim: 2 };
      expect(ownValue(counts, name)).toBeUndefined();
      expect(ownValue(counts, 'claim')).toBe(2);
    },
  );

  it.each(['__proto__', 'constructor', 'toString'])('%s is stored as a value, and read back', (name) => {
    const values: Record<string, string> = {};
    setOwn(values, name, 'kept');
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
    expect(Object.keys(values)).toEqual([name]);
    expect(ownValue(values, name)).toBe('kept');
    expect(JSON.parse(JSON.stringify(values))).toEqual(values);
  });
});
