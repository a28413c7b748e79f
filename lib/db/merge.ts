/**
 * The one merge policy: how two versions of a paper combine, field by field, whenever a second version
 * arrives. `POLICY` below has a row per field of `Paper` and, in each row, a rule per occasion:
 *
 * - `resave`: a page shows a paper that is saved already (another site, another version, the same page).
 * - `import`: an entry of an imported BibTeX file names a saved paper.
 * - `restore`: a backup holds a copy of a saved paper.
 * - `lookup`: the arXiv or Hugging Face API answered about a saved paper (issue #6).
 * - `edit`: the user changed notes, tags or status (the popup, the library, a recovered draft).
 *
 * What the rows say today: metadata is completed, never replaced (the stored version, or in a restore the
 * more recently edited copy, keeps what it has and takes what it lacks from the other). What the user wrote
 * merges field by field (issue #9): each of notes, tags and status has its own edit time (`editedAt`); tags
 * merge as sets, and a tag the user removed stays removed (`removedTags`) unless the other version's tags
 * were changed after; two different notes are never made one without both texts in it (`combineNotes`),
 * and an edit made on an older text never replaces a newer one. A citation key, once there, is never
 * replaced, and a key another paper uses is never given. A lookup is not an edit and leaves `updatedAt`
 * alone. The type makes every field of `Paper` need a row for every occasion, so none is forgotten.
 *
 * Pure: the writes are lib/db/papers.ts's, lib/db/library-files.ts's and lib/db/lookup-answers.ts's.
 */
import { absUrl, huggingFaceUrl } from '@/lib/model/arxiv-id';
import { findLinks, MAX_CODE_LINKS, ownCode } from '@/lib/model/code-links';
import { foldLetters } from '@/lib/model/fold';
import type { ImportedPaper } from '@/lib/model/imports';
import type { ArxivRecord, HfFound, LookupFound } from '@/lib/model/lookup';
import { combineNotes } from '@/lib/model/notes';
import {
  MAX_NOTES,
  MAX_REMOVED_TAGS,
  MAX_TAGS,
  type EditTimes,
  type NotesEdit,
  type Paper,
  type PaperEdit,
  type PaperLookupInfo,
  type PaperMetadata,
  type PaperSource,
} from '@/lib/model/paper';

/** The other version, as each occasion brings it. */
export interface Offers {
  resave: { page: PaperMetadata; now: number };
  /** `keyTaken` (import, restore): whether another paper of the library uses this citation key already. */
  import: { entry: ImportedPaper; now: number; keyTaken: KeyTaken };
  restore: { copy: Paper; keyTaken: KeyTaken };
  lookup: { found: LookupFound; now: number };
  edit: { edit: PaperEdit; now: number };
}
export type Occasion = keyof Offers;
type KeyTaken = (key: string) => boolean;

/** The other version's citation key, unless another paper uses it already (BibTeX needs keys unique). */
const freeKey = (key: string | undefined, keyTaken: KeyTaken) => (key && !keyTaken(key) ? key : undefined);

/** One field's rule on one occasion. `merged` holds the fields of the rows above, already decided. */
type Rule<O extends Occasion, F extends keyof Paper> = (stored: Paper, offer: Offers[O], merged: Readonly<Partial<Paper>>) => Paper[F];
type Policy = { [F in keyof Paper]-?: { [O in Occasion]: Rule<O, F> } };

type Links = Paper['links'];

/** The stored value, untouched. */
const kept =
  <F extends keyof Paper>(field: F) =>
  (stored: Paper): Paper[F] =>
    stored[field];

/** In a restore, the copy edited last (by `updatedAt`), then the other. */
function byEdit(stored: Paper, { copy }: Offers['restore']): [newer: Paper, older: Paper] {
  return copy.updatedAt > stored.updatedAt ? [copy, stored] : [stored, copy];
}

/** When the user last changed `field` of the paper; -1 when unknown (saved before edit times were kept). */
const editedAt = (paper: Paper, field: keyof EditTimes) => paper.editedAt?.[field] ?? -1;

/** In a restore, the copy whose `field` was edited last; by `updatedAt` when either time is unknown. */
function byFieldEdit(stored: Paper, offer: Offers['restore'], field: keyof EditTimes): Paper {
  const [storedAt, copyAt] = [editedAt(stored, field), editedAt(offer.copy, field)];
  if (storedAt < 0 || copyAt < 0) return byEdit(stored, offer)[0];
  return copyAt > storedAt ? offer.copy : stored;
}

/** In a restore, the copy saved first: where and when the paper was first saved stays the earliest. */
const firstSaved = (stored: Paper, { copy }: Offers['restore']) => (copy.savedAt < stored.savedAt ? copy : stored);

/**
 * Metadata completed, not replaced: `fill(primary, secondary)` keeps what the primary version has. A page or a
 * BibTeX entry completes the stored paper; in a restore the newer copy is completed by the older. The user's
 * edits do not touch metadata.
 */
function completed<F extends keyof PaperMetadata>(field: F, fill: (primary: PaperMetadata, secondary: PaperMetadata) => Paper[F]) {
  return {
    resave: (stored: Paper, { page }: Offers['resave']) => fill(stored, page),
    import: (stored: Paper, { entry }: Offers['import']) => fill(stored, entry.metadata),
    restore: (stored: Paper, offer: Offers['restore']) => fill(...byEdit(stored, offer)),
    edit: kept(field),
  };
}

const nonEmpty = <T>(list: T[], otherwise: T[]) => (list.length > 0 ? list : otherwise);
const union = <T>(first: readonly T[], second: readonly T[]) => [...new Set([...first, ...second])];
const hasText = (text: string | undefined): text is string => text !== undefined && text.trim() !== '';
const arxivOf = (found: LookupFound): ArxivRecord | undefined => (found.arxiv === 'unknown' ? undefined : found.arxiv);
const huggingFaceOf = (found: LookupFound): HfFound | undefined => (found.hf?.kind === 'found' ? found.hf : undefined);
const lastChecked = ({ lookup }: Paper) => Math.max(lookup?.arxivCheckedAt ?? -1, lookup?.huggingfaceCheckedAt ?? -1);

/** Links as stored: the origins (lib/model/code-links.ts) of each kept link, from every version that named it. */
function links(huggingface: string | undefined, code: string[], projectPage: string | undefined, ...known: Origins[]): Links {
  const origins: NonNullable<Origins> = {};
  for (const url of projectPage ? [...code, projectPage] : code) {
    const lists = known.flatMap((origin) => (origin?.[url] ? [origin[url]] : []));
    // Named as the paper's own by any version: it is (findLinks does the same within one text).
    const ownSomewhere = lists.some((list) => !list.includes('cited'));
    const kept = [...new Set(lists.flat())].filter((origin) => !(ownSomewhere && origin === 'cited'));
    if (kept.length > 0) origins[url] = kept;
  }
  // The paper's own repositories first, then those it names as others' work, each group in its order.
  const ordered = [...ownCode({ code, origins }), ...code.filter((url) => origins[url]?.includes('cited'))];
  return withoutUndefined({ huggingface, code: ordered, projectPage, origins: Object.keys(origins).length > 0 ? origins : undefined });
}
type Origins = Links['origins'];

/** The fields a lookup may change that a reader sees; a change of any stamps `lookup.changedAt`. */
const SHOWN_BY_LOOKUPS = ['authors', 'abstract', 'published', 'primaryCategory', 'links'] as const;

const POLICY: Policy = {
  id: { resave: kept('id'), import: kept('id'), restore: kept('id'), lookup: kept('id'), edit: kept('id') },
  title: { ...completed('title', (primary, secondary) => primary.title || secondary.title), lookup: kept('title') },
  authors: {
    ...completed('authors', (primary, secondary) => nonEmpty(primary.authors, secondary.authors)),
    // The one replacement: a listing's "et al." list gives way to arXiv's full list that contains it.
    lookup: (stored, { found }) => {
      const arxiv = arxivOf(found);
      return arxiv && isRicherAuthorList(arxiv.authors, stored.authors) ? arxiv.authors : stored.authors;
    },
  },
  abstract: {
    ...completed('abstract', (primary, secondary) => primary.abstract ?? secondary.abstract),
    lookup: (stored, { found }) => (hasText(stored.abstract) ? stored.abstract : (arxivOf(found)?.abstract ?? stored.abstract)),
  },
  published: {
    ...completed('published', (primary, secondary) => primary.published ?? secondary.published),
    lookup: (stored, { found }) => stored.published ?? arxivOf(found)?.published,
  },
  primaryCategory: {
    ...completed('primaryCategory', (primary, secondary) => primary.primaryCategory ?? secondary.primaryCategory),
    lookup: (stored, { found }) => stored.primaryCategory ?? arxivOf(found)?.primaryCategory,
  },
  links: {
    resave: (stored, { page }) => linksUnited(stored.links, page.links),
    import: (stored, { entry }) => linksUnited(stored.links, entry.metadata.links),
    // The newer copy's repositories as a whole: a list the user or a lookup settled is not mixed with an older one.
    restore: (stored, offer) => {
      const [newer, older] = byEdit(stored, offer);
      return links(
        newer.links.huggingface ?? older.links.huggingface,
        nonEmpty(newer.links.code, older.links.code),
        newer.links.projectPage ?? older.links.projectPage,
        newer.links.origins,
        older.links.origins,
      );
    },
    lookup: (stored, { found }) => {
      const arxiv = arxivOf(found);
      const hf = huggingFaceOf(found);
      const fromHuggingFace = Object.fromEntries(
        [hf?.githubRepo, hf?.projectPage].flatMap((url) => (url ? [[url, ['huggingface' as const]]] : [])),
      );
      return links(
        // Hugging Face knowing the paper means its paper page exists.
        stored.links.huggingface ?? (hf ? huggingFaceUrl(stored.id) : undefined),
        withCode(stored.links.code, [...(hf?.githubRepo ? [hf.githubRepo] : []), ...(arxiv?.code ?? [])]),
        // Hugging Face's project page is one a person set; arXiv's is the first other link in the text.
        stored.links.projectPage ?? hf?.projectPage ?? arxiv?.projectPage,
        stored.links.origins,
        fromHuggingFace,
        arxiv?.origins,
      );
    },
    edit: kept('links'),
  },
  source: {
    resave: kept('source'),
    import: kept('source'),
    restore: (stored, offer) => firstSaved(stored, offer).source,
    lookup: kept('source'),
    edit: kept('source'),
  },
  // Sets: an import adds the file's tags; a restore unites both copies' but for tags one removed after the other's were set.
  tags: {
    resave: kept('tags'),
    import: (stored, { entry }) => union(stored.tags, entry.tags ?? []),
    restore: (stored, { copy }) => union(tagsKept(stored, copy), tagsKept(copy, stored)),
    lookup: kept('tags'),
    edit: (stored, { edit }) => {
      const removed = new Set((edit.removeTags ?? []).map((tag) => tag.trim()));
      const added = (edit.addTags ?? []).map((tag) => tag.trim()).filter(Boolean);
      return union(stored.tags, added).filter((tag) => !removed.has(tag));
    },
  },
  status: {
    resave: kept('status'),
    import: kept('status'),
    restore: (stored, offer) => byFieldEdit(stored, offer, 'status').status,
    lookup: kept('status'),
    edit: (stored, { edit }) => edit.status ?? stored.status,
  },
  // Never one text for two without both in it: an import's notes join the user's, and so do a restore's,
  // except that notes the user emptied after the other copy was written stay empty.
  notes: {
    resave: kept('notes'),
    import: (stored, { entry }) => combineNotes(stored.notes, entry.notes ?? '').text,
    restore: (stored, { copy }) => {
      const [storedAt, copyAt] = [editedAt(stored, 'notes'), editedAt(copy, 'notes')];
      if (!hasText(stored.notes) && storedAt > copyAt) return stored.notes;
      if (!hasText(copy.notes) && copyAt > storedAt) return copy.notes;
      return combineNotes(stored.notes, copy.notes).text;
    },
    lookup: kept('notes'),
    edit: (stored, { edit }) => (edit.notes ? editedNotes(stored.notes, edit.notes) : stored.notes),
  },
  // A key may be in the user's .tex files: once there it is never replaced, and one taken by another paper is not given.
  citationKey: {
    resave: kept('citationKey'),
    import: (stored, { entry, keyTaken }) => stored.citationKey ?? freeKey(entry.citationKey, keyTaken),
    restore: (stored, { copy, keyTaken }) => stored.citationKey ?? freeKey(copy.citationKey, keyTaken),
    lookup: kept('citationKey'),
    edit: kept('citationKey'),
  },
  savedAt: {
    resave: kept('savedAt'),
    import: kept('savedAt'),
    restore: (stored, offer) => firstSaved(stored, offer).savedAt,
    lookup: kept('savedAt'),
    edit: kept('savedAt'),
  },
  // When each user field last changed: stamped by the user's doing (an edit, an import), the later of both in a restore.
  editedAt: {
    resave: kept('editedAt'),
    import: (stored, { now }, merged) => stampEdits(stored, merged, now),
    restore: (stored, { copy }) => laterEdits(stored.editedAt, copy.editedAt),
    lookup: kept('editedAt'),
    edit: (stored, { now }, merged) => stampEdits(stored, merged, now),
  },
  // Tombstones of removed tags: a removal is remembered, a tag that is there again is not removed.
  removedTags: {
    resave: kept('removedTags'),
    import: (stored, _offer, merged) => removedTags([stored.removedTags], merged.tags!),
    restore: (stored, { copy }, merged) => removedTags([stored.removedTags, copy.removedTags], merged.tags!),
    lookup: kept('removedTags'),
    edit: (stored, { now }, merged) =>
      removedTags(
        [stored.removedTags, Object.fromEntries(stored.tags.filter((tag) => !merged.tags!.includes(tag)).map((tag) => [tag, now]))],
        merged.tags!,
      ),
  },
  // What the services learned: kept from the copy a service answered for last, and merged by a lookup.
  lookup: {
    resave: kept('lookup'),
    import: kept('lookup'),
    restore: (stored, { copy }) => (lastChecked(copy) > lastChecked(stored) ? copy.lookup : stored.lookup),
    lookup: (stored, { found, now }, merged) => lookupInfo(stored, found, now, merged),
    edit: kept('lookup'),
  },
  // The time of the user's last save or edit (note drafts and restores compare it), so last.
  updatedAt: {
    resave: (_stored, { now }) => now,
    import: (stored, { now }, merged) => (same({ ...merged, updatedAt: stored.updatedAt }, stored) ? stored.updatedAt : now),
    restore: (stored, { copy }) => Math.max(stored.updatedAt, copy.updatedAt),
    lookup: kept('updatedAt'),
    edit: (stored, { now }, merged) => (same({ ...merged, updatedAt: stored.updatedAt }, stored) ? stored.updatedAt : now),
  },
};

/** The rows in the order they are decided: these read the others (`merged`), so they come last. */
const DECIDED_LAST: (keyof Paper)[] = ['editedAt', 'removedTags', 'lookup', 'updatedAt'];
const FIELDS_IN_ORDER = [...(Object.keys(POLICY) as (keyof Paper)[]).filter((field) => !DECIDED_LAST.includes(field)), ...DECIDED_LAST];

/**
 * `stored` combined with the other version, as `POLICY` rules for `occasion`. Returns `stored` itself when
 * nothing changed, so the caller can skip the write (and count the paper as unchanged).
 */
export function mergeVersions<O extends Occasion>(occasion: O, stored: Paper, offer: Offers[O]): Paper {
  const merged: Partial<Record<keyof Paper, unknown>> = {};
  for (const field of FIELDS_IN_ORDER) {
    const rule = POLICY[field][occasion] as Rule<O, typeof field>;
    const value = rule(stored, offer, merged as Partial<Paper>);
    if (value !== undefined) merged[field] = value;
  }
  withinLimits(merged as Paper);
  return same(merged, stored) ? stored : (merged as Paper);
}

/**
 * Two versions united can pass what one paper may hold: more tags than `MAX_TAGS`, or both notes kept
 * together longer than `MAX_NOTES`. Nothing is cut (that would lose what the user wrote): the write is
 * refused, with the paper named, and its transaction leaves the library as it was.
 */
function withinLimits(paper: Paper): void {
  if (paper.tags.length > MAX_TAGS) {
    throw new RangeError(`${paper.id} would have ${paper.tags.length} tags; a paper has at most ${MAX_TAGS}`);
  }
  if (paper.notes.length > MAX_NOTES) {
    throw new RangeError(
      `the notes of ${paper.id} would be ${paper.notes.length.toLocaleString('en')} characters long with both texts kept; notes are at most ${MAX_NOTES.toLocaleString('en')}`,
    );
  }
}

/** The paper completed with what the services said; `now` stamps the services that answered. */
export const mergeLookup = (paper: Paper, found: LookupFound, now: number): Paper => mergeVersions('lookup', paper, { found, now });

// ---------------------------------------------------------------------------------------------------------
// The first version: a paper that was not saved yet.

/** Saved from a page. */
export const paperFromPage = (page: PaperMetadata, source: PaperSource, now: number): Paper => ({
  ...page,
  source,
  tags: [],
  status: 'unread',
  notes: '',
  savedAt: now,
  updatedAt: now,
});

/** Added by a BibTeX import: saved "from" its abstract page. */
export const paperFromImport = ({ metadata, notes, tags, citationKey }: ImportedPaper, now: number, keyTaken: KeyTaken): Paper =>
  withoutUndefined({
    ...metadata,
    source: { site: 'bibtex-import', url: absUrl(metadata.id) },
    tags: tags ?? [],
    status: 'unread',
    notes: notes ?? '',
    citationKey: freeKey(citationKey, keyTaken),
    savedAt: now,
    updatedAt: now,
  });

/** Added by a restore, as the backup has it, except a citation key another paper uses already. */
export const paperFromBackup = (copy: Paper, keyTaken: KeyTaken): Paper =>
  withoutUndefined({ ...copy, citationKey: freeKey(copy.citationKey, keyTaken) });

// ---------------------------------------------------------------------------------------------------------
// Restoring a whole backup

export interface MergeResult {
  /** The papers to put into the database: the added and the updated ones, nothing else. */
  toWrite: Paper[];
  added: number;
  updated: number;
  unchanged: number;
  /** Papers whose two different notes were both kept, joined (the user should look at them). */
  notesKeptBoth: number;
}

/**
 * Restoring a backup into a library that may already hold some of its papers: papers not present are added,
 * papers present are merged (the `restore` rules). Citation keys stay unique: an incoming key that another
 * paper already uses is dropped, and the paper gets a fresh key at its next export.
 */
export function mergeBackup(existing: readonly Paper[], incoming: readonly Paper[]): MergeResult {
  const current = new Map(existing.map((paper) => [paper.id, paper]));
  const keyOwner = new Map<string, string>();
  for (const paper of existing) if (paper.citationKey) keyOwner.set(paper.citationKey.toLowerCase(), paper.id);
  const keyTakenBesides = (id: string) => (key: string) => {
    const owner = keyOwner.get(key.toLowerCase());
    return owner !== undefined && owner !== id;
  };

  const result: MergeResult = { toWrite: [], added: 0, updated: 0, unchanged: 0, notesKeptBoth: 0 };
  for (const copy of incoming) {
    const before = current.get(copy.id);
    const keyTaken = keyTakenBesides(copy.id);
    const after = before ? mergeVersions('restore', before, { copy, keyTaken }) : paperFromBackup(copy, keyTaken);
    if (after === before) {
      result.unchanged++;
      continue;
    }
    if (before) result.updated++;
    else result.added++;
    if (before && notesJoined(before, copy, after)) result.notesKeptBoth++;
    if (after.citationKey) keyOwner.set(after.citationKey.toLowerCase(), after.id);
    current.set(after.id, after);
    result.toWrite.push(after);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// Helpers of the rules

/**
 * An edit's notes over the stored ones: written when the stored text is the one the edit was made on (or is
 * the edit already); otherwise the stored text stays (the editor shows both and asks), or both are kept.
 */
function editedNotes(stored: string, { text, base, onConflict }: NotesEdit): string {
  if (stored === base || stored === text) return text;
  return onConflict === 'keep-both' ? combineNotes(stored, text).text : stored;
}

/** Whether a merge's notes are both versions' joined (neither's text as it was). */
export const notesJoined = (stored: Paper, otherNotes: { notes?: string }, merged: Paper): boolean =>
  merged.notes !== stored.notes && merged.notes !== (otherNotes.notes ?? '');

/** Whether an edit of the notes found a newer text than it was made on and left it, for the user to decide. */
export const notesConflict = (edit: PaperEdit, merged: Paper): boolean =>
  edit.notes !== undefined && edit.notes.onConflict !== 'keep-both' && merged.notes !== edit.notes.text;

/** `holder`'s tags but those `other` removed after `holder`'s tags were last set. */
function tagsKept(holder: Paper, other: Paper): string[] {
  const setAt = editedAt(holder, 'tags');
  return holder.tags.filter((tag) => {
    // Own keys only: a tag may be called "constructor".
    const removedAt = other.removedTags && Object.hasOwn(other.removedTags, tag) ? other.removedTags[tag]! : undefined;
    return removedAt === undefined || setAt > removedAt;
  });
}

const USER_FIELDS = ['notes', 'tags', 'status'] as const;

/** The stored edit times, with `now` for each user field the merge changed. */
function stampEdits(stored: Paper, merged: Readonly<Partial<Paper>>, now: number): EditTimes | undefined {
  const changed = USER_FIELDS.filter((field) => !same(merged[field], stored[field]));
  return changed.length === 0 ? stored.editedAt : { ...stored.editedAt, ...Object.fromEntries(changed.map((field) => [field, now])) };
}

function laterEdits(first: EditTimes | undefined, second: EditTimes | undefined): EditTimes | undefined {
  if (!first || !second) return first ?? second;
  return withoutUndefined(
    Object.fromEntries(
      USER_FIELDS.map((field) => [
        field,
        first[field] === undefined && second[field] === undefined ? undefined : Math.max(first[field] ?? -1, second[field] ?? -1),
      ]),
    ),
  );
}

/** Removed tags from every list, each at its latest removal, without the tags present; the newest removals up to the cap. */
function removedTags(lists: (Paper['removedTags'] | undefined)[], present: readonly string[]): Paper['removedTags'] {
  const removed = new Map<string, number>();
  for (const [tag, at] of lists.flatMap((list) => Object.entries(list ?? {}))) removed.set(tag, Math.max(at, removed.get(tag) ?? -1));
  for (const tag of present) removed.delete(tag);
  const newest = [...removed].sort(([, a], [, b]) => b - a).slice(0, MAX_REMOVED_TAGS);
  return newest.length > 0 ? Object.fromEntries(newest) : undefined;
}

/** Stored links first, the other version's after them (a page or an entry may know a repository we lack). */
function linksUnited(stored: Links, other: PaperMetadata['links']): Links {
  return links(
    stored.huggingface ?? other.huggingface,
    withCode(stored.code, other.code),
    stored.projectPage ?? other.projectPage,
    stored.origins,
    other.origins,
  );
}

/** Stored links first and as written; new ones only when their repository is not there yet, up to the schema's cap. */
function withCode(stored: string[], found: string[]): string[] {
  const key = (link: string) => (findLinks([link]).code[0] ?? link).toLowerCase();
  const seen = new Set(stored.map(key));
  const code = [...stored];
  for (const link of found) {
    if (code.length >= MAX_CODE_LINKS) break;
    if (!seen.has(key(link))) {
      seen.add(key(link));
      code.push(link);
    }
  }
  return code.length === stored.length ? stored : code;
}

/** What the services learned, stamped with when each answered, and when what a reader sees last changed. */
function lookupInfo(stored: Paper, found: LookupFound, now: number, merged: Readonly<Partial<Paper>>): PaperLookupInfo | undefined {
  const arxiv = arxivOf(found);
  const hf = huggingFaceOf(found);
  const before = stored.lookup ?? {};
  const learned = {
    doi: before.doi ?? arxiv?.doi,
    // Counts are live numbers: the newest answer wins.
    // Stars for the repositories Hugging Face named last, as many as a paper may link (an old record keeps reading).
    githubStars:
      hf?.githubRepo && hf.githubStars !== undefined
        ? Object.fromEntries(Object.entries({ ...before.githubStars, [hf.githubRepo]: hf.githubStars }).slice(-MAX_CODE_LINKS))
        : before.githubStars,
    upvotes: hf?.upvotes ?? before.upvotes,
    // So is what arXiv says of the latest version: the newest answer replaces the last.
    arxiv: arxiv ? arxivDetails(arxiv) : before.arxiv,
  };
  const changed =
    SHOWN_BY_LOOKUPS.some((field) => !same(merged[field], stored[field])) ||
    !same(learned, { doi: before.doi, githubStars: before.githubStars, upvotes: before.upvotes, arxiv: before.arxiv });
  // A repository Hugging Face names now, for a paper it had been asked about before and knew no code for:
  // code that appeared since. (arXiv's comments and abstract do not count: arXiv is asked once, and what it
  // says was there from the start.)
  const codeAppeared =
    hf?.githubRepo !== undefined &&
    before.huggingfaceCheckedAt !== undefined &&
    ownCode(stored.links).length === 0 &&
    merged.links !== undefined &&
    ownCode(merged.links).length > 0;
  const info = withoutUndefined({
    ...before,
    ...learned,
    codeAppearedAt: codeAppeared ? now : before.codeAppearedAt,
    arxivCheckedAt: found.arxiv ? now : before.arxivCheckedAt,
    huggingfaceCheckedAt: found.hf ? now : before.huggingfaceCheckedAt,
    changedAt: changed ? now : before.changedAt,
  });
  // Nothing answered and nothing learned: the paper stays as it was, without an empty `lookup`.
  return same(info, before) ? stored.lookup : info;
}

/** What an arXiv answer says beyond the fields a paper shows, as `lookup.arxiv` keeps it; undefined for nothing. */
function arxivDetails(record: ArxivRecord): PaperLookupInfo['arxiv'] {
  const details = withoutUndefined({
    version: record.version,
    updated: record.updated,
    categories: record.categories.length > 0 ? record.categories : undefined,
    comments: record.comments,
    journalRef: record.journalRef,
  });
  return Object.keys(details).length > 0 ? details : undefined;
}

/**
 * Whether arXiv's list should replace the stored one: it is longer and names everyone the stored list
 * names (an empty list, or a listing's first authors before "et al."). Names compare by their words,
 * so "Müller, Łukasz" (a BibTeX import) matches "Łukasz Müller"; a list naming someone arXiv does not
 * came from elsewhere and stays.
 */
export function isRicherAuthorList(arxiv: string[], stored: string[]): boolean {
  const named = stored.filter((name) => !/^(?:et al\.?|others|…)$/i.test(name.trim()));
  if (arxiv.length <= named.length) return false;
  const known = new Set(arxiv.map(nameKey));
  return named.every((name) => known.has(nameKey(name)));
}

const nameKey = (name: string) =>
  foldLetters(name.toLowerCase())
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .sort()
    .join(' ');

/** Deep equality as stored data means it: key order and absent-versus-undefined do not count. */
const same = (a: unknown, b: unknown) => JSON.stringify(a, sortedKeys) === JSON.stringify(b, sortedKeys);
const sortedKeys = (_: string, value: unknown) =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(
        Object.entries(value)
          .filter(([, v]) => v !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      )
    : value;

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
