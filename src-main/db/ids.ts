import { v7 as uuidv7 } from 'uuid';

/** UUIDv7: sortable by creation time and unique across machines, so rows can sync without clashes. */
export function newId(): string {
  return uuidv7();
}

export function nowIso(): string {
  return new Date().toISOString();
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
