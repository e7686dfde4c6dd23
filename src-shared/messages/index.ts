import { en } from './en';
import { fr } from './fr';

// The messages of the core in English and French. Errors carry a key and its params; the English
// text is what `message` holds (CLI, logs, tests), and the UI formats the key in the user's language.

export type MessageKey = keyof typeof en;
export type MessageParams = Record<string, string | number>;
export type MessageLocale = 'en' | 'fr';

export const CATALOGUES: Readonly<Record<MessageLocale, Readonly<Record<MessageKey, string>>>> = { en, fr };

export function isMessageKey(key: unknown): key is MessageKey {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(en, key);
}

/** 'fr', 'fr-FR', 'fr_CA' → 'fr'; anything else is English. */
export function messageLocale(language: string | null | undefined): MessageLocale {
  return (language ?? '').slice(0, 2).toLowerCase() === 'fr' ? 'fr' : 'en';
}

/** {{name}}, {{name|one|other}}, {{name@dict}}, {{name:date}}, {{name:money}} (a moneyParam) */
export const PLACEHOLDER = /\{\{(\w+)(?:\|([^|}]*)\|([^}]*)|@([\w]+)|:(date|money))?\}\}/g;

/** A money amount as a message param: whole cents and the currency, written the locale's way. */
export const moneyParam = (cents: number, currency: string): string => `${currency} ${cents}`;

const MONEY = /^([A-Z]{3}) (-?\d+)$/;

function formatMoneyParam(value: string, locale: MessageLocale): string {
  const m = MONEY.exec(value);
  if (!m) return value;
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en', {
    style: 'currency',
    currency: m[1]!,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(Number(m[2]) / 100);
}

const pluralRules = { en: new Intl.PluralRules('en'), fr: new Intl.PluralRules('fr') };
const frGrouped = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 6 });
const frPlain = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 6, useGrouping: false });

/**
 * English keeps numbers exactly as the core always wrote them (String(n)); French writes a decimal
 * comma, and groups thousands from 10 000 on (4-digit numbers stay whole, as French usage has it).
 */
function formatNumber(n: number, locale: MessageLocale): string {
  if (locale === 'en' || !Number.isFinite(n)) return String(n);
  return Math.abs(n) >= 10_000 ? frGrouped.format(n) : frPlain.format(n);
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function formatValue(value: string | number, locale: MessageLocale): string {
  return typeof value === 'number' ? formatNumber(value, locale) : value;
}

/** The catalogue text of `key` in `locale`, its placeholders filled from `params`. */
export function formatMessage(key: MessageKey, params: MessageParams | undefined, locale: MessageLocale): string {
  const table = CATALOGUES[locale];
  const template = table[key] ?? en[key] ?? key;
  return template.replace(PLACEHOLDER, (whole, name: string, one?: string, other?: string, dict?: string, format?: string) => {
    const value = params?.[name];
    if (value === undefined) return whole;
    if (one !== undefined && other !== undefined) {
      const n = typeof value === 'number' ? value : Number(value);
      return pluralRules[locale].select(n) === 'one' ? one : other;
    }
    if (dict !== undefined) {
      const word = (code: string) => (table as Record<string, string>)[`${dict}.${code}`] ?? code;
      return String(value).split(',').map(word).join(table['list.or']);
    }
    if (format === 'money') return formatMoneyParam(String(value), locale);
    if (format === 'date' && locale === 'fr') {
      const m = ISO_DAY.exec(String(value));
      if (m) return `${m[3]}/${m[2]}/${m[1]}`;
    }
    return formatValue(value, locale);
  });
}

/** The placeholder names a text uses (for the catalogue's own consistency test). */
export function placeholderNames(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();
}

// ---------------------------------------------------------------------------------------------------
// Custom messages of the zod schemas. A schema writes `msg('gap.severity.range', { min: 1, max: 5 })`
// where it wrote `{ message: '…' }`: zod keeps the English text in the issue, and the dispatcher finds
// the key and params back from that text. Schemas are built once, so this map stays small.

export interface KeyedMessage {
  key: MessageKey;
  params?: MessageParams;
}

const byEnglish = new Map<string, KeyedMessage>();

export function msg(key: MessageKey, params?: MessageParams): { message: string } {
  const message = formatMessage(key, params, 'en');
  if (!byEnglish.has(message)) byEnglish.set(message, params ? { key, params } : { key });
  return { message };
}

/** The key and params of a schema's custom message, from its English text. */
export function keyOfSchemaMessage(message: string): KeyedMessage | undefined {
  return byEnglish.get(message);
}

/** A reason given as data (an import's bad row): the English text with its key and params. */
export interface KeyedReason {
  reason: string;
  key: MessageKey;
  params?: MessageParams;
}

export function reasonOf(key: MessageKey, params?: MessageParams): KeyedReason {
  const reason = formatMessage(key, params, 'en');
  return params ? { reason, key, params } : { reason, key };
}
