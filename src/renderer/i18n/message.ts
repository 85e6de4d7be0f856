/**
 * A message of the core (src/shared/messages/message.ts) in the interface's language. A payload from an older
 * host or a stored row may carry only English text: that is shown as it is.
 */
import type { Message } from '@shared/messages/message';
import { i18n } from './i18n';

export function wordMessage(message: Message): string {
  return i18n.t(message.key, { ns: message.ns, ...message.params });
}

/** The message when there is one, else the English text that came with it. */
export function wordOr(message: Message | undefined, english: string): string {
  return message ? wordMessage(message) : english;
}
