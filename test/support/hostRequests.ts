/**
 * HTTP requests to a running browser host, for its tests. Test-only.
 */
import { request, type IncomingHttpHeaders } from 'node:http';

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

/** A host and the Cookie header of a session opened on it, as the app's own page holds it. */
export interface HostSession {
  port: number;
  cookie: string;
}

/**
 * Opens a session the way a browser does: loads a launch address (`url`, good once) and keeps the cookie the
 * host sets. Fails if the host opens none.
 */
export async function openSession(host: { port: number; url: string }): Promise<HostSession> {
  const { pathname, search } = new URL(host.url);
  const reply = await sendToHost({ port: host.port, cookie: '' }, pathname + search, { method: 'GET' });
  const setCookie = reply.headers['set-cookie']?.[0];
  if (reply.status !== 303 || !setCookie) throw new Error(`No session: ${reply.status} ${reply.body}`);
  return { port: host.port, cookie: setCookie.split(';')[0]! };
}

/**
 * One HTTP request to the host with node:http (fetch cannot set Host). By default it looks like the app's own
 * page: the right Host, the session cookie, a JSON body.
 */
export function sendToHost(host: HostSession, path: string, options: RequestOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = {};
  const defaults: Record<string, string | undefined> = {
    host: `127.0.0.1:${host.port}`,
    cookie: host.cookie || undefined,
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
