import type { ReportLanguage } from '../../../src-shared/reports/schemas';
import { en, type ReportTexts } from './en';
import { fr } from './fr';

export type { ReportTexts };
export const TEXTS: Record<ReportLanguage, ReportTexts> = { en, fr };

/** "{n} open gaps" with n = 3 → "3 open gaps". */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, k: string) => (params[k] === undefined ? whole : String(params[k])));
}
