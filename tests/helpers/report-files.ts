import { extractText, getDocumentProxy, getResolvedPDFJS } from 'unpdf';
import type { TestWorkspace } from './workspace';
import type { ReportBuildInput, ReportJob } from '../../src-shared/reports/schemas';

// Reading back what a report build wrote: the job run to its end, and a PDF's text, outline and
// drawing operators (to tell vector charts from embedded images).

export async function buildReport(t: TestWorkspace, input: ReportBuildInput): Promise<ReportJob> {
  const { jobId } = await t.ok('reports.build', input);
  for (;;) {
    const j = await t.ok('reports.jobs.get', { jobId });
    if (j.phase === 'done' || j.phase === 'failed' || j.phase === 'cancelled') return j;
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Text as a reader sees it: no-break and narrow no-break spaces read as spaces. */
export const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');

export interface PdfFacts {
  pages: string[];
  outline: string[];
  /** Pages (1-based) that paint an image. */
  imagePages: number[];
}

// pdf.js copies image data with ArrayBuffer.prototype.transferToFixedLength, which Node 20 lacks; without
// it the operator list of a page with an image comes back cut short, and an image would go unseen.
const proto = ArrayBuffer.prototype as ArrayBuffer & { transferToFixedLength?: (n?: number) => ArrayBuffer };
proto.transferToFixedLength ??= function (this: ArrayBuffer, n = this.byteLength) {
  const copy = new ArrayBuffer(n);
  new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(n, this.byteLength)));
  return copy;
};

export async function readPdf(bytes: Uint8Array): Promise<PdfFacts> {
  const doc = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(doc, { mergePages: false });
  const outline = ((await doc.getOutline()) ?? []).flatMap(function walk(o: { title: string; items?: unknown[] }): string[] {
    return [o.title, ...((o.items ?? []) as { title: string; items?: unknown[] }[]).flatMap(walk)];
  });
  const { OPS } = await getResolvedPDFJS();
  const imageOps = new Set([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject]);
  const imagePages: number[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const ops = await (await doc.getPage(i)).getOperatorList();
    if (ops.fnArray.some((f: number) => imageOps.has(f))) imagePages.push(i);
  }
  return { pages: (text as string[]).map(plain), outline, imagePages };
}
