/**
 * The security decisions of the Electron shell that need no Electron, so unit tests check them directly.
 */

/** Only web links leave the app, and only to the user's browser. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      (parsed.protocol === 'https:' || parsed.protocol === 'http:') &&
      parsed.username === '' &&
      parsed.password === ''
    );
  } catch {
    return false;
  }
}

/**
 * Whether an IPC message comes from the app's own page (Electron's checklist: validate the sender of every
 * message), so no other frame or page, should one ever load, reaches the handlers.
 */
export function isTrustedSender(senderUrl: string | undefined, appUrl: string): boolean {
  if (!senderUrl) return false;
  try {
    const sender = new URL(senderUrl);
    const own = new URL(appUrl);
    if (own.protocol === 'file:') return sender.protocol === 'file:' && sender.pathname === own.pathname;
    return sender.origin === own.origin;
  } catch {
    return false;
  }
}
