/** `spanlight board`: the claim board as a table, one row a span with a topic (src/core/board). */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AppError } from '@shared/errors';
import { errorMessage } from '@shared/messages/keys';
import { BOARD_TABLE_FORMATS, type BoardTableFormat } from '@shared/board';
import { buildBoard } from '../core/board/boardRows';
import { boardTable } from '../core/board/boardTable';
import { projectDocumentMeta } from '../core/board/documentMeta';
import { openProject } from './openProject';
import { BACKUP_DIR_OPTION, noteTo, UsageError, type CliIo } from './options';

export const BOARD_USAGE = `  spanlight board <project> [--topic "fighters killed"] --format ${BOARD_TABLE_FORMATS.join('|')} --out <file>
      the claim board: one row per span with a topic (value, unit, source, outlet, date, denials);
      denied_by holds the ids of the linked denials joined by ";" (an array in JSON)`;

export function boardCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      topic: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      ...BACKUP_DIR_OPTION,
    },
  });
  if (positionals.length !== 1) throw new UsageError('board needs exactly one project');
  const format = values.format as BoardTableFormat | undefined;
  if (!format || !BOARD_TABLE_FORMATS.includes(format))
    throw new UsageError(`--format must be one of ${BOARD_TABLE_FORMATS.join(', ')}`);
  if (!values.out) throw new UsageError('--out <file> is required');
  const topic = values.topic?.trim();
  if (topic === '') throw new UsageError('--topic needs a topic name');
  const project = openProject(positionals[0]!, values['backup-dir'], noteTo(io));
  try {
    if (topic !== undefined && !project.topics.byName(topic)) {
      const known = project.topics.list().map((t) => JSON.stringify(t.name));
      throw new AppError(
        'invalid_input',
        known.length
          ? errorMessage('unknown.topic', { topic: JSON.stringify(topic), topics: known.join(', ') })
          : errorMessage('unknown.topicNone', { topic: JSON.stringify(topic) }),
      );
    }
    const board = buildBoard(project, projectDocumentMeta(project), { topic });
    writeFileSync(values.out, boardTable(board, format));
    const rows = board.topics.reduce((n, t) => n + t.rows.length, 0);
    io.out(
      `wrote ${rows} row${rows === 1 ? '' : 's'} on ${board.topics.length} topic${board.topics.length === 1 ? '' : 's'} to ${values.out}`,
    );
    return 0;
  } finally {
    project.close();
  }
}
