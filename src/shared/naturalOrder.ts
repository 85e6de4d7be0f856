/**
 * The one order of file names everywhere (a folder imported from the CLI or the window, the document list's
 * file-name order): numbers inside a name compare as numbers, so "article 2" comes before "article 10", and
 * letters compare without regard to case. The root collation keeps the order the same on every machine.
 */
const collator = new Intl.Collator('und', { numeric: true, sensitivity: 'base' });

export function compareNaturally(a: string, b: string): number {
  // Names equal to the collator ("A.txt", "a.txt") still get one fixed order.
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** A copy of `items` in natural order of `nameOf`. */
export function sortNaturally<T>(items: readonly T[], nameOf: (item: T) => string): T[] {
  return [...items].sort((x, y) => compareNaturally(nameOf(x), nameOf(y)));
}
