import type { z } from 'zod';
import { formatMessage, keyOfSchemaMessage, type KeyedMessage, type MessageKey, type MessageParams } from './index';

// The key and params of a zod issue, so that a validation error can be shown in French too. Three
// sources: a custom issue that names its key (superRefine: params.messageKey), a schema's custom
// message (msg()), and zod's own English messages by issue code. A key is only given when its English
// text is exactly the issue's message, so English users see what zod printed, and French ones a
// translation of that very sentence.

type Issue = z.core.$ZodIssue;

const quote = (v: unknown) => (typeof v === 'bigint' ? `${v}n` : typeof v === 'string' ? `"${v}"` : `${String(v)}`);

function defaultKey(issue: Issue, message: string): KeyedMessage | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      const m = /^Invalid input: expected (\S+), received (\S+)$/.exec(message);
      return m ? { key: 'zod.invalid_type', params: { expected: m[1]!, received: m[2]! } } : undefined;
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? { key: 'zod.invalid_value', params: { expected: quote(issue.values[0]) } }
        : { key: 'zod.invalid_option', params: { options: issue.values.map(quote).join('|') } };
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const origin = issue.origin === 'string' || issue.origin === 'array' ? issue.origin : issue.origin === 'number' ? 'number' : null;
      if (!origin || issue.exact) return undefined;
      const exclusive = origin === 'number' && !issue.inclusive;
      const key = `zod.${small ? 'too_small' : 'too_big'}.${origin}${exclusive ? '_exclusive' : ''}` as MessageKey;
      const bound = Number(small ? (issue as { minimum: number | bigint }).minimum : (issue as { maximum: number | bigint }).maximum);
      return { key, params: small ? { minimum: bound } : { maximum: bound } };
    }
    case 'invalid_format': {
      const f = issue.format;
      if (f === 'regex') return { key: 'zod.invalid_format.regex', params: { pattern: String((issue as { pattern?: string }).pattern) } };
      if (f === 'uuid') return { key: 'zod.invalid_format.uuid' };
      if (f === 'datetime') return { key: 'zod.invalid_format.datetime' };
      if (f === 'date') return { key: 'zod.invalid_format.date' };
      return undefined;
    }
    case 'not_multiple_of':
      return { key: 'zod.not_multiple_of', params: { divisor: Number(issue.divisor) } };
    case 'invalid_union':
    case 'custom':
      return { key: 'zod.invalid_input' };
    default:
      return undefined;
  }
}

/** `message` is what the API sends (the issue's message, or the dispatcher's own wording of it). */
export function keyOfZodIssue(issue: Issue, message: string): KeyedMessage | undefined {
  const custom = issue.code === 'custom' ? (issue.params as { messageKey?: MessageKey; messageParams?: MessageParams } | undefined) : undefined;
  const candidates = [
    custom?.messageKey ? { key: custom.messageKey, ...(custom.messageParams ? { params: custom.messageParams } : {}) } : undefined,
    keyOfSchemaMessage(message),
    defaultKey(issue, message),
  ];
  return candidates.find((c): c is KeyedMessage => c !== undefined && formatMessage(c.key, c.params, 'en') === message);
}
