/**
 * The renderer's Content-Security-Policy: everything from the app's own origin, nothing inline,
 * no network (all HTTP goes through main). Sent as a header by the app:// protocol handler and
 * by the test bridge, and repeated in index.html's meta tag.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
