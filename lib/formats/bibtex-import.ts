/**
 * BibTeX / biblatex text -> papers to save (issue #5). Pure; runs in the import worker (lib/import-worker/).
 *
 * Reads what arXiv, Zotero (Better BibTeX), Google Scholar and PaperShelf itself export, with the parser
 * Zotero uses (@retorquere/bibtex-parser; plain ESM, no Node built-ins). It turns LaTeX into Unicode
 * (`M{\"u}ller` -> `Müller`), which is what we store. Only papers with an arXiv id can be imported:
 * the id is the identity of every saved paper. Everything else is reported in `skipped`, never thrown.
 */
import { parse, type Creator, type Entry, type Options, type ParseError } from '@retorquere/bibtex-parser';
// The parser's first pass (wxt.config.ts, `alias`): entries with their fields as written, `@string`s resolved.
import { parse as splitEntries, type Entry as RawEntry } from 'bibtex-parser-verbatim';
import { canonicalArxivId } from '@/lib/model/arxiv-id';
import { bracesBalance, isValidCitationKey, normalizeNotes, splitMath } from './bibtex';
import type { BibtexImport, ImportedPaper, SkippedEntry } from '@/lib/model/imports';
import { PaperMetadata, Tag } from '@/lib/model/paper';

/**
 * `@string` abbreviations that files use without defining them, because the style or the journal's class
 * defines them: a month as some write it, the journals plain.bst defines, and the physics and astronomy
 * journals AAS and APS macros name. The parser knows the standard months itself.
 */
const COMMON_STRINGS: Record<string, string> = {
  sept: '09',
  acmcs: 'ACM Computing Surveys',
  acta: 'Acta Informatica',
  cacm: 'Communications of the ACM',
  ibmjrd: 'IBM Journal of Research and Development',
  ibmsj: 'IBM Systems Journal',
  ieeese: 'IEEE Transactions on Software Engineering',
  ieeetc: 'IEEE Transactions on Computers',
  ieeetcad: 'IEEE Transactions on Computer-Aided Design of Integrated Circuits',
  ipl: 'Information Processing Letters',
  jacm: 'Journal of the ACM',
  jcss: 'Journal of Computer and System Sciences',
  scp: 'Science of Computer Programming',
  sicomp: 'SIAM Journal on Computing',
  tocs: 'ACM Transactions on Computer Systems',
  tods: 'ACM Transactions on Database Systems',
  tog: 'ACM Transactions on Graphics',
  toms: 'ACM Transactions on Mathematical Software',
  toois: 'ACM Transactions on Office Information Systems',
  toplas: 'ACM Transactions on Programming Languages and Systems',
  tcs: 'Theoretical Computer Science',
  prl: 'Physical Review Letters',
  pra: 'Physical Review A',
  prb: 'Physical Review B',
  prc: 'Physical Review C',
  prd: 'Physical Review D',
  pre: 'Physical Review E',
  apj: 'The Astrophysical Journal',
  apjl: 'The Astrophysical Journal Letters',
  apjs: 'The Astrophysical Journal Supplement Series',
  aj: 'The Astronomical Journal',
  mnras: 'Monthly Notices of the Royal Astronomical Society',
  aap: 'Astronomy and Astrophysics',
  jhep: 'Journal of High Energy Physics',
  nat: 'Nature',
};

const BASE_OPTIONS: Options = {
  // Titles keep the case they were written in: sentence-casing is the style's business, not ours.
  sentenceCase: false,
  // A command the parser does not know stays as written instead of failing the entry.
  unsupported: (_node, tex) => tex,
};

// Stored titles keep author-written math as TeX (`$\alpha$-stable`, as arXiv pages show it), but the parser
// would turn it into `α-stable`. So titles are read raw and decoded around their math (`decodeTitles`).
// `code` holds URLs, whose `%` would otherwise start a TeX comment.
// No `strings`: the first pass resolved them, and the parser would decode each one again for every parse.
const DECODE_OPTIONS: Options = { ...BASE_OPTIONS, fieldMode: { title: 'verbatim', code: 'verbatim' } };

const nfc = (text: string) => text.normalize('NFC');

/**
 * Raw titles -> text: math segments stay verbatim (without the braces our export puts around them),
 * the rest is decoded by the parser, all titles in one parse of a synthetic file.
 */
function decodeTitles(raws: string[]): string[] {
  const segments = raws.map((raw) => {
    const parts = splitMath(raw).map((part) => ('math' in part ? part : part.text));
    // `{$x$}` from our export (or anyone's case protection): the braces belong to the math.
    for (let i = 1; i < parts.length - 1; i++) {
      const before = parts[i - 1];
      const after = parts[i + 1];
      if (typeof before === 'string' && typeof after === 'string' && before.endsWith('{') && after.startsWith('}')) {
        parts[i - 1] = before.slice(0, -1);
        parts[i + 1] = after.slice(1);
      }
    }
    const texts = parts.filter((part): part is string => typeof part === 'string');
    // Math inside a larger brace group (`{$\alpha$ Stable}`) cannot be cut out; decode it all.
    return texts.every(bracesBalance) ? parts : [raw];
  });
  const synthetic = segments
    .map((parts, i) => {
      const fields = parts.map((part, j) => (typeof part === 'string' ? `  s${j} = {${part}},` : ''));
      return `@misc{t${i},\n${fields.join('\n')}\n}`;
    })
    .join('\n');
  const decoded = new Map(parse(synthetic, BASE_OPTIONS).entries.map((entry) => [entry.key, entry.fields]));
  return segments.map((parts, i) => {
    const fields = decoded.get(`t${i}`) ?? {};
    const text = parts
      .map((part, j) => {
        if (typeof part !== 'string') return part.math;
        // The parser trims each field; the spaces around a segment separate it from the math.
        const value = String(fields[`s${j}`] ?? '');
        return `${/^\s/.test(part) ? ' ' : ''}${value}${/\s$/.test(part) && value ? ' ' : ''}`;
      })
      .join('');
    return nfc(text.replace(/\s+/g, ' ').trim());
  });
}

/**
 * A title as the parser's verbatim mode reads it: one pair of braces around the whole value (`{{Title}}` in the
 * file) dropped, then trimmed. Reading it here saves decoding every title twice (issue #12).
 */
function titleAsWritten(value: string): string {
  const bare = value.startsWith('{') && value.endsWith('}') && bracesBalance(value.slice(1, -1)) ? value.slice(1, -1) : value;
  return bare.trim();
}

const NO_ARXIV_ID = 'no arXiv id (eprint, journal, url or doi)';
const OLD_OR_NEW_ID = String.raw`([a-z-]+(?:\.[A-Z]{2})?\/\d{7}|\d{4}\.\d{4,5})(?:v\d+)?`;
const ID_IN_TEXT = new RegExp(String.raw`arxiv[:\s]\s*${OLD_OR_NEW_ID}`, 'i');
const ID_IN_URL = new RegExp(String.raw`arxiv\.org\/(?:abs|pdf)\/${OLD_OR_NEW_ID}`, 'i');
const ID_IN_DOI = new RegExp(String.raw`10\.48550\/arxiv\.${OLD_OR_NEW_ID}`, 'i');

/**
 * The arXiv id an entry names, by the conventions of those who export them: `eprint` with
 * `archivePrefix = {arXiv}` (arXiv, Zotero, natbib) or `eprinttype = {arxiv}` (biblatex),
 * `journal = {arXiv preprint arXiv:…}` (Google Scholar), an arXiv URL or DataCite DOI, or `arXiv:…` in a note.
 */
function arxivIdOf(fields: ReadFields): string | null {
  const archive = (fields.archiveprefix ?? fields.eprinttype ?? 'arxiv').toLowerCase();
  // `arXiv:2401.12345v2`, and Mendeley's `arxivId = {arXiv:hep-ph/0405236}`; some add the class after a space.
  for (const field of [archive === 'arxiv' ? fields.eprint : undefined, fields.arxivid, fields.arxiv]) {
    const id = field ? canonicalArxivId(field.trim().split(/\s+/)[0]!) : null;
    if (id) return id;
  }
  // DBLP's CoRR: `journal = {CoRR}`, `volume = {abs/1104.5069}`.
  if (/^corr$/i.test(fields.journal?.trim() ?? '')) {
    const id = canonicalArxivId(/^abs\/(.+)$/.exec(fields.volume?.trim() ?? '')?.[1] ?? '');
    if (id) return id;
  }
  const candidates: Array<[string | undefined, RegExp]> = [
    [fields.journal, ID_IN_TEXT],
    [fields.journaltitle, ID_IN_TEXT],
    [fields.url, ID_IN_URL],
    [fields.doi, ID_IN_DOI],
    [fields.note, ID_IN_TEXT],
    [fields.howpublished, ID_IN_TEXT],
  ];
  for (const [value, pattern] of candidates) {
    const match = value ? pattern.exec(value) : null;
    const id = match ? canonicalArxivId(match[1]!) : null;
    if (id) return id;
  }
  return null;
}

const creatorName = (creator: Creator) =>
  creator.name ?? [creator.firstName, creator.prefix, creator.lastName, creator.suffix].filter(Boolean).join(' ');

/** A full date only: a year and month alone would make us invent a day. */
function publishedOf(fields: ReadFields): string | undefined {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(fields.date?.trim() ?? '');
  if (date) return date[0];
  const [year, month, day] = [fields.year, fields.month, fields.day].map((part) => part?.trim() ?? '');
  if (!/^\d{4}$/.test(year!) || !/^\d{1,2}$/.test(month!) || !/^\d{1,2}$/.test(day!)) return undefined;
  return `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
}

/** `annote` as the parser renders it (HTML-ish): `\\` became `<br>`, blank lines `<p>`. Back to lines. */
function notesOf(fields: ReadFields): string | undefined {
  const rich = fields.annote ?? fields.annotation;
  if (!rich) return undefined;
  const text = rich.replace(/[ \t]*<br>[ \t]*/g, '\n').replace(/\s*<\/?p>\s*/g, '\n\n');
  return normalizeNotes(nfc(text)) || undefined;
}

function issueText(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string {
  const [issue] = issues;
  if (!issue) return 'invalid';
  const path = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
  return `${path.replace(/^\./, '') || 'entry'}: ${issue.message}`;
}

function toImported(entry: Entry, title: string): ImportedPaper | SkippedEntry {
  const fields = entry.fields as ReadFields;
  const key = entry.key || undefined;
  const id = arxivIdOf(fields);
  if (!id) return { key, reason: NO_ARXIV_ID };
  const category = (fields.primaryclass ?? fields.eprintclass)?.trim();
  const abstract = fields.abstract ? nfc(fields.abstract) : undefined;
  const result = PaperMetadata.safeParse({
    id,
    title,
    authors: (entry.fields.author ?? []).map((creator) => nfc(creatorName(creator)).trim()).filter(Boolean),
    abstract: abstract && abstract.length <= 20_000 ? abstract : undefined,
    published: publishedOf(fields),
    primaryCategory: category && /^[a-z-]+(\.[A-Za-z-]+)?$/i.test(category) ? category : undefined,
    links: {
      code: (fields.code ?? '')
        .split(/\s+/)
        .filter((url) => /^https?:\/\//i.test(url) && URL.canParse(url))
        .slice(0, 20),
    },
  });
  if (!result.success) return { key, reason: issueText(result.error.issues) };
  const tags = [...new Set((entry.fields.keywords ?? []).map(nfc))].filter((tag) => Tag.safeParse(tag).success).slice(0, 200);
  const notes = notesOf(fields);
  return {
    metadata: result.data,
    ...(notes ? { notes } : {}),
    ...(tags.length ? { tags } : {}),
    ...(key && isValidCitationKey(key) ? { citationKey: key } : {}),
  };
}

// The parser reports a broken entry with its text; the key is what follows `@type{`.
const keyOfInput = (input: string) => /@\s*\w+\s*[{(]\s*([^,\s]+)/.exec(input)?.[1];

/**
 * Whether an entry may name an arXiv id, as `arxivIdOf` looks for one: a superset, read on the text as
 * written (braces removed, so `ar{X}iv` counts). The others are never decoded, which is most of a
 * reference manager's library and most of the parse's time (issue #12).
 */
function mayNameArxivId(fields: Record<string, string>): boolean {
  if (fields.eprint !== undefined || fields.arxivid !== undefined || fields.arxiv !== undefined) return true;
  return [fields.journal, fields.journaltitle, fields.url, fields.doi, fields.note, fields.howpublished].some(
    (value) => value !== undefined && /arxiv|corr/i.test(value.replace(/[{}]/g, '')),
  );
}

/**
 * Every field the import reads (`toImported` and the functions it calls: a field not listed here is a type
 * error there), and `langid` / `hyphenation`, with which the parser decides how to read the rest.
 */
const FIELDS_READ = [
  'title',
  'author',
  'keywords',
  'abstract',
  'eprint',
  'archiveprefix',
  'eprinttype',
  'arxivid',
  'arxiv',
  'journal',
  'journaltitle',
  'volume',
  'url',
  'doi',
  'note',
  'howpublished',
  'primaryclass',
  'eprintclass',
  'date',
  'year',
  'month',
  'day',
  'annote',
  'annotation',
  'code',
  'crossref',
  'langid',
  'hyphenation',
] as const;
type ReadFields = Partial<Record<Exclude<(typeof FIELDS_READ)[number], 'author' | 'keywords'>, string>>;
const isFieldRead = (name: string) => (FIELDS_READ as readonly string[]).includes(name.replace(/\+duplicate-\d+$/, ''));

export function parseBibtexForImport(text: string): BibtexImport {
  const file = splitEntries(text, { strings: COMMON_STRINGS });
  const skipped: SkippedEntry[] = [];
  // A broken entry may still be returned with the fields read before the break: skip it whole.
  const broken = new Set<string>();
  const readErrors = (errors: ParseError[], only?: ReadonlySet<string>) => {
    for (const error of errors) {
      // An abbreviation the file neither defines nor is common: the parser keeps the entry, with the
      // abbreviation's name as the field's text, so nothing is skipped for it.
      if (/^Unresolved @string reference/.test(error.error)) continue;
      const key = keyOfInput(error.input ?? '');
      if (only && (key === undefined || !only.has(key))) continue;
      if (key) broken.add(key);
      skipped.push({ key, reason: `could not be read: ${error.error.split('\n')[0]}` });
    }
  };
  readErrors(file.errors);

  // Only the entries that may name an arXiv id are decoded, with only the fields read, in one parse of a
  // synthetic file; with the entries they inherit from (`crossref`), whole.
  const byKey = new Map(file.entries.map((entry) => [entry.key.toLowerCase(), entry]));
  const parentOf = (entry: RawEntry) => (entry.fields.crossref ? byKey.get(entry.fields.crossref.trim().toLowerCase()) : undefined);
  const candidates = file.entries.filter((entry) => {
    if (broken.has(entry.key)) return false;
    const parent = parentOf(entry);
    return mayNameArxivId(parent ? { ...parent.fields, ...entry.fields } : entry.fields);
  });
  const candidateKeys = new Set(candidates.map((entry) => entry.key));
  const parents = new Set(candidates.map(parentOf).filter((parent) => parent !== undefined));
  const chunks = new Map<RawEntry, string>();
  for (const entry of file.entries) {
    const candidate = candidateKeys.has(entry.key) && !broken.has(entry.key);
    // What an entry inherits is its parent's business: a parent is decoded whole.
    const whole = parents.has(entry);
    if (!candidate && !whole) continue;
    // Titles are decoded apart, around their math (`decodeTitles`), from the text as written; but one
    // that may be inherited (`crossref`) is read as the parser gives it.
    const fields = Object.entries(entry.fields).filter(
      ([name]) => whole || (isFieldRead(name) && (name !== 'title' || entry.fields.crossref !== undefined)),
    );
    // A value whose braces do not balance (possible between quotes) would end its entry early, or swallow the next.
    const unbalanced = fields.find(([, value]) => !bracesBalance(value));
    if (unbalanced) {
      if (candidate) {
        broken.add(entry.key);
        skipped.push({ key: entry.key || undefined, reason: `could not be read: unbalanced braces in ${unbalanced[0]}` });
      }
      continue;
    }
    chunks.set(entry, `@${entry.type}{${entry.key},\n${fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n')}\n}`);
  }
  const decoded = parse([...chunks.values()].join('\n'), DECODE_OPTIONS);
  readErrors(decoded.errors, candidateKeys);
  // The parser returns the entries in order, leaving out those it could not read.
  const decodedOf = new Map<RawEntry, Entry>();
  let next = 0;
  for (const [entry, chunk] of chunks) {
    if (decoded.entries[next]?.input === chunk) decodedOf.set(entry, decoded.entries[next++]!);
  }

  const entries = file.entries.filter((entry) => !broken.has(entry.key));
  const read = entries.filter((entry) => candidateKeys.has(entry.key) && decodedOf.has(entry));
  const rawTitles = read.map((entry) => {
    const inherited = decodedOf.get(entry)!.fields.title;
    return inherited !== undefined ? String(inherited) : titleAsWritten(entry.fields.title ?? '');
  });
  const titles = new Map(decodeTitles(rawTitles).map((title, i) => [decodedOf.get(read[i]!)!, title] as const));

  const papers: ImportedPaper[] = [];
  const firstKeyById = new Map<string, string>();
  for (const raw of entries) {
    const entry = candidateKeys.has(raw.key) ? decodedOf.get(raw) : undefined;
    if (!entry) {
      skipped.push({ key: raw.key || undefined, reason: NO_ARXIV_ID });
      continue;
    }
    const imported = toImported(entry, titles.get(entry)!);
    if (!('metadata' in imported)) {
      skipped.push(imported);
      continue;
    }
    const earlier = firstKeyById.get(imported.metadata.id);
    if (earlier !== undefined) {
      skipped.push({ key: entry.key, reason: `same arXiv id (${imported.metadata.id}) as "${earlier}"` });
      continue;
    }
    firstKeyById.set(imported.metadata.id, entry.key);
    papers.push(imported);
  }
  return { papers, skipped };
}
