/**
 * The single entry from any transport (Electron IPC, the browser host's HTTP API) into the handlers: checks
 * the channel name, validates the payload against the contract, and turns every failure into an error value.
 */
import { contract, isChannel, type Channel } from '@shared/contract';
import { AppError, type Result } from '@shared/errors';
import type { Handlers } from './handlers';

function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues
    .slice(0, 3)
    .map((issue) =>
      issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ');
}

export async function dispatch(
  handlers: Handlers,
  channel: string,
  payload: unknown,
): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return {
      ok: false,
      error: { code: 'unknown_channel', message: `Unknown channel ${JSON.stringify(channel.slice(0, 100))}` },
    };
  }
  const parsed = contract[channel].request.safeParse(payload);
  if (!parsed.success) {
    // Stays English, with no message: a malformed payload is the app's own mistake, read by its developers.
    return {
      ok: false,
      error: {
        code: 'invalid_payload',
        message: `Invalid ${channel} request: ${describeIssues(parsed.error.issues)}`,
      },
    };
  }
  try {
    const handler = handlers[channel] as (request: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.payload };
    console.error(`Handler for ${channel satisfies Channel} failed:`, error);
    return {
      ok: false,
      error: { code: 'internal', message: `Something went wrong in ${channel}: ${(error as Error).message}` },
    };
  }
}
