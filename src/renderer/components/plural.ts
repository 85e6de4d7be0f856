/** "1 annotation", "2 annotations": a count with its noun in the right number (English only, for now). */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
