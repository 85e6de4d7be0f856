/**
 * The browser host: the same contract as Electron's IPC, as HTTP on 127.0.0.1, plus the built renderer and a
 * streamed export download. Used when the Electron binary is absent, and by the e2e tests.
 */
import { once } from 'node:events';
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { HTTP } from '@shared/contract';
import { exportFileName } from '@shared/datasets';
import type { AppSession } from '../core/session/session';
import { FORMAT_MEDIA_TYPES } from '../core/export/formats';
import { runExportToStream, type ExportJobDetail } from '../core/jobs/datasetJobs';
import type { JobControl } from '../core/jobs/jobRegistry';
import { dispatch } from '../core/api/dispatch';
import type { Handlers } from '../core/api/handlers';
import { CONTENT_SECURITY_POLICY } from '../core/security/csp';
import { LaunchGate } from './launchGate';
import { checkHostAndOrigin } from './security';

const LAUNCH_REFUSED =
  'This Spanlight address has been used or has expired. Each address opens one window once; start Spanlight again for a new one.';
const NO_SESSION = 'Not signed in: open Spanlight through the address it printed or the window it opened.';

/** Largest request body: an import batch of several large articles, base64-encoded. */
const MAX_BODY_BYTES = 256 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json',
};

export interface HostOptions {
  session: AppSession;
  handlers: Handlers;
  /** The built renderer (out/renderer). */
  staticDir: string;
  port?: number;
  /** How long a launch address works (LAUNCH_TTL_MS unless a test says otherwise). */
  launchTtlMs?: number;
}

export interface RunningHost {
  server: Server;
  port: number;
  /** An address to open, good for one load within the launch lifetime (see launchGate.ts). */
  url: string;
  /** Another one-time address: each browser or tab that should get in needs its own. */
  newLaunchUrl(): string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A download whose client went away (closed the tab, cancelled in the browser, lost the connection) stops its
 * export: the response closes before it finished, and `stop` aborts the export, which releases its read
 * snapshot so checkpoints can pass again.
 */
function stopWhenClientLeaves(res: ServerResponse, stop: () => void): void {
  res.once('close', () => {
    if (!res.writableFinished) stop();
  });
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  async function handleApi(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, 'POST only');
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json'))
      return send(res, 415, 'JSON only');
    const body = await readBody(req);
    if (body === null) return send(res, 413, 'Request too large');
    let payload: unknown;
    try {
      payload = body === '' ? {} : JSON.parse(body);
    } catch {
      return send(res, 400, 'Body is not JSON');
    }
    const result = await dispatch(options.handlers, channel, payload);
    send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
  }

  /**
   * Streams export job `job` (from `jobs:start-export` with destination `download`, which holds the format, the
   * filter and the spreadsheet choice) as a download, so the renderer follows its progress and can cancel it.
   * Every export is a job: there is no other way to download one. Folder formats (brat) arrive as a .zip.
   */
  async function handleExport(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET') return send(res, 405, 'GET only');
    const project = options.session.project;
    if (!project) return send(res, 409, 'No project is open');
    const jobId = url.searchParams.get('job');
    if (jobId === null)
      return send(res, 400, 'An export is downloaded as a job: start one with jobs:start-export');
    const run = async (detail: ExportJobDetail, control: JobControl) => {
      const fileName = exportFileName(project.name, detail.format, 'download');
      res.writeHead(200, {
        'content-type': FORMAT_MEDIA_TYPES[detail.format],
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      });
      const outcome = await runExportToStream(project, detail, res, fileName, control);
      res.end();
      return outcome;
    };
    const ran = options.session.jobs.runReserved(jobId, (detail, control) =>
      run(detail as ExportJobDetail, control),
    );
    if (!ran) return send(res, 404, 'No export job waits for this download');
    // The job is running: cancelling it is what Cancel in the app does.
    stopWhenClientLeaves(res, () => options.session.jobs.cancel(jobId));
    const status = await ran;
    if (status.state !== 'done') {
      if (status.state === 'failed') console.error('Export failed:', status.error);
      if (res.headersSent) res.destroy();
      else send(res, status.state === 'cancelled' ? 409 : 500, status.error ?? 'Export cancelled');
    }
  }

  /**
   * The launch address's load: a fresh nonce opens the session and sends the page to `/`, so the nonce leaves
   * the address bar and a reload does not present it again. A used or late nonce opens nothing.
   */
  function claimLaunch(req: IncomingMessage, res: ServerResponse, nonce: string): void {
    if (req.method !== 'GET') return send(res, 405, 'GET only');
    if (gate.claim(nonce)) {
      res.writeHead(303, { location: '/', 'set-cookie': gate.sessionCookie(), 'cache-control': 'no-store' });
      return void res.end();
    }
    // A tab that already has the session (the same link opened twice) just goes on.
    if (gate.hasSession(req.headers.cookie)) {
      res.writeHead(303, { location: '/', 'cache-control': 'no-store' });
      return void res.end();
    }
    send(res, 403, LAUNCH_REFUSED);
  }

  function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'GET only');
    const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
    const file = normalize(join(options.staticDir, relative));
    if (!file.startsWith(normalize(options.staticDir) + sep)) return send(res, 404, 'Not found');
    let size: number;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) return send(res, 404, 'Not found');
      size = stat.size;
    } catch {
      return send(res, 404, 'Not found');
    }
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': size,
      'cache-control': 'no-store',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  }

  // Requests are answered once the port is known: the Host and Origin checks and the cookie's name need it.
  const server = createServer();
  server.listen(options.port ?? 0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The host did not get a TCP port');
  const port = address.port;
  const gate = new LaunchGate(`spanlight-${port}`, options.launchTtlMs);
  server.on('request', (req, res) => {
    res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('cross-origin-opener-policy', 'same-origin');
    res.setHeader('cross-origin-resource-policy', 'same-origin');
    const verdict = checkHostAndOrigin(port, req.headers.host, req.headers.origin);
    if (!verdict.ok) return send(res, verdict.status, verdict.message);
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    // Decoded once, here: a malformed escape (`/%`) is the client's error, not an exception that ends the host.
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return send(res, 400, 'Malformed URL');
    }
    const nonce = url.searchParams.get(HTTP.launchParam);
    if (url.pathname === '/' && nonce !== null) return claimLaunch(req, res, nonce);
    // Everything else, the page included, only for a browser that traded a launch nonce for the session.
    if (!gate.hasSession(req.headers.cookie)) return send(res, 401, NO_SESSION);
    const done = url.pathname.startsWith(HTTP.apiPrefix)
      ? handleApi(req, res, pathname.slice(HTTP.apiPrefix.length))
      : url.pathname === HTTP.exportPath
        ? handleExport(req, res, url)
        : Promise.resolve(serveStatic(req, res, pathname));
    done.catch((error) => {
      console.error('Request failed:', error);
      if (!res.headersSent) send(res, 500, 'Internal error');
      else res.destroy();
    });
  });

  const newLaunchUrl = () => `http://127.0.0.1:${port}/?${HTTP.launchParam}=${gate.mintNonce()}`;
  return {
    server,
    port,
    url: newLaunchUrl(),
    newLaunchUrl,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
