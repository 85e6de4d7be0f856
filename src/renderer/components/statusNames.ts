import type { DocumentStatus } from '@shared/model';

export const STATUS_NAMES: Record<DocumentStatus, string> = {
  todo: 'To do',
  in_progress: 'In progress',
  done: 'Done',
  skipped: 'Skipped',
};
