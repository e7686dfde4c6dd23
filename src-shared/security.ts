/**
 * Content-Security-Policy of the renderer, the same under Electron and the web shell: no remote
 * code, no inline scripts, no eval. Inline styles are allowed because Mantine and ECharts set them.
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
