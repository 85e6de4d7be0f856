/** What every CLI command shares: where it writes, usage errors and list options. */

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/** A mistake in the command line: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {}

/** A comma-separated option as a list, each item checked. */
export function listOption<T extends string>(
  value: string | undefined,
  name: string,
  allowed?: readonly T[],
): T[] | undefined {
  if (value === undefined) return undefined;
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean) as T[];
  if (items.length === 0) throw new UsageError(`--${name} needs at least one value`);
  const unknown = allowed ? items.find((item) => !allowed.includes(item)) : undefined;
  if (unknown !== undefined)
    throw new UsageError(`--${name}: ${JSON.stringify(unknown)} is not one of ${allowed!.join(', ')}`);
  return items;
}

/** Where the copy of a project from an older Spanlight goes before its upgrade; every command takes it. */
export const BACKUP_DIR_OPTION = { 'backup-dir': { type: 'string' } } as const;

/** A one-line note on stderr, so stdout stays what the command prints (`stats --json` stays JSON). */
export function noteTo(io: CliIo): (line: string) => void {
  return (line) => io.err(`spanlight: ${line}`);
}
