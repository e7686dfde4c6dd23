import { z } from 'zod';
import { formatMessage, msg } from './messages';
import { CURRENCIES } from './domain';

// UUIDv7 (or any RFC 4122 UUID): ids are generated in the core, never by the caller on create.
export const id = z.string().uuid(msg('common.invalid_id'));

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A calendar date, ISO 8601 (YYYY-MM-DD), that really exists (2025-02-30 is refused). */
export const isoDate = z
  .string()
  .regex(ISO_DATE, msg('common.date_format'))
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, msg('common.date_not_exist'));

// Characters that make a text display differently from what it stores: bidirectional overrides,
// embeddings, isolates and marks (a title "‮gnp.exe" shows reversed), and zero-width spaces that
// split a word invisibly. ZWJ and ZWNJ (U+200D, U+200C) stay: emoji sequences and Persian or Indic
// spelling need them, and they change shaping, not order. Control characters (tab, newline…) become
// spaces: a name is one line.
const INVISIBLE = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u200B\u2060\uFEFF\u180E]/g;
// eslint-disable-next-line no-control-regex -- control characters are what this finds
const CONTROLS = /[\u0000-\u001F\u007F-\u009F]/g;

/** A name as it will be stored and shown: controls removed, one line, Unicode NFC (é is one character). */
export function cleanName(text: string): string {
  return text.replace(INVISIBLE, '').replace(CONTROLS, ' ').normalize('NFC');
}

export const name = (max = 200) =>
  z
    .string(msg('common.required'))
    .overwrite(cleanName)
    .trim()
    .min(1, msg('common.required'))
    .max(max, msg('common.max_chars', { max }));

export const optionalText = (max = 10_000) =>
  z.string().max(max, msg('common.max_chars', { max })).nullable().optional();

/** An optional one-line text shown as a name (a company name on a report cover): cleaned as names are. */
export const optionalLine = (max = 200) =>
  z.string().overwrite(cleanName).max(max, msg('common.max_chars', { max })).nullable().optional();

/**
 * Money in minor units (cents): an integer, never a float. 12.5 is refused with a message that says
 * it has a fraction of a cent (zod's own integer check reads as a missing value to the dispatcher).
 */
export const cents = z
  .number(msg('common.number'))
  .min(0, msg('common.not_negative'))
  .max(1e15, msg('common.amount_too_large'))
  .superRefine((v, ctx) => {
    if (Number.isInteger(v)) return;
    const params = { value: v };
    ctx.addIssue({ code: 'custom', message: formatMessage('common.fractional_cents', params, 'en'), params: { messageKey: 'common.fractional_cents', messageParams: params } });
  });

export const currency = z.enum(CURRENCIES, msg('common.unknown_currency'));

export const finite = z.number(msg('common.number')).finite(msg('common.finite'));

export const paging = {
  limit: z.number().int().min(1).max(1000).default(100),
  offset: z.number().int().min(0).default(0),
};

export const byId = z.object({ id }).strict();

/** A [from, to] window whose ends, when both are given, are in order; the error goes on `to`. */
export const dateRange = <T extends { from?: string | undefined; to?: string | undefined }>(v: T) => !v.from || !v.to || v.from <= v.to;
export const dateRangeError = { ...msg('common.end_before_start'), path: ['to'] };

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** Fields every stored entity has. */
export interface Stamped {
  id: string;
  createdAt: string;
  updatedAt: string;
}
