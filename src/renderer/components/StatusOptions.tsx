import { DOCUMENT_STATUSES } from '@shared/model';
import { useTranslation } from 'react-i18next';
import { statusName } from './statusNames';

/** An <option> a document status, in workflow order, for every status <select>. */
export function StatusOptions() {
  // Re-rendered when the language changes, so the names follow it.
  useTranslation();
  return (
    <>
      {DOCUMENT_STATUSES.map((status) => (
        <option key={status} value={status}>
          {statusName(status)}
        </option>
      ))}
    </>
  );
}
