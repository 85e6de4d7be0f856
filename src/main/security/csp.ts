/**
 * The Content-Security-Policy of the app, sent by the browser host as a header and held by the renderer's
 * index.html as a meta tag for Electron's file:// load (a unit test keeps the two equal).
 */
/** Its own scripts and styles only, nothing inline, nothing remote. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
