// "Save as SVG / PNG" for slides. The map's SVG already carries its styles inline; the export copies
// the drawing at scale 1 (whatever the zoom and pan on screen), drops the selection and the focus
// attributes, puts the process name and its department above it (a slide needs to say what it
// shows; the legend is part of the drawing), and downloads through an a[download] blob link, which
// works under Electron and in a browser alike.

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Height of the title band above the drawing. */
export const EXPORT_HEADER_H = 64;

export interface ExportTitle {
  title: string;
  /** The department, the reference (APQC, SCOR), the date: one line under the title. */
  subtitle: string;
}

const text = (x: number, y: number, content: string, size: number, weight: number, fill: string) => {
  const t = document.createElementNS(SVG_NS, 'text');
  for (const [k, v] of Object.entries({ x, y, 'font-size': size, 'font-weight': weight, fill, 'font-family': 'Inter, "Segoe UI", system-ui, Arial, sans-serif' })) {
    t.setAttribute(k, String(v));
  }
  t.textContent = content;
  return t;
};

/** A standalone SVG document of the drawing group `content` (the <g> holding the whole map), under its title. */
export function serialiseMap(content: SVGGElement, width: number, drawingHeight: number, head: ExportTitle): string {
  const height = drawingHeight + EXPORT_HEADER_H;
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('xmlns', SVG_NS);
  svg.setAttribute('width', String(Math.ceil(width)));
  svg.setAttribute('height', String(Math.ceil(height)));
  svg.setAttribute('viewBox', `0 0 ${Math.ceil(width)} ${Math.ceil(height)}`);
  const t = document.createElementNS(SVG_NS, 'title');
  t.textContent = head.title;
  svg.appendChild(t);
  const band = document.createElementNS(SVG_NS, 'rect');
  for (const [k, v] of Object.entries({ x: 0, y: 0, width: Math.ceil(width), height: EXPORT_HEADER_H, fill: '#ffffff' })) band.setAttribute(k, String(v));
  svg.appendChild(band);
  svg.appendChild(text(16, 28, head.title, 20, 700, '#212529'));
  svg.appendChild(text(16, 50, head.subtitle, 13, 400, '#495057'));
  const copy = content.cloneNode(true) as SVGGElement;
  copy.setAttribute('transform', `translate(0,${EXPORT_HEADER_H})`);
  for (const el of Array.from(copy.querySelectorAll('[data-export="skip"]'))) el.remove();
  for (const el of Array.from(copy.querySelectorAll('[tabindex],[role],[aria-pressed],[data-testid]'))) {
    for (const a of ['tabindex', 'role', 'aria-pressed', 'aria-label', 'style']) el.removeAttribute(a);
  }
  svg.appendChild(copy);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`;
}

export function download(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser time to start reading the blob before it is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Draws the SVG text on a canvas at `scale` (2× for crisp slides) and returns a PNG. */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const img = new Image();
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('The map could not be drawn as an image'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    // Browsers cap canvas size (about 16k px a side, 268M px in all): scale down a huge map rather than fail.
    const max = Math.min(scale, 16_000 / width, 16_000 / height, Math.sqrt(200_000_000 / (width * height)));
    canvas.width = Math.max(1, Math.floor(width * max));
    canvas.height = Math.max(1, Math.floor(height * max));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('No canvas to draw the image on');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(max, max);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The image could not be encoded'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A file name from the process name: letters, digits and dashes, accents removed. */
export function fileBaseName(name: string): string {
  const base = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 80);
  return base || 'process-map';
}
