/**
 * arXiv identifiers. A paper is stored under its canonical id: no version, no `arXiv:` prefix,
 * so the same paper saved from Hugging Face and from arXiv, as v1 or as v3, is one record.
 *
 * New style (since 2007-04): YYMM.NNNN (to 2014-12) or YYMM.NNNNN.
 * Old style: archive[.SUBJ]/YYMMNNN, e.g. `math/0211159`, `hep-th/9901001`, `math.GT/0309136`.
 * The subject class of an old id is not part of the identity (`math.GT/0309136` is `math/0309136`).
 */
const NEW_STYLE = /^(\d{4}\.\d{4,5})(?:v\d+)?$/;
// The archives that existed before 2007; an old-style id names one of them.
const OLD_ARCHIVES = [
  'acc-phys',
  'adap-org',
  'alg-geom',
  'ao-sci',
  'astro-ph',
  'atom-ph',
  'bayes-an',
  'chao-dyn',
  'chem-ph',
  'cmp-lg',
  'comp-gas',
  'cond-mat',
  'cs',
  'dg-ga',
  'funct-an',
  'gr-qc',
  'hep-ex',
  'hep-lat',
  'hep-ph',
  'hep-th',
  'math',
  'math-ph',
  'mtrl-th',
  'nlin',
  'nucl-ex',
  'nucl-th',
  'patt-sol',
  'physics',
  'plasm-ph',
  'q-alg',
  'q-bio',
  'quant-ph',
  'solv-int',
  'supr-con',
];
const OLD_STYLE = new RegExp(`^(${OLD_ARCHIVES.join('|')})(?:\\.[A-Z]{2})?\\/(\\d{7})(?:v\\d+)?$`);

/** The canonical id, or null when `raw` is not an arXiv id. Accepts `arXiv:` prefixes and versions. */
export function canonicalArxivId(raw: string): string | null {
  const text = raw.trim().replace(/^arxiv:/i, '');
  const modern = NEW_STYLE.exec(text);
  if (modern) return modern[1]!;
  const old = OLD_STYLE.exec(text);
  if (old) return `${old[1]}/${old[2]}`;
  return null;
}

/** Pulls the id out of an arXiv or Hugging Face paper path: `/abs/<id>`, `/pdf/<id>`, `/papers/<id>`. */
export function arxivIdFromPath(pathname: string): string | null {
  const match = /^\/(?:abs|pdf|papers|html)\/(.+?)(?:\.pdf)?\/?$/.exec(pathname);
  if (!match) return null;
  try {
    return canonicalArxivId(decodeURIComponent(match[1]!));
  } catch {
    // A malformed escape (`/papers/%E0%A4%A`) is no paper; it must not take the page's other entries with it.
    return null;
  }
}

export const absUrl = (id: string) => `https://arxiv.org/abs/${id}`;
export const pdfUrl = (id: string) => `https://arxiv.org/pdf/${id}`;
export const huggingFaceUrl = (id: string) => `https://huggingface.co/papers/${id}`;

/**
 * The month an arXiv id was issued in, from the id itself: `YYMM.NNNNN` since 2007, `archive/YYMMNNN`
 * before (from 1991). A paper saved without a date still gets a year and month in its citation.
 */
export function issuedMonth(id: string): { year: number; month: number } | undefined {
  const match = /^(\d{2})(\d{2})\.\d{4,5}$/.exec(id) ?? /\/(\d{2})(\d{2})\d{3}$/.exec(id);
  if (!match) return undefined;
  const yy = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  return { year: yy >= 91 ? 1900 + yy : 2000 + yy, month };
}
