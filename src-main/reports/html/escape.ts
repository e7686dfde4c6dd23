// Every text of the workspace that reaches a report's HTML or SVG goes through this.
const MAP: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: string | number | null | undefined): string => (s === null || s === undefined ? '' : String(s).replace(/[&<>"']/g, (c) => MAP[c]!));
