/**
 * The contract over HTTP, for the browser host. The per-launch token arrives in the address fragment (never
 * sent to the server in a URL the server logs), is kept for this tab in sessionStorage so a reload keeps
 * working, and is sent as a header with every call.
 */
import { CHANNELS, HTTP, type SpanlightApi } from '@shared/contract';
import type { Result } from '@shared/errors';
import type { ExportFormat } from '@shared/model';

const STORAGE_KEY = 'spanlight-token';

function readToken(): string {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const fromUrl = fragment.get(HTTP.tokenParam);
  if (fromUrl) {
    sessionStorage.setItem(STORAGE_KEY, fromUrl);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromUrl;
  }
  return sessionStorage.getItem(STORAGE_KEY) ?? '';
}

let token: string | null = null;
function currentToken(): string {
  token ??= readToken();
  return token;
}

async function call(channel: string, request: unknown): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(`${HTTP.apiPrefix}${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [HTTP.tokenHeader]: currentToken() },
      body: JSON.stringify(request ?? {}),
    });
  } catch (error) {
    return {
      ok: false,
      error: { code: 'internal', message: `Spanlight is not reachable: ${(error as Error).message}` },
    };
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

export function exportDownloadUrl(format: ExportFormat): string {
  const params = new URLSearchParams({ format, [HTTP.tokenParam]: currentToken() });
  return `${HTTP.exportPath}?${params}`;
}
