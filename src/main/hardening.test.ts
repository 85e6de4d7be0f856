import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl, isTrustedSender } from './hardening';

describe('isSafeExternalUrl', () => {
  it('lets only plain http(s) links out', () => {
    expect(isSafeExternalUrl('https://example.org/article')).toBe(true);
    expect(isSafeExternalUrl('http://example.org')).toBe(true);
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<script>1</script>',
      'smb://host/share',
      'https://user:pass@example.org',
      'not a url',
      '',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});

describe('isTrustedSender', () => {
  it('answers IPC from the built page only, at the file it was loaded from', () => {
    const own = 'file:///opt/Spanlight/resources/app/out/renderer/index.html';
    expect(isTrustedSender(own, own)).toBe(true);
    expect(isTrustedSender(`${own}#/document/1`, own)).toBe(true);
    for (const sender of [
      'file:///tmp/evil.html',
      'https://example.org/',
      'http://127.0.0.1:5173/',
      'about:blank',
      'devtools://devtools/x',
      '',
      undefined,
    ]) {
      expect(isTrustedSender(sender, own), String(sender)).toBe(false);
    }
  });

  it('answers IPC from the dev server origin in development', () => {
    const dev = 'http://localhost:5173';
    expect(isTrustedSender('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    for (const sender of [
      'http://localhost:5174/',
      'https://localhost:5173/',
      'http://evil.example/',
      'file:///index.html',
    ]) {
      expect(isTrustedSender(sender, dev), sender).toBe(false);
    }
  });
});
