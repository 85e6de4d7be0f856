/**
 * The contract over HTTP, for the browser host. The page holds no credential: the host gave this browser an
 * HttpOnly session cookie when it first loaded the launch address, and the browser sends it with every call
 * and download of this origin (fetch's default `same-origin` credentials); script never sees it.
 */
import { CHANNELS, HTTP, type SpanlightApi } from '@shared/contract';
import type { Result } from '@shared/errors';
import { errorMessage } from '@shared/messages/keys';
import { englishOf } from '@shared/messages/message';

async function call(channel: string, request: unknown): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(`${HTTP.apiPrefix}${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request ?? {}),
    });
  } catch (error) {
    // The browser's own reason (a network error) stays as it came; the sentence around it is worded.
    const unreachable = errorMessage('transport.unreachable', { detail: (error as Error).message });
    return { ok: false, error: { code: 'internal', message: englishOf(unreachable), i18n: unreachable } };
  }
  if (!response.ok) {
    return { ok: false, error: { code: 'internal', message: `${response.status} ${await response.text()}` } };
  }
  return (await response.json()) as Result<unknown>;
}

export function createHttpApi(): SpanlightApi {
  return Object.fromEntries(
    CHANNELS.map((channel) => [channel, (request: unknown) => call(channel, request)]),
  ) as SpanlightApi;
}

export function exportDownloadUrl(jobId: string): string {
  // The session cookie authenticates the download (src/host/launchGate.ts), as it does every API call.
  const params = new URLSearchParams({ job: jobId });
  return `${HTTP.exportPath}?${params}`;
}
