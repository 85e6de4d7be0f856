/**
 * The Content-Security-Policy of the app, sent by the browser host as a header and held by the renderer's
 * index.html as a meta tag for Electron's file:// load (a unit test keeps the two equal).
 */
/** Its own scripts and styles only, nothing inline, nothing remote. */
const DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** As an HTTP header (the browser host). */
export const CONTENT_SECURITY_POLICY = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');

/** As a <meta> tag, which cannot carry frame-ancestors (Electron's file:// load; framing is blocked anyway). */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');
