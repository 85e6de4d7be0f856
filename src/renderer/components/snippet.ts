/** At most `max` code points of `text`, cut at a space rather than inside a word, with "…" when cut. */
export function snippet(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const head = chars.slice(0, max).join('');
  const space = head.search(/\s\S*$/u);
  return `${(space > 0 ? head.slice(0, space) : head).trimEnd()}…`;
}
