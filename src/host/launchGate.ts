/**
 * Who may use the browser host. The address a browser is started with sits in its argv, which every local
 * user can read in /proc/<pid>/cmdline, so it carries only a one-time launch nonce: the page's first load
 * trades it, once and within a short time, for an HttpOnly, SameSite=Strict cookie holding the session
 * secret. The secret is random per launch and never printed, logged or put in an argv, environment or file;
 * every later request (API calls, downloads, the page itself) proves itself with the cookie.
 */
import { randomBytes } from 'node:crypto';
import { tokenMatches } from './security';

/** How long a launch address works: enough for a browser to start and load it, not for someone to wait. */
export const LAUNCH_TTL_MS = 60_000;

export class LaunchGate {
  private readonly secret = randomBytes(32).toString('base64url');
  /** Nonces not yet used, with the time after which each is refused. */
  private readonly nonces = new Map<string, number>();

  /**
   * @param cookieName Named per port: cookies are not scoped by port, so two hosts on one machine, seen by
   *   one browser profile, must not overwrite each other's session.
   */
  constructor(
    readonly cookieName: string,
    private readonly ttlMs = LAUNCH_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new one-time nonce for a launch address. */
  mintNonce(): string {
    const nonce = randomBytes(24).toString('base64url');
    this.nonces.set(nonce, this.now() + this.ttlMs);
    return nonce;
  }

  /** Uses up `nonce`: true only the first time, and only before it expires. */
  claim(nonce: string): boolean {
    const expires = this.nonces.get(nonce);
    if (expires === undefined) return false;
    this.nonces.delete(nonce);
    return this.now() <= expires;
  }

  /** The Set-Cookie value that opens the session. No Max-Age: it lasts as long as the browser session. */
  sessionCookie(): string {
    return `${this.cookieName}=${this.secret}; HttpOnly; SameSite=Strict; Path=/`;
  }

  /** Whether a request's Cookie header carries this session. */
  hasSession(cookieHeader: string | undefined): boolean {
    return tokenMatches(this.secret, readCookie(cookieHeader, this.cookieName));
  }
}

/** The value of the cookie `name` in a Cookie header, or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
