import { describe, expect, it } from 'vitest';
import { SECURE_WEB_PREFERENCES, isSafeExternalUrl } from './hardening';

describe('Electron window settings', () => {
  it('isolate and sandbox the renderer, with no Node in it', () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    });
  });
});

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
