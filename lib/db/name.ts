/**
 * The database's name, apart from its schema (lib/db/database.ts): the popup's first paint opens the
 * database with plain IndexedDB before Dexie has loaded, and must not bring Dexie in to learn the name.
 */
export const DATABASE_NAME = 'papershelf';
