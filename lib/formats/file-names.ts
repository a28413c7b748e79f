/** The names and types of the files PaperShelf hands to the user. Dated in the user's local date. */
const localDate = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** `papershelf-2026-11-26.bib` */
export const bibtexFileName = (date: Date): string => `papershelf-${localDate(date)}.bib`;

/** `papershelf-backup-2026-11-26.json` */
export const backupFileName = (date: Date): string => `papershelf-backup-${localDate(date)}.json`;

export const BIBTEX_TYPE = 'application/x-bibtex;charset=utf-8';
export const BACKUP_TYPE = 'application/json;charset=utf-8';
