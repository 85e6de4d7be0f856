import { DOCUMENT_STATUSES } from '@shared/model';
import { STATUS_NAMES } from './statusNames';

/** An <option> a document status, in workflow order, for every status <select>. */
export function StatusOptions() {
  return (
    <>
      {DOCUMENT_STATUSES.map((status) => (
        <option key={status} value={status}>
          {STATUS_NAMES[status]}
        </option>
      ))}
    </>
  );
}
