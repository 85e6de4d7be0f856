import { describe, expect, it } from 'vitest';
import { LaunchGate, readCookie } from './launchGate';

describe('LaunchGate', () => {
  it('takes a nonce once, up to and including its last millisecond, and never after', () => {
    let now = 1_000;
    const gate = new LaunchGate('spanlight-1', 500, () => now);
    const onTime = gate.mintNonce();
    const late = gate.mintNonce();
    now = 1_500;
    expect(gate.claim(onTime)).toBe(true);
    expect(gate.claim(onTime)).toBe(false);
    now = 1_501;
    expect(gate.claim(late)).toBe(false);
    // Refused late, it is gone: it does not come back if the clock is set back.
    now = 1_000;
    expect(gate.claim(late)).toBe(false);
  });

  it('mints a different nonce each time, none of them the session secret', () => {
    const gate = new LaunchGate('spanlight-1');
    const nonces = new Set(Array.from({ length: 100 }, () => gate.mintNonce()));
    expect(nonces.size).toBe(100);
    const secret = gate.sessionCookie().split(';')[0]!.split('=')[1]!;
    expect(nonces.has(secret)).toBe(false);
    expect(gate.hasSession(`spanlight-1=${secret}`)).toBe(true);
    for (const nonce of nonces) expect(gate.hasSession(`spanlight-1=${nonce}`)).toBe(false);
  });
});

describe('readCookie', () => {
  it.each([
    ['a=1', 'a', '1'],
    ['b=2; a=1', 'a', '1'],
    [' a = 1 ;b=2', 'a', '1'],
    ['aa=1; a=2', 'a', '2'],
    ['a=x=y', 'a', 'x=y'],
    ['b=1', 'a', null],
    ['a', 'a', null],
    ['', 'a', null],
    [undefined, 'a', null],
  ])('finds in %j the cookie %s: %s', (header, name, value) => {
    expect(readCookie(header, name)).toBe(value);
  });
});
