/**
 * The schema migrations, numbered and append-only: `migrations/NNNN_name.sql`. A landed file is never edited;
 * a change to the schema is a new file. The number of the last applied migration is `PRAGMA user_version`.
 */
const files = import.meta.glob('./migrations/*.sql', { query: '?raw', import: 'default', eager: true });

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = Object.entries(files)
  .map(([path, sql]) => {
    const match = /\/(\d{4})_([\w-]+)\.sql$/.exec(path);
    if (!match) throw new Error(`Migration file name ${path} is not NNNN_name.sql`);
    return { version: Number(match[1]), name: match[2]!, sql: sql as string };
  })
  .sort((a, b) => a.version - b.version);

MIGRATIONS.forEach((migration, index) => {
  if (migration.version !== index + 1) {
    throw new Error(
      `Migrations must be numbered 1, 2, 3...; found ${migration.version} at position ${index + 1}`,
    );
  }
});

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
