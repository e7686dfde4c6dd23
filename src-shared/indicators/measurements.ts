import { z } from 'zod';
import { finite, id, isoDate, optionalText, paging, type Stamped } from '../common';

export const measurementCreate = z
  .object({
    indicatorId: id,
    period: isoDate,
    value: finite,
    source: optionalText(200),
    note: optionalText(2000),
  })
  .strict();

export const measurementUpdate = z
  .object({
    id,
    period: isoDate.optional(),
    value: finite.optional(),
    source: optionalText(200),
    note: optionalText(2000),
  })
  .strict();

export const measurementList = z
  .object({
    ...paging,
    indicatorId: id.optional(),
    departmentId: id.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .strict();

export type MeasurementCreate = z.input<typeof measurementCreate>;
export type MeasurementUpdate = z.input<typeof measurementUpdate>;
export type MeasurementListInput = z.input<typeof measurementList>;

export interface Measurement extends Stamped {
  departmentId: string;
  indicatorId: string;
  period: string;
  value: number;
  source: string | null;
  note: string | null;
}
