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

/**
 * A UUID as its 16 bytes, as the change log and compact tables store it (36 characters of text
 * are 2.25 times as many). Throws on anything that is not a UUID, so a bad id never becomes a key.
 */
export function uuidToBlob(id: string): Buffer {
  const hex = id.length === 36 ? id.slice(0, 8) + id.slice(9, 13) + id.slice(14, 18) + id.slice(19, 23) + id.slice(24) : '';
  const b = Buffer.from(hex, 'hex');
  if (b.length !== 16 || id[8] !== '-' || id[13] !== '-' || id[18] !== '-' || id[23] !== '-') throw new Error(`Not a UUID: ${id}`);
  return b;
}

export function blobToUuid(b: Uint8Array): string {
  const h = Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The same conversions in SQL, for queries that join text ids to stored blobs. */
export const SQL_UUID_BLOB = (expr: string) => `unhex(replace(${expr}, '-', ''))`;
export const SQL_UUID_TEXT = (expr: string) =>
  `lower(substr(hex(${expr}), 1, 8) || '-' || substr(hex(${expr}), 9, 4) || '-' || substr(hex(${expr}), 13, 4) || '-' || substr(hex(${expr}), 17, 4) || '-' || substr(hex(${expr}), 21))`;
