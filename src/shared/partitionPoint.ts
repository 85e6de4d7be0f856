/**
 * The one binary search of the code base: over a sorted sequence of `count` items where `isBefore` holds for a
 * prefix and not after it, the index of the first item it does not hold for (`count` when it holds for all).
 * With `isBefore = (i) => sorted[i] < x` that is how many items are below x, or where x would be inserted.
 */
export function partitionPoint(count: number, isBefore: (index: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isBefore(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
