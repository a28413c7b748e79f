// zod/mini: the popup's first paint waits for its script, and the full zod API would double its size.
import * as z from 'zod/mini';
import { ownCode } from '@/lib/model/code-links';
import { foldLetters } from '@/lib/model/fold';
import type { Paper } from '@/lib/model/paper';

/**
 * What the popup and the library page show of the saved papers: the search, the filters and the sort
 * (issue #4). Pure: papers and choices in, papers out. Fast enough for 10,000 papers per keystroke:
 * every paper's searchable text is folded once and cached, sorting happens only when the papers or the
 * sort change, and a query that refines the previous one searches only the previous result.
 */

export const SortOrder = z.enum(['saved', 'published', 'title']);
export type SortOrder = z.infer<typeof SortOrder>;

export const StatusFilter = z.enum(['all', 'unread', 'reading', 'read']);
export type StatusFilter = z.infer<typeof StatusFilter>;

export const ViewChoices = z.object({
  status: z.catch(StatusFilter, 'all'),
  /** Show only papers with this tag; null for every paper. */
  tag: z.catch(z.nullable(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))), null),
  hasCode: z.catch(z.boolean(), false),
  /** Only papers whose code appeared since they were saved (issue #8). */
  newCode: z.catch(z.boolean(), false),
  sort: z.catch(SortOrder, 'saved'),
});
export type ViewChoices = z.infer<typeof ViewChoices>;

export const DEFAULT_VIEW: ViewChoices = { status: 'all', tag: null, hasCode: false, newCode: false, sort: 'saved' };

/** Stored choices, each field falling back to its default when missing or malformed (an older version's value). */
export function parseViewChoices(stored: unknown): ViewChoices {
  const parsed = ViewChoices.safeParse({ ...DEFAULT_VIEW, ...(typeof stored === 'object' && stored ? stored : {}) });
  return parsed.success ? parsed.data : DEFAULT_VIEW;
}

/** True when the choices narrow the list (the sort alone does not). */
export function isFiltered(view: ViewChoices, query = ''): boolean {
  return view.status !== 'all' || view.tag !== null || view.hasCode || view.newCode || queryWords(query).length > 0;
}

const ASCII_ONLY = /^\p{ASCII}*$/u;

/** Each character folded once (lib/model/fold.ts: `é` → `e`, `ﬁ` → `fi`, `ł` → `l`). */
const foldedCharacters = new Map<string, string>();
function foldCharacter(character: string): string {
  let folded = foldedCharacters.get(character);
  if (folded === undefined) {
    folded = foldLetters(character);
    foldedCharacters.set(character, folded);
  }
  return folded;
}

/** Text as search compares it: lower case, accents and ligatures dropped (`Müller` → `muller`). */
export function foldForSearch(text: string): string {
  const lower = text.toLowerCase();
  if (ASCII_ONLY.test(lower)) return lower;
  // The rest is mostly ASCII with a few accented letters: copying the ASCII runs and folding the other
  // characters one by one from a table is several times faster than normalizing whole strings.
  let folded = '';
  let copiedTo = 0;
  for (let index = 0; index < lower.length; index++) {
    if (lower.charCodeAt(index) < 0x80) continue;
    const character = String.fromCodePoint(lower.codePointAt(index)!);
    folded += lower.slice(copiedTo, index) + foldCharacter(character);
    index += character.length - 1;
    copiedTo = index + 1;
  }
  return folded + lower.slice(copiedTo);
}

/** The words of a query, folded; a paper matches when its text contains every one. */
export function queryWords(query: string): string[] {
  return foldForSearch(query).split(/\s+/).filter(Boolean);
}

/** The text a query is matched against: title, authors, abstract, notes and tags. */
function searchableText(paper: Paper): string {
  // Field by field: an accented author name does not send the whole abstract down the slower path.
  return [paper.title, paper.authors.join('\n'), paper.abstract ?? '', paper.notes, paper.tags.join('\n')].map(foldForSearch).join('\n');
}

/**
 * Folded text per paper, computed once per version of the paper. The live query hands over fresh
 * objects after every write, so the cache is keyed by id and checked against the paper's version:
 * `updatedAt` for the user's edits, `lookup.changedAt` for what a lookup filled in (issue #6: authors
 * and abstracts arrive without an edit).
 */
export class SearchIndex {
  private readonly entries = new Map<string, { version: string; text: string }>();
  /** The same text by the paper object itself: the list keeps its objects between keystrokes, and this skips building the version. */
  private readonly byObject = new WeakMap<Paper, string>();

  textOf(paper: Paper): string {
    const known = this.byObject.get(paper);
    if (known !== undefined) return known;
    const cached = this.entries.get(paper.id);
    const version = `${paper.savedAt}:${paper.updatedAt}:${paper.lookup?.changedAt ?? ''}`;
    const text = cached?.version === version ? cached.text : searchableText(paper);
    if (cached?.version !== version) this.entries.set(paper.id, { version, text });
    this.byObject.set(paper, text);
    return text;
  }

  /** Folds every paper not folded yet, so that the first keystroke does not pay for it. */
  prepare(papers: readonly Paper[]): void {
    for (const paper of papers) this.textOf(paper);
    if (this.entries.size > papers.length * 2) this.prune(papers);
  }

  /**
   * The same in slices of `slice` papers, each in its own task, so the page stays responsive meanwhile
   * (folding 10,000 papers at once blocks it for ~50 ms). Returns a function that stops it.
   */
  prepareInSlices(papers: readonly Paper[], slice = 1000, schedule: (run: () => void) => void = (run) => setTimeout(run, 0)): () => void {
    let stopped = false;
    const step = (from: number) => {
      if (stopped) return;
      const to = Math.min(papers.length, from + slice);
      for (let index = from; index < to; index++) this.textOf(papers[index]!);
      if (to < papers.length) schedule(() => step(to));
      else if (this.entries.size > papers.length * 2) this.prune(papers);
    };
    schedule(() => step(0));
    return () => {
      stopped = true;
    };
  }

  private prune(papers: readonly Paper[]): void {
    const live = new Set(papers.map((paper) => paper.id));
    for (const id of this.entries.keys()) if (!live.has(id)) this.entries.delete(id);
  }
}

const titleCollator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * Papers in the chosen order: newest saved first; newest published first (papers without a date
 * last, then newest saved); or by title A–Z. Returns a new array.
 */
export function sortPapers(papers: readonly Paper[], sort: SortOrder): Paper[] {
  const sorted = [...papers];
  const bySaved = (a: Paper, b: Paper) => b.savedAt - a.savedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  switch (sort) {
    case 'saved':
      return sorted.sort(bySaved);
    case 'published':
      return sorted.sort((a, b) => {
        if (a.published !== b.published) {
          if (a.published === undefined) return 1;
          if (b.published === undefined) return -1;
          return a.published < b.published ? 1 : -1;
        }
        return bySaved(a, b);
      });
    case 'title':
      return sorted.sort((a, b) => titleCollator.compare(a.title, b.title) || bySaved(a, b));
  }
}

/** The status, tag and code filters ("has code": the paper's own; "new code": appeared since saved), keeping the order. */
export function filterPapers(papers: readonly Paper[], view: Pick<ViewChoices, 'status' | 'tag' | 'hasCode' | 'newCode'>): Paper[] {
  if (view.status === 'all' && view.tag === null && !view.hasCode && !view.newCode) return papers as Paper[];
  return papers.filter(
    (paper) =>
      (view.status === 'all' || paper.status === view.status) &&
      (view.tag === null || paper.tags.includes(view.tag)) &&
      (!view.hasCode || ownCode(paper.links).length > 0) &&
      (!view.newCode || paper.lookup?.codeAppearedAt !== undefined),
  );
}

/** True when every paper matching `next` also matches `previous`, so only previous matches need a look. */
function refines(next: readonly string[], previous: readonly string[]): boolean {
  return previous.every((word) => next.some((candidate) => candidate.includes(word)));
}

/** What a search has found so far, in the list's order, and whether it has looked at every paper. */
export interface SearchProgress {
  papers: Paper[];
  complete: boolean;
}

/**
 * Text search over an already filtered and sorted list, keeping its order. Remembers its last answer:
 * typing one more letter narrows the previous matches instead of the whole library. The list's texts are
 * gathered once per list, and matches are kept as positions in it: at 100,000 papers a keystroke is then
 * one `includes` per candidate and word (issue #12).
 *
 * A search can pause (`shouldPause`) and go on (`resume`): it walks the list in its order, so what it has
 * found when it pauses is the top of the final answer, and the rows on screen are already right. At 100,000
 * papers whose texts are not folded yet, a full pass takes most of a second; the popup shows the first
 * screen of matches within the frame and finds the rest in the tasks after it.
 */
export class PaperSearch {
  private texts: { papers: readonly Paper[]; texts: (string | undefined)[] } | null = null;
  private run: {
    papers: readonly Paper[];
    words: string[];
    /** Positions found to match so far, ascending. */
    matches: number[];
    /** Positions still to check before the scan, ascending: the previous search's matches when narrowing. */
    candidates: number[];
    nextCandidate: number;
    /** Every position from here on is still to check. */
    scanFrom: number;
  } | null = null;

  /**
   * @param checkEvery how many papers it looks at between two questions to `shouldPause`: one paper takes
   *   well under a microsecond once folded, a clock read is not much less
   */
  constructor(
    private readonly index: SearchIndex = new SearchIndex(),
    private readonly checkEvery = 64,
  ) {}

  /** Starts a search for `query` over `papers`; without `shouldPause`, it runs to the end. */
  search(papers: readonly Paper[], query: string, shouldPause: () => boolean = () => false): SearchProgress {
    const words = queryWords(query);
    if (words.length === 0) {
      this.run = null;
      return { papers: papers as Paper[], complete: true };
    }
    if (this.texts?.papers !== papers) this.texts = { papers, texts: new Array<string | undefined>(papers.length) };
    const last = this.run;
    this.run =
      last && last.papers === papers && refines(words, last.words)
        ? {
            papers,
            words,
            matches: [],
            candidates: [...last.matches, ...last.candidates.slice(last.nextCandidate)],
            nextCandidate: 0,
            scanFrom: last.scanFrom,
          }
        : { papers, words, matches: [], candidates: [], nextCandidate: 0, scanFrom: 0 };
    return this.resume(shouldPause);
  }

  /** Goes on with the last search where it paused. */
  resume(shouldPause: () => boolean = () => false): SearchProgress {
    const run = this.run;
    if (!run || !this.texts) throw new Error('no search to resume');
    const { papers, words, matches, candidates } = run;
    const texts = this.texts.texts;
    const matchesAll = (position: number) => {
      const text = (texts[position] ??= this.index.textOf(papers[position]!));
      for (const word of words) if (!text.includes(word)) return false;
      return true;
    };
    let sinceCheck = 0;
    const pause = () => ++sinceCheck % this.checkEvery === 0 && shouldPause();
    while (run.nextCandidate < candidates.length) {
      const position = candidates[run.nextCandidate++]!;
      if (matchesAll(position)) matches.push(position);
      if (pause()) return this.progress();
    }
    while (run.scanFrom < papers.length) {
      const position = run.scanFrom++;
      if (matchesAll(position)) matches.push(position);
      if (pause()) return this.progress();
    }
    return this.progress();
  }

  private progress(): SearchProgress {
    const { papers, matches, scanFrom, nextCandidate, candidates } = this.run!;
    return {
      papers: matches.map((position) => papers[position]!),
      complete: scanFrom >= papers.length && nextCandidate >= candidates.length,
    };
  }
}

export interface TagCount {
  tag: string;
  count: number;
}

/** Every tag in use, most used first, then alphabetically: the tag filter's choices and the autocomplete. */
export function tagCounts(papers: readonly Paper[]): TagCount[] {
  const counts = new Map<string, number>();
  for (const paper of papers) for (const tag of paper.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || titleCollator.compare(a.tag, b.tag));
}
