import type { AnyTable } from './table';

// A table as CSV (RFC 4180) in UTF-8 with a byte-order mark, so that Excel reads accents right. In
// French, Excel expects « ; » between fields and a decimal comma; in English « , » and a point.

const quote = (s: string, sep: string) => (/[",\r\n;]/.test(s) || s.includes(sep) ? `"${s.replace(/"/g, '""')}"` : s);

export function tableToCsv(t: AnyTable, lang: 'en' | 'fr'): string {
  const sep = lang === 'fr' ? ';' : ',';
  const num = (n: number) => (lang === 'fr' ? String(n).replace('.', ',') : String(n));
  const lines = [t.columns.map((c) => quote(c.header, sep)).join(sep)];
  for (const r of t.rows) {
    lines.push(
      t.columns
        .map((c) => {
          const v = c.value(r);
          if (v === null || v === undefined) return '';
          if (typeof v === 'number') return num(c.type === 'money' ? Math.round(v) / 100 : v);
          return quote(c.type === 'date' ? v.slice(0, 10) : v, sep);
        })
        .join(sep),
    );
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
