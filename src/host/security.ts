/**
 * The browser host's gatekeeping, kept apart from the server so each rule is tested on its own: requests must
 * name this host (against DNS rebinding), come from its own origin (against other web pages on the machine),
 * and carry the session that a one-time launch address opened (launchGate.ts; against other local users and
 * programs).
 */
import { timingSafeEqual } from 'node:crypto';

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function allowedOrigins(port: number): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}

export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export type Verdict = { ok: true } | { ok: false; status: number; message: string };

export function checkHostAndOrigin(
  port: number,
  host: string | undefined,
  origin: string | undefined,
): Verdict {
  if (!host || !allowedHosts(port).has(host.toLowerCase())) {
    return { ok: false, status: 421, message: 'Unknown Host' };
  }
  if (origin !== undefined && !allowedOrigins(port).has(origin.toLowerCase())) {
    return { ok: false, status: 403, message: 'Foreign Origin' };
  }
  return { ok: true };
}
