import type { DocumentStatus } from '@shared/model';
import { i18n } from '../i18n/i18n';

/** A document status as the interface's language names it ("To do", "قيد العمل"). */
export function statusName(status: DocumentStatus): string {
  return i18n.t(`status.${status}`, { ns: 'common' });
}
