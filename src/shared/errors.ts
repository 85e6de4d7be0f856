import { englishOf, type Message } from './messages/message';

/**
 * Errors travel as values across IPC and HTTP: the renderer words `i18n` in its language (else shows
 * `message`), tests match `code`.
 */
export type ErrorCode =
  | 'invalid_payload'
  | 'unknown_channel'
  | 'no_project'
  | 'not_found'
  | 'not_a_project'
  | 'project_from_future'
  | 'project_in_use'
  | 'project_moved'
  | 'read_only'
  /** A change to a span of another annotator's layer (src/core/project/layerAccess.ts). */
  | 'layer_read_only'
  | 'invalid_input'
  | 'unsupported'
  | 'internal';

export interface AppErrorPayload {
  code: ErrorCode;
  /** The error in English: what logs and the CLI show, and the interface when `i18n` is absent. */
  message: string;
  /** The same as a catalogue key and its values (src/shared/messages), for the interface to word. */
  i18n?: Message;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorPayload };

/**
 * An expected failure fit to show a user. Given a message, it keeps it for the interface to word and is
 * itself the message's English; a plain string is for failures no user is meant to read in their language
 * (a developer's mistake, a check of the app's own files).
 */
export class AppError extends Error {
  readonly i18n?: Message;

  constructor(
    readonly code: ErrorCode,
    message: Message | string,
  ) {
    super(typeof message === 'string' ? message : englishOf(message));
    this.name = 'AppError';
    if (typeof message !== 'string') this.i18n = message;
  }

  /** The error as it crosses IPC and HTTP. */
  get payload(): AppErrorPayload {
    return this.i18n
      ? { code: this.code, message: this.message, i18n: this.i18n }
      : { code: this.code, message: this.message };
  }
}
