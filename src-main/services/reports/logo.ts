import { BoucleError } from '../../../src-shared/errors';
import { LOGO_MAX_BYTES, type ReportLogo } from '../../../src-shared/reports/schemas';

// The company logo of a report: a PNG or an SVG, kept in the workspace with its template. It is only
// ever drawn as an image (never inlined as markup), and an SVG carrying scripts or fetching anything
// from outside is refused, so a report file never runs code nor reaches the network.

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const SVG_UNSAFE = /<script|<foreignObject|\bon[a-z]+\s*=|(?:href|src)\s*=\s*["']\s*(?:https?:|\/\/|javascript:)|@import|url\(\s*["']?\s*(?:https?:|\/\/)/i;

export function checkLogo(logo: ReportLogo, field = 'logo'): ReportLogo {
  const bytes = Buffer.from(logo.base64, 'base64');
  if (bytes.length === 0) throw BoucleError.of('validation', 'report.logo.empty', undefined, field);
  if (bytes.length > LOGO_MAX_BYTES) throw BoucleError.of('validation', 'report.logo.too_large', { max: LOGO_MAX_BYTES / 1024 }, field);
  if (logo.mime === 'image/png') {
    if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw BoucleError.of('validation', 'report.logo.invalid', undefined, field);
  } else {
    const text = bytes.toString('utf8');
    if (!/<svg[\s>]/i.test(text)) throw BoucleError.of('validation', 'report.logo.invalid', undefined, field);
    if (SVG_UNSAFE.test(text)) throw BoucleError.of('validation', 'report.logo.unsafe', undefined, field);
  }
  // Normalised: the base64 of the bytes read, whatever padding or line breaks it came with.
  return { ...logo, base64: bytes.toString('base64') };
}

/** Width and height of a PNG (from its IHDR chunk), for its aspect ratio on the cover and slides. */
export function pngSize(base64: string): { width: number; height: number } | null {
  const b = Buffer.from(base64, 'base64');
  if (b.length < 24) return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}
