import { AppError } from '@shared/errors';
import { errorMessage } from '@shared/messages/keys';

/** A new order of a list (labels, topics) must name every item exactly once, or it is refused. */
export function checkCompleteOrder(
  ids: string[],
  items: Array<{ id: string }>,
  what: 'label' | 'topic',
): void {
  if (
    ids.length !== items.length ||
    new Set(ids).size !== ids.length ||
    !items.every((item) => ids.includes(item.id))
  ) {
    throw new AppError('invalid_input', errorMessage(`order.incomplete.${what}`));
  }
}
