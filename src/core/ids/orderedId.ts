/**
 * Time-ordered UUIDs (version 7, RFC 9562): a millisecond timestamp first, then a counter within the
 * millisecond, then random bits. Ids made one after another sort one after another, so a bulk write of new
 * rows appends to the primary-key index instead of touching pages all over it.
 */
import { randomUUID } from 'node:crypto';

let lastMs = 0;
/** 12 bits: ids of the same millisecond count up; past 4,095 of them the clock is moved on one millisecond. */
let counter = 0;

export function orderedId(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else if (++counter > 0xfff) {
    lastMs++;
    counter = 0;
  }
  const time = lastMs.toString(16).padStart(12, '0');
  // The last 64 bits as a version 4 UUID has them (variant bits, then random): randomUUID draws from a pool of
  // random bytes, where asking the system for 8 bytes an id took longer than the merge's inserts.
  const tail = randomUUID().slice(19);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${counter.toString(16).padStart(3, '0')}-${tail}`;
}
