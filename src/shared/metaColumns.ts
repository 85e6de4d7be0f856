/**
 * The CSV import's metadata mapping as a user writes it, on the command line (`--meta-column
 * outlet=source,published=date`, the option given once or many times) and in the app's CSV import options:
 * `key=column` pairs separated by commas. A column name holding a comma cannot be written this way.
 */
import { setOwn } from './ownKeys';

/** The mapping, key to column; throws an Error naming the first pair that is not `key=column`. */
export function parseMetaColumns(specs: readonly string[]): Record<string, string> {
  const columns: Record<string, string> = {};
  for (const pair of specs.flatMap((spec) => spec.split(','))) {
    if (pair.trim() === '') continue;
    const equals = pair.indexOf('=');
    const key = pair.slice(0, equals).trim();
    const column = pair.slice(equals + 1).trim();
    if (equals === -1 || key === '' || column === '')
      throw new Error(`--meta-column ${JSON.stringify(pair.trim())}: write key=column, e.g. outlet=source`);
    setOwn(columns, key, column);
  }
  return columns;
}
