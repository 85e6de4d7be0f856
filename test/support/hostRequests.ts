/**
 * HTTP requests to a running browser host, for its tests. Test-only.
 */
import { request, type IncomingHttpHeaders } from 'node:http';
import { HTTP } from '@shared/contract';

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RequestOptions {
  method?: string;
  /** Overrides the defaults; `undefined` leaves a header out. */
  headers?: Record<string, string | undefined>;
  body?: string;
}

/**
 * One HTTP request to the host with node:http (fetch cannot set Host). By default it looks like the app's own
 * page: the right Host, the token header, a JSON body.
 */
export function sendToHost(
  host: { port: number; token: string },
  path: string,
  options: RequestOptions = {},
): Promise<Reply> {
  const headers: Record<string, string> = {};
  const defaults: Record<string, string | undefined> = {
    host: `127.0.0.1:${host.port}`,
    [HTTP.tokenHeader]: host.token,
    'content-type': 'application/json',
  };
  for (const [name, value] of Object.entries({ ...defaults, ...options.headers }))
    if (value !== undefined) headers[name] = value;
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path, method: options.method ?? 'POST', headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
