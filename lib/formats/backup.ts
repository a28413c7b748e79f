/**
 * Lossless backup and restore of the whole library as versioned JSON (issue #5). Pure.
 *
 * Unlike BibTeX, a backup keeps every field as stored. The file is deterministic (papers sorted by id,
 * keys in schema order, 2-space indent, final newline), so export -> restore into an empty library ->
 * export gives the same bytes, and two backups of an unchanged library are identical files.
 */
import { z } from 'zod';
import { Paper, TrashedPaper } from '@/lib/model/paper';

export const BACKUP_FORMAT = 'papershelf-backup';
/**
 * The version this code writes and the newest it reads. A change to the file's meaning bumps it; every
 * earlier version is still read. 2: the Trash too (issue #9).
 */
export const BACKUP_VERSION = 2;

export const BackupFile = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.union([z.literal(1), z.literal(BACKUP_VERSION)]),
    exportedAt: z.iso.datetime(),
    papers: z.array(Paper),
    /** Removed papers, whole, as the Trash keeps them; a version 1 file has none. */
    trash: z.array(TrashedPaper).default([]),
  })
  .strict();
export type BackupFile = z.infer<typeof BackupFile>;

const byId = (a: Paper, b: Paper) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The backup file of `papers` and the Trash. `exportedAt` is the time of the library's latest change (its
 * greatest `updatedAt` or removal; the epoch for an empty library), not the clock: that is what makes the
 * file a pure function of the library, and it still tells the user how recent the backup is.
 */
export function createBackup(papers: readonly Paper[], trash: readonly TrashedPaper[] = []): string {
  const latest = Math.max(
    papers.reduce((max, paper) => Math.max(max, paper.updatedAt), 0),
    trash.reduce((max, trashed) => Math.max(max, trashed.removedAt), 0),
  );
  // Parsing puts every paper's keys in schema order and drops anything the schema does not know.
  const backup: BackupFile = BackupFile.parse({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(latest).toISOString(),
    papers: [...papers].sort(byId),
    trash: [...trash].sort((a, b) => byId(a.paper, b.paper)),
  });
  return `${JSON.stringify(backup, null, 2)}\n`;
}

export type ParsedBackup = { ok: true; backup: BackupFile } | { ok: false; error: string };

/** `papers[3].links.code[0]` */
function pathText(path: ReadonlyArray<PropertyKey>): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${String(part)}`)).join('');
}

/**
 * Reads a backup file, or says what is wrong with it and where, in words for the user: not JSON, not a
 * PaperShelf backup, made by a newer PaperShelf, or the first invalid field (`papers[3].id: not a
 * canonical arXiv id`). Two papers with the same id are rejected too: restoring would keep only one.
 */
export function parseBackup(text: string): ParsedBackup {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `Not a PaperShelf backup: the file is not JSON (${(error as Error).message}).` };
  }
  const head = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
  if (head.format !== BACKUP_FORMAT) {
    return {
      ok: false,
      error: `Not a PaperShelf backup: "format" is ${JSON.stringify(head.format) ?? 'missing'}, not "${BACKUP_FORMAT}".`,
    };
  }
  if (typeof head.version === 'number' && Number.isInteger(head.version) && head.version > BACKUP_VERSION) {
    return {
      ok: false,
      error: `This backup was made by a newer PaperShelf (backup version ${head.version}; this one reads up to ${BACKUP_VERSION}). Update PaperShelf, then restore it.`,
    };
  }
  const result = BackupFile.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    return { ok: false, error: `Invalid backup: ${pathText(issue.path) || 'file'}: ${issue.message}` };
  }
  const firstIndex = new Map<string, number>();
  for (const [index, paper] of result.data.papers.entries()) {
    const first = firstIndex.get(paper.id);
    if (first !== undefined) {
      return { ok: false, error: `Invalid backup: papers[${index}].id: ${paper.id} appears twice (also papers[${first}]).` };
    }
    firstIndex.set(paper.id, index);
  }
  return { ok: true, backup: result.data };
}
