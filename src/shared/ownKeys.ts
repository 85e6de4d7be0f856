/**
 * Records keyed by names that come from users and files (attribute names, label ids). On a plain object,
 * `record[name]` answers Object.prototype's members (`constructor`, `toString`) for a name it does not hold,
 * and `record['__proto__'] = value` changes the prototype instead of storing the value: a label or
 * attribute with such a name blanked the window or vanished on import. These touch own properties only.
 */

/** The record's own value for `key`, or undefined. */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Stores `value` under `key` as an own property, whatever the key (`__proto__` included). */
export function setOwn<T>(record: Record<string, T>, key: string, value: NoInfer<T>): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
