import { z } from 'zod';
import { msg } from '../messages';
import { cents, currency, id, name, paging, type Stamped } from '../common';

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, msg('department.colour'));
const code = z
  .string()
  .trim()
  .min(1, msg('common.required'))
  .max(12, msg('common.max_chars', { max: 12 }))
  .regex(/^[A-Za-z0-9_-]+$/, msg('department.code_chars'));

export const departmentCreate = z
  .object({
    name: name(120),
    code,
    colour: colour.default('#1c7ed6'),
    loadedHourlyRateCents: cents.nullable().default(null),
    currency: currency.default('EUR'),
  })
  .strict();

export const departmentUpdate = z
  .object({
    id,
    name: name(120).optional(),
    code: code.optional(),
    colour: colour.optional(),
    loadedHourlyRateCents: cents.nullable().optional(),
    currency: currency.optional(),
  })
  .strict();

export const departmentList = z
  .object({ ...paging, search: z.string().max(200).optional() })
  .strict();

export type DepartmentCreate = z.input<typeof departmentCreate>;
export type DepartmentUpdate = z.input<typeof departmentUpdate>;
export type DepartmentListInput = z.input<typeof departmentList>;

export interface Department extends Stamped {
  name: string;
  code: string;
  colour: string;
  loadedHourlyRateCents: number | null;
  currency: string;
}
