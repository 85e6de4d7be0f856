import { describe, expect, it } from 'vitest';
import { allowedHosts, allowedOrigins, checkHostAndOrigin, tokenMatches } from './security';

const PORT = 41234;

describe('checkHostAndOrigin', () => {
  it('lets through this host by IP or by name, with or without its own origin', () => {
    for (const host of [`127.0.0.1:${PORT}`, `localhost:${PORT}`, `LocalHost:${PORT}`]) {
      expect(checkHostAndOrigin(PORT, host, undefined)).toEqual({ ok: true });
      expect(checkHostAndOrigin(PORT, host, `http://127.0.0.1:${PORT}`)).toEqual({ ok: true });
      expect(checkHostAndOrigin(PORT, host, `http://localhost:${PORT}`)).toEqual({ ok: true });
    }
    expect(allowedHosts(PORT)).toEqual(new Set([`127.0.0.1:${PORT}`, `localhost:${PORT}`]));
    expect(allowedOrigins(PORT)).toEqual(new Set([`http://127.0.0.1:${PORT}`, `http://localhost:${PORT}`]));
  });

  it.each([
    // DNS rebinding: a page of evil.example whose name now resolves to 127.0.0.1 sends its own Host.
    ['another name', `evil.example:${PORT}`],
    ['another port', `127.0.0.1:${PORT + 1}`],
    ['no port', '127.0.0.1'],
    ['IPv6 loopback', `[::1]:${PORT}`],
    ['all interfaces', `0.0.0.0:${PORT}`],
    ['a suffix trick', `127.0.0.1:${PORT}.evil.example`],
    ['an empty Host', ''],
    ['no Host at all', undefined],
  ])('refuses %s as Host with 421', (_name, host) => {
    expect(checkHostAndOrigin(PORT, host, undefined)).toEqual({
      ok: false,
      status: 421,
      message: 'Unknown Host',
    });
  });

  it.each([
    ['another site', 'http://evil.example'],
    ['this host over https', `https://127.0.0.1:${PORT}`],
    ['another port', `http://127.0.0.1:${PORT + 1}`],
    ['an opaque origin', 'null'],
    ['an empty origin', ''],
    ['a trailing slash', `http://127.0.0.1:${PORT}/`],
  ])('refuses %s as Origin with 403', (_name, origin) => {
    expect(checkHostAndOrigin(PORT, `127.0.0.1:${PORT}`, origin)).toEqual({
      ok: false,
      status: 403,
      message: 'Foreign Origin',
    });
  });

  it('checks the Host first', () => {
    expect(checkHostAndOrigin(PORT, 'evil.example', 'http://evil.example')).toMatchObject({ status: 421 });
  });
});

describe('tokenMatches', () => {
  const TOKEN = 'k3Y-_abcdefghijklmnopqrstuvwxyz012345';

  it('accepts the same token', () => {
    expect(tokenMatches(TOKEN, TOKEN)).toBe(true);
    expect(tokenMatches(TOKEN, `${TOKEN}`.slice(0))).toBe(true);
  });

  it.each([
    ['a different token of the same length', TOKEN.replace('k', 'K')],
    ['a prefix', TOKEN.slice(0, -1)],
    ['a longer token', `${TOKEN}x`],
    ['an empty token', ''],
    ['null', null],
    ['undefined', undefined],
    // Same number of UTF-16 units, more bytes: compared as bytes without throwing.
    ['a token with a multi-byte character', TOKEN.slice(0, -1) + 'é'],
  ])('refuses %s', (_name, given) => {
    expect(tokenMatches(TOKEN, given)).toBe(false);
  });
});
