/**
 * What every export says the same way of a paper (BibTeX, and the item handed to Zotero): when it appeared,
 * its DOI, its arXiv categories, and which word of an author's name is no surname.
 */
import { issuedMonth } from '@/lib/model/arxiv-id';
import type { Paper } from '@/lib/model/paper';

/**
 * When a paper appeared: its publication date (`YYYY-MM-DD`), else the month its arXiv id was issued in
 * (`YYYY-MM`); undefined for neither.
 */
export function paperDate(paper: Paper): string | undefined {
  if (paper.published) return paper.published;
  const issued = issuedMonth(paper.id);
  return issued && `${issued.year}-${String(issued.month).padStart(2, '0')}`;
}

/** What ends a name without being its surname: `Martin Luther King Jr.`, `Henry Ford II`. */
export const NAME_SUFFIX = /^(jr|sr|ii|iii|iv)\.?$/i;

// A DOI in the characters Crossref recommends: none that could break a field or TeX (no space, brace,
// backslash, `%`, `#`, `&`, `~`, `^` or `$`). A journal DOI with others is not written; arXiv's is.
const DOI = /^10\.\d{4,9}\/[-._;()/:A-Za-z0-9]+$/;

/** The journal version's DOI when arXiv (or a backup) gave one and it is a DOI; arXiv's own DataCite DOI otherwise. */
export function paperDoi(paper: Paper): string {
  const journalDoi = paper.lookup?.doi;
  return journalDoi && DOI.test(journalDoi) ? journalDoi : `10.48550/arXiv.${paper.id}`;
}

const CATEGORY = /^[a-z-]+(\.[A-Za-z-]+)?$/i;

/** The primary category in the shape arXiv uses (`cs.LG`), which needs no escaping anywhere; undefined otherwise. */
export const primaryCategory = (paper: Paper) =>
  paper.primaryCategory && CATEGORY.test(paper.primaryCategory) ? paper.primaryCategory : undefined;

/** Every category arXiv lists for the paper (the primary first), in that shape. */
export function paperCategories(paper: Paper): string[] {
  const all = [primaryCategory(paper), ...(paper.lookup?.arxiv?.categories ?? [])];
  return [...new Set(all.filter((category): category is string => !!category && CATEGORY.test(category)))];
}
