/**
 * A message of the core (src/shared/messages/message.ts) in the interface's language. A payload from an older
 * host or a stored row may carry only English text: that is shown as it is.
 */
import type { AppErrorPayload } from '@shared/errors';
import { isMessage, type Message } from '@shared/messages/message';
import { saidOf, wordSaid } from './said';

/** A message is one of the things the interface says (./said.ts), worded the same way. */
export function wordMessage(message: Message): string {
  return wordSaid(message);
}

/**
 * The message when there is one, else the English text that came with it. What arrived over IPC or HTTP is
 * checked first: a value that is not a message is no key to look up, and its English is shown instead.
 */
export function wordOr(message: Message | undefined, english: string): string {
  return isMessage(message) ? wordMessage(message) : english;
}

/**
 * Several messages that came with their English (an import's problems, an export's warnings): all worded,
 * or the English when any of them is not a message.
 */
export function wordEach(messages: readonly Message[] | undefined, english: readonly string[]): string[] {
  return saidOf(messages)?.map(wordSaid) ?? [...english];
}

/** What an error answered by the core says, in the interface's language when it came as a message. */
export function errorText(error: AppErrorPayload): string {
  return wordOr(error.i18n, error.message);
}
