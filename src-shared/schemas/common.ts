import { z } from 'zod';
import { CURRENCIES } from '../domain';

// UUIDv7 (or any RFC 4122 UUID): ids are generated in the core, never by the caller on create.
export const id = z.string().uuid({ message: 'Must be a valid id' });

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A calendar date, ISO 8601 (YYYY-MM-DD), that really exists (2025-02-30 is refused). */
export const isoDate = z
  .string()
  .regex(ISO_DATE, { message: 'Use a date as YYYY-MM-DD' })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, { message: 'This date does not exist' });

export const name = (max = 200) =>
  z
    .string({ message: 'Required' })
    .trim()
    .min(1, { message: 'Required' })
    .max(max, { message: `At most ${max} characters` });

export const optionalText = (max = 10_000) =>
  z.string().max(max, { message: `At most ${max} characters` }).nullable().optional();

/** Money in minor units (cents): an integer, never a float. */
export const cents = z
  .number({ message: 'Must be a number' })
  .int({ message: 'Amounts are whole cents' })
  .min(0, { message: 'Cannot be negative' })
  .max(1e15, { message: 'Amount too large' });

export const currency = z.enum(CURRENCIES, { message: 'Unknown currency' });

export const finite = z.number({ message: 'Must be a number' }).finite({ message: 'Must be a finite number' });

export const paging = {
  limit: z.number().int().min(1).max(1000).default(100),
  offset: z.number().int().min(0).default(0),
};

export const byId = z.object({ id }).strict();

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
