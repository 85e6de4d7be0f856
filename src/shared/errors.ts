/** Errors travel as values across IPC and HTTP: the renderer shows `message`, tests match `code`. */
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
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorPayload };

/** An expected failure whose message is fit to show a user as it is. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
