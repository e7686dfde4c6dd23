import { ENTITY_NAMES, type EntityName } from '../../db/entities';

/**
 * Tables whose rows belong to a department: every registered domain table but departments itself.
 * Derived from the registry so a table added by a later migration is never left behind when its
 * department is deleted (deletes are soft, so the order does not matter to foreign keys).
 */
export const CHILD_TABLES: EntityName[] = ENTITY_NAMES.filter((e) => e !== 'departments');
