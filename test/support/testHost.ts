/**
 * A browser host over an app session, for tests that drive it both over HTTP (as the page, with the session
 * its launch address opened) and through dispatch. Test-only.
 */
import type { AppSession } from '../../src/core/session/session';
import { createHandlers, type Handlers } from '../../src/core/api/handlers';
import { dispatch } from '../../src/core/api/dispatch';
import { startHost, type RunningHost } from '../../src/host/server';
import { openSession, type HostSession } from './hostRequests';

export interface TestHost {
  host: RunningHost;
  /** The app page's session: pass it to `sendToHost`. */
  page: HostSession;
  handlers: Handlers;
  /** A channel's value through dispatch; an error value fails the test. */
  call<T>(channel: string, payload: unknown): Promise<T>;
  /** Stops the host (open downloads too) and closes the session. */
  close(): Promise<void>;
}

export async function startTestHost(session: AppSession, staticDir: string): Promise<TestHost> {
  const handlers = createHandlers(session);
  const host = await startHost({ session, handlers, staticDir });
  const page = await openSession(host);
  return {
    host,
    page,
    handlers,
    async call<T>(channel: string, payload: unknown): Promise<T> {
      const result = await dispatch(handlers, channel, payload);
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
      return result.value as T;
    },
    async close() {
      host.server.closeAllConnections();
      await host.close();
      session.close();
    },
  };
}
