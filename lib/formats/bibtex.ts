/**
 * Papers -> BibTeX / biblatex text (issue #5). Pure: no browser APIs, no database.
 *
 * The file must be usable by LaTeX as it is, whatever a page or a user put into a paper:
 * - BibTeX ends a braced field at the first unmatched `}` and counts braces even after a backslash,
 *   so every field value is brace-balanced by construction (see `escapeText`), and user text can never
 *   close an entry early or open a new one.
 * - Everything the bibliography style copies into the .bbl (title, author, and annote for annotated
 *   styles) is LaTeX text: `\ % & $ # _ ~ ^ < >` are escaped, TeX ligatures (`--`, ``` `` ```, `''`...)
 *   are broken so the typeset text is what was typed.
 * - Fields that are identifiers, not text (`eprint`, `url`, `doi`, `code`, `keywords`) are written as they
 *   are, only brace-safe: styles that print a URL or DOI wrap it in `\url`, which reads it verbatim, and
 *   reference managers read keywords verbatim.
 *
 * Field choices follow arXiv's own export for e-prints (`@misc` + eprint/archivePrefix/primaryClass).
 * The code repository goes in a non-standard `code` field (several repositories: space-separated URLs):
 * styles ignore unknown fields, reference managers keep them, and a URL with `_ % # ~` cannot break a
 * document from there. `note = {Code: \url{...}}` would be printed, and fails in every document that does
 * not load the url package; a plain `note` URL breaks on `_ % #`.
 */
import { absUrl } from '@/lib/model/arxiv-id';
import { ownCode } from '@/lib/model/code-links';
import { foldLetters } from '@/lib/model/fold';
import type { Paper } from '@/lib/model/paper';
import { NAME_SUFFIX, paperDate, paperDoi, primaryCategory } from './paper-facts';

export type BibtexFlavour = 'bibtex' | 'biblatex';

export interface BibtexOptions {
  /** `bibtex` (default): `@misc` as arXiv exports it. `biblatex`: `@online` with eprinttype/date/annotation. */
  flavour?: BibtexFlavour;
  /**
   * Write accented Latin letters as LaTeX commands (`ü` -> `{\"u}`, `Ł` -> `{\L}`) for toolchains that
   * cannot read UTF-8. Characters with no LaTeX text command (CJK, emoji, Greek outside math) stay UTF-8:
   * dropping them would silently lose (or empty) a title, and a document citing such a title needs
   * XeLaTeX, LuaLaTeX or a CJK package whatever the .bib looks like.
   */
  asciiOnly?: boolean;
  /** Citation keys by paper id (from `assignCitationKeys`); a paper's own `citationKey` is used otherwise. */
  keys?: ReadonlyMap<string, string>;
}

// ---------------------------------------------------------------------------------------------------------
// Citation keys

/** The characters BibTeX, biber and every reference manager accept in a key (the `Paper` schema's rule). */
export function isValidCitationKey(key: string): boolean {
  return /^[A-Za-z0-9_:.+-]{1,100}$/.test(key);
}

// Words that make poor key parts: `vaswani2017attention`, not `vaswani2017is`.
const STOP_WORDS = new Set(
  (
    'a an the on of in for to towards toward and or with without via from at by into onto over under about ' +
    'as is are be do does can how what why when where which who we our your you its it this that not no ' +
    'beyond between through using'
  ).split(' '),
);

const keyPart = (text: string) =>
  foldLetters(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

function surname(author: string): string {
  const name = author.trim();
  // `Last, First` (as BibTeX and some pages write names): the surname is what comes before the comma.
  if (name.includes(',')) return keyPart(name.slice(0, name.indexOf(',')));
  const words = name.split(/\s+/);
  while (words.length > 1 && NAME_SUFFIX.test(words[words.length - 1]!)) words.pop();
  return keyPart(words[words.length - 1] ?? '');
}

function paperYear(paper: Paper): string {
  return paperDate(paper)?.slice(0, 4) ?? '';
}

function firstSignificantWord(title: string): string {
  // Math is not a word: `$\alpha$-Stable Laws` -> `stable`.
  const words = foldLetters(title.replace(/\$[^$]*\$/g, ' '))
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return words.find((word) => word !== '' && !STOP_WORDS.has(word) && !/^\d+$/.test(word)) ?? '';
}

/**
 * The readable key a paper would get with no clash: first author's surname + year + first significant title
 * word (`vaswani2017attention`), ASCII only. Without a usable surname (no authors, or a name in a script
 * that does not fold to Latin) the arXiv id names the paper instead: `arxiv2401.12345`.
 */
export function citationKeyBase(paper: Paper): string {
  const first = paper.authors[0];
  const name = first ? surname(first).slice(0, 40) : '';
  if (!name) return `arxiv${paper.id.replace('/', '_')}`;
  return `${name}${paperYear(paper)}${firstSignificantWord(paper.title).slice(0, 30)}`;
}

/** `a`…`z`, `aa`, `ab`…: the suffixes BibTeX users know from author-year styles. */
function clashSuffix(n: number): string {
  let suffix = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    suffix = String.fromCharCode(97 + ((rest - 1) % 26)) + suffix;
  }
  return suffix;
}

const byAge = (a: Paper, b: Paper) => a.savedAt - b.savedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * A key for every paper. Keys already stored are kept as they are (a key in a user's .tex file must never
 * change), and new keys never reuse a taken one, so adding papers cannot rename an old one. New keys are
 * handed out oldest paper first (savedAt, then id), so the same library always gets the same keys.
 * Keys are compared without case, as BibTeX does. If two stored keys collide (possible after an import),
 * the older paper keeps it and the younger gets a new one: a .bib with a repeated key is an error in LaTeX.
 */
export function assignCitationKeys(papers: readonly Paper[]): Map<string, string> {
  const ordered = [...papers].sort(byAge);
  const keys = new Map<string, string>();
  const taken = new Set<string>();
  for (const paper of ordered) {
    const key = paper.citationKey;
    if (key && isValidCitationKey(key) && !taken.has(key.toLowerCase())) {
      keys.set(paper.id, key);
      taken.add(key.toLowerCase());
    }
  }
  // Where each base's suffix search resumes: without it, a base shared by many papers made the search
  // quadratic (a 10,000-paper library took over a second).
  const nextSuffix = new Map<string, number>();
  for (const paper of ordered) {
    if (keys.has(paper.id)) continue;
    const base = citationKeyBase(paper);
    let n = nextSuffix.get(base.toLowerCase()) ?? 0;
    let key = n === 0 ? base : base + clashSuffix(n);
    while (taken.has(key.toLowerCase())) key = base + clashSuffix(++n);
    nextSuffix.set(base.toLowerCase(), n + 1);
    keys.set(paper.id, key);
    taken.add(key.toLowerCase());
  }
  return keys;
}

// ---------------------------------------------------------------------------------------------------------
// LaTeX text

const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  // In LaTeX's default OT1 encoding `<` and `>` print as `¡` and `¿` (and parsers read them so).
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};

// Pairs TeX fonts turn into one glyph: `--` en dash, ``` `` ``` and `''` quotes, `!``/`?`` inverted marks,
// `,,` low quotes (T1). A `{}` between the two keeps the characters that were typed.
const LIGATURES = new Set(['--', '``', "''", '!`', '?`', ',,']);

// Accents (combining marks after NFD) and their LaTeX commands. All exist in LaTeX's default OT1 encoding
// except `\k` (ogonek), and `\dh \th \ng \dj` below need T1 too: exactly as when LaTeX reads the UTF-8
// character, so the ASCII file is never less portable than the UTF-8 one.
const ACCENTS: Record<string, string> = {
  '\u0300': '`',
  '\u0301': "'",
  '\u0302': '^',
  '\u0303': '~',
  '\u0304': '=',
  '\u0306': 'u',
  '\u0307': '.',
  '\u0308': '"',
  '\u030a': 'r',
  '\u030b': 'H',
  '\u030c': 'v',
  '\u0323': 'd',
  '\u0327': 'c',
  '\u0328': 'k',
  '\u0331': 'b',
};
const LATEX_LETTERS: Record<string, string> = {
  ß: '{\\ss}',
  æ: '{\\ae}',
  Æ: '{\\AE}',
  œ: '{\\oe}',
  Œ: '{\\OE}',
  ø: '{\\o}',
  Ø: '{\\O}',
  ł: '{\\l}',
  Ł: '{\\L}',
  ı: '{\\i}',
  đ: '{\\dj}',
  Đ: '{\\DJ}',
  ð: '{\\dh}',
  Ð: '{\\DH}',
  þ: '{\\th}',
  Þ: '{\\TH}',
  ŋ: '{\\ng}',
  Ŋ: '{\\NG}',
  '\u00a0': '~',
  '\u2013': '--',
  '\u2014': '---',
  // Not `` ` `` and `'`: readers take a lone `'` for the apostrophe it usually is.
  '\u2018': '\\textquoteleft{}',
  '\u2019': '\\textquoteright{}',
  '\u201c': '``',
  '\u201d': "''",
  '\u2026': '\\ldots{}',
};

/** One non-ASCII character as LaTeX (`{\"u}`, `{\^{\d{e}}}`), or itself when LaTeX has no command for it. */
function latexLetter(ch: string): string {
  const named = LATEX_LETTERS[ch];
  if (named) return named;
  const [base = '', ...marks] = [...ch.normalize('NFD')];
  if (!/^[A-Za-z]$/.test(base) || marks.length === 0 || !marks.every((mark) => ACCENTS[mark])) return ch;
  let tex = base;
  for (const mark of marks) {
    const command = ACCENTS[mark]!;
    // `\"u` for symbol accents; letter accents need a group: `\c{c}`, and so does an accented accent.
    tex = /[a-z]/i.test(command) || tex.length > 1 ? `\\${command}{${tex}}` : `\\${command}${tex}`;
  }
  // Braced, so BibTeX treats it as one "special character" when it sorts, abbreviates or changes case.
  return `{${tex}}`;
}

/** True when every `}` closes an earlier `{` and none stays open, counted as BibTeX does (backslashes ignored). */
export function bracesBalance(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '{') depth++;
    else if (ch === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

interface TextContext {
  asciiOnly: boolean;
  /**
   * Whether the user's braces may be written as `\{` `\}`: only when they balance, because BibTeX counts
   * them too. Otherwise they become `\textbraceleft{}` / `\textbraceright{}`, which BibTeX does not see.
   */
  bracesBalance: boolean;
}

/** Appends LaTeX to `out`, breaking a ligature that the join would otherwise create. */
function append(out: string[], tex: string): void {
  const last = out[out.length - 1];
  if (last && tex && LIGATURES.has(last[last.length - 1]! + tex[0]!)) out.push('{}');
  out.push(tex);
}

// Text with none of these needs no escaping at all: most titles, names and notes (the export's hot path).
const NEEDS_ESCAPE = /[\\%&$#_~^<>{}]|--|``|''|!`|\?`|,,/;
const NON_ASCII = /[^\p{ASCII}]/u;

/** Plain text (no math) as LaTeX text. */
function escapeText(text: string, context: TextContext): string {
  if (!NEEDS_ESCAPE.test(text) && !(context.asciiOnly && NON_ASCII.test(text))) return text;
  const out: string[] = [];
  for (const ch of text) {
    let tex: string;
    if (ch === '{' || ch === '}') {
      tex = context.bracesBalance ? `\\${ch}` : ch === '{' ? '\\textbraceleft{}' : '\\textbraceright{}';
    } else if (SPECIAL[ch]) tex = SPECIAL[ch];
    else if (context.asciiOnly && ch > '\x7f') tex = latexLetter(ch);
    else tex = ch;
    append(out, tex);
  }
  return out.join('');
}

/** Whitespace and control characters as LaTeX reads them: any run is one space. */
const oneLine = (text: string) =>
  text
    // eslint-disable-next-line no-control-regex -- the control characters are what this removes
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

type TitlePart = { math: string } | { text: string };

// Any `%`, `#` or `&` not escaped by a backslash: TeX errors in math, or comments out the rest of the line.
const UNSAFE_IN_MATH = /(?:^|[^\\])(?:\\\\)*[%#&]/;

/**
 * The commands math from a page or an API may use (issue #10): what authors write in titles and plain
 * LaTeX knows without a package. A title is outside data; with any other command (`\input`, `\write`,
 * `\csname`, `\def`, `\catcode`, a package's command that would not compile) its math is exported as text,
 * every backslash escaped, so nothing in it can run in the user's document.
 */
const MATH_COMMANDS = new Set(
  [
    // Greek, lower and upper case, and the variants.
    'alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi pi varpi rho varrho sigma varsigma tau upsilon phi varphi chi psi omega',
    'Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega',
    // Alphabets and accents.
    'mathcal mathrm mathbf mathit mathsf mathtt mathnormal hat bar tilde vec dot ddot breve check acute grave widehat widetilde overline underline',
    // Functions and operators.
    'frac sqrt log ln lg exp sin cos tan cot sec csc sinh cosh tanh arcsin arccos arctan arg max min sup inf lim liminf limsup det dim ker deg gcd Pr',
    'sum prod coprod int oint bigcup bigcap bigoplus bigotimes bigvee bigwedge',
    // Relations, arrows, symbols.
    'leq geq le ge neq ne approx sim simeq cong equiv propto ll gg subset supset subseteq supseteq in ni notin mid parallel perp prec succ preceq succeq',
    'to rightarrow leftarrow Rightarrow Leftarrow leftrightarrow Leftrightarrow mapsto longrightarrow longmapsto uparrow downarrow',
    'times cdot pm mp div ast star circ bullet oplus otimes odot cup cap wedge vee setminus',
    'infty partial nabla forall exists neg emptyset ell hbar imath jmath Re Im aleph prime top bot angle triangle',
    'dots ldots cdots vdots ddots quad qquad left right big Big bigg Bigg langle rangle lfloor rfloor lceil rceil lbrace rbrace vert Vert',
  ].flatMap((group) => group.split(' ')),
);

/** Whether math can be exported as written: only allowed commands, and no `^^` (TeX's way to spell any character, a backslash too). */
function isSafeMath(body: string): boolean {
  if (body.includes('^^')) return false;
  for (const [, name] of body.matchAll(/\\([A-Za-z]+|[^A-Za-z])?/g)) {
    if (name === undefined) return false;
    if (/^[A-Za-z]/.test(name) ? !MATH_COMMANDS.has(name) : !',;:! {}|_$%&#'.includes(name)) return false;
  }
  return true;
}

/**
 * Splits a title into author-written inline math (`$\alpha$`, `$O(n^2)$`) and text. A `$` pair counts as
 * math under pandoc's rule (no space inside the delimiters, no digit right after the closing one, so
 * `costs $5 and $10` stays text) and only if BibTeX and TeX can take it verbatim: braces balanced, no bare
 * `% # &`, and only allowed commands (`isSafeMath`). Anything else is text, and its `$` are escaped.
 */
export function splitMath(title: string): TitlePart[] {
  const parts: TitlePart[] = [];
  let text = '';
  let i = 0;
  while (i < title.length) {
    const open = title[i] === '$' && title[i - 1] !== '\\' && /[^\s$]/.test(title[i + 1] ?? '');
    if (open) {
      let close = -1;
      for (let j = i + 1; j < title.length; j++) {
        if (title[j] !== '$' || title[j - 1] === '\\') continue;
        close = j;
        break;
      }
      const body = close > 0 ? title.slice(i + 1, close) : '';
      const valid =
        close > 0 &&
        !/\s/.test(title[close - 1]!) &&
        !/\d/.test(title[close + 1] ?? '') &&
        bracesBalance(body) &&
        !UNSAFE_IN_MATH.test(body) &&
        isSafeMath(body);
      if (valid) {
        if (text) parts.push({ text });
        text = '';
        parts.push({ math: title.slice(i, close + 1) });
        i = close + 1;
        continue;
      }
    }
    text += title[i];
    i++;
  }
  if (text) parts.push({ text });
  return parts;
}

/**
 * A word needs braces when a style's lowercasing would change its meaning: a capital after its first
 * letter (`BERT`, `ImageNet`, `GPT`, `3D`, `mRNA`) or a lone capital (`Model X`, `I`), except `A`,
 * which is nearly always the article. Words with just an initial capital (`Attention`) are left to the
 * style, which is how arXiv and Google Scholar export titles. Proper nouns (`Gaussian`) are lowercased by
 * sentence-case styles; knowing them needs a dictionary, and the braces would be wrong for all other words.
 * Words are runs of letters and digits, so `GPT-4` -> `{GPT}-4` and `Self-Attention` is left alone.
 */
function needsCaseProtection(word: string): boolean {
  if (/^\p{Lu}$/u.test(word)) return word !== 'A';
  return /\p{Lu}/u.test(word.slice([...word][0]!.length));
}

function latexTitle(title: string, asciiOnly: boolean): string {
  const parts = splitMath(oneLine(title));
  const text = parts.map((part) => ('text' in part ? part.text : '')).join('');
  const context = { asciiOnly, bracesBalance: bracesBalance(text) };
  const out: string[] = [];
  for (const part of parts) {
    // Math keeps the author's TeX; the braces stop BibTeX lowercasing `\Omega` to `\omega`.
    if ('math' in part) append(out, `{${part.math}}`);
    else {
      for (const piece of part.text.split(/([\p{L}\p{M}\p{N}]+)/u)) {
        if (!piece) continue;
        const tex = escapeText(piece, context);
        append(out, /[\p{L}\p{N}]/u.test(piece) && needsCaseProtection(piece) ? `{${tex}}` : tex);
      }
    }
  }
  return out.join('');
}

/**
 * One author for BibTeX's name parser, `First Last` as arXiv writes them. A name BibTeX would misread
 * (a comma: `Last, First` order or "too many commas"; the word `and`: two people; `others`: et al.)
 * goes in braces, which makes it one literal name, as for `{Google Research}`.
 */
function latexName(name: string, asciiOnly: boolean): string {
  const clean = oneLine(name);
  const tex = escapeText(clean, { asciiOnly, bracesBalance: bracesBalance(clean) });
  return /,|(^|\s)and(\s|$)|^others$/i.test(clean) ? `{${tex}}` : tex;
}

/**
 * The form of notes that survives BibTeX: the same lines (blank ones included), with each line's spaces
 * collapsed and trimmed as TeX reads them, and no blank lines at either end. Exported notes read back
 * (by PaperShelf's import, Zotero, JabRef) as exactly this text.
 */
export function normalizeNotes(notes: string): string {
  const lines = notes.split(/\r\n|[\r\n\u2028\u2029]/).map(oneLine);
  while (lines.length && !lines[0]) lines.shift();
  while (lines.length && !lines[lines.length - 1]) lines.pop();
  return lines.join('\n');
}

/**
 * Notes for `annote`/`annotation`. Newlines are kept as `\\` (a line break in LaTeX, `<br>` for Zotero's
 * parser), not as blank lines: a blank line is `\par`, which some .bbl macros do not accept in an
 * argument. Continuation lines are indented, so no line of the file starts with a note's `@` or `}`.
 */
function latexNotes(notes: string, asciiOnly: boolean): string {
  const normal = normalizeNotes(notes);
  const context = { asciiOnly, bracesBalance: bracesBalance(normal) };
  return normal
    .split('\n')
    .map((line) => escapeText(line, context))
    .join(' \\\\\n    ');
}

// ---------------------------------------------------------------------------------------------------------
// Verbatim fields

/** A URL that BibTeX can hold: normalised (spaces percent-encoded), braces and backslashes percent-encoded. */
function verbatimUrl(raw: string): string | undefined {
  if (!URL.canParse(raw)) return undefined;
  return new URL(raw).href.replace(/[{}\\\s]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * A tag as a `keywords` entry. Readers split keywords on `,` and `;` and do not decode LaTeX in them, so a
 * tag is written as it is, except that separators become spaces, and braces go where readers disagree:
 * unbalanced ones, and any right after a backslash (Zotero's parser reads `\}` as a literal brace, BibTeX
 * counts it, so `\{x}` ended the entry early for one of them).
 */
export function keywordForTag(tag: string): string {
  const flat = oneLine(tag.replace(/[,;]/g, ' ')).replace(/\\[{}]+/g, '\\');
  return bracesBalance(flat) ? flat : flat.replace(/[{}]/g, '');
}

// ---------------------------------------------------------------------------------------------------------
// Entries

/** One line of plain text (no math) as LaTeX text, whatever it holds. */
function latexPlain(text: string, asciiOnly: boolean): string {
  const line = oneLine(text);
  return escapeText(line, { asciiOnly, bracesBalance: bracesBalance(line) });
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** One entry. `key` must be a valid citation key; the text ends with `}` and no newline. */
export function bibtexEntry(paper: Paper, key: string, options: BibtexOptions = {}): string {
  if (!isValidCitationKey(key)) throw new Error(`Invalid citation key for ${paper.id}: "${key}"`);
  const biblatex = options.flavour === 'biblatex';
  const ascii = options.asciiOnly ?? false;
  // [name, value, braced]: `month = jan` must stay unbraced, so that the style's month macro applies.
  const fields: Array<[string, string, boolean?]> = [];
  const add = (name: string, value: string | undefined, braced = true) => {
    if (value) fields.push([name, value, braced]);
  };

  add('title', latexTitle(paper.title, ascii));
  add('author', paper.authors.map((name) => latexName(name, ascii)).join(' and '));
  // Without an author, BibTeX styles sort and label by `key` (and warn when it is missing too).
  if (!biblatex && paper.authors.length === 0) add('key', `arXiv:${paper.id}`);
  const doi = paperDoi(paper);
  // The paper's own repositories: one it names as work it builds on is not its code.
  const code = ownCode(paper.links).map(verbatimUrl).filter(Boolean).join(' ');
  // A last keyword ending in a backslash (`C:\`) would escape the field's closing brace for Zotero's
  // parser; readers trim the space that keeps them apart.
  const date = paperDate(paper);
  const keywords = [...new Set(paper.tags.map(keywordForTag).filter(Boolean))].join(', ').replace(/\\$/, '\\ ');
  if (biblatex) {
    add('date', date);
    add('eprinttype', 'arxiv');
    add('eprint', paper.id);
    add('eprintclass', primaryCategory(paper));
  } else {
    add('year', date?.slice(0, 4));
    add('month', date && MONTHS[Number(date.slice(5, 7)) - 1], false);
    add('eprint', paper.id);
    add('archivePrefix', 'arXiv');
    // Some styles print the class (`[cs.LG]`).
    add('primaryClass', primaryCategory(paper));
  }
  add('doi', doi);
  // The journal reference as the authors gave it, as text in `note` (as arXiv's own export tools do): a
  // reference with TeX in it is escaped like any text, so it cannot run in the user's document.
  const journalRef = paper.lookup?.arxiv?.journalRef;
  add('note', journalRef && latexPlain(journalRef, ascii));
  add('url', absUrl(paper.id));
  add('code', code);
  add('keywords', keywords);
  add(biblatex ? 'annotation' : 'annote', latexNotes(paper.notes, ascii));

  const body = fields.map(([name, value, braced]) => `  ${name} = ${braced ? `{${value}}` : value},`).join('\n');
  return `@${biblatex ? 'online' : 'misc'}{${key},\n${body}\n}`;
}

/**
 * The whole file, entries sorted by key. Every paper needs a key, from `options.keys` or its own
 * `citationKey` (run `assignCitationKeys` first); a missing, invalid or repeated key throws, since
 * BibTeX would reject the file.
 */
export function toBibtex(papers: readonly Paper[], options: BibtexOptions = {}): string {
  const seen = new Map<string, string>();
  const keyed = papers.map((paper) => {
    const key = options.keys?.get(paper.id) ?? paper.citationKey;
    if (!key) throw new Error(`No citation key for ${paper.id}`);
    const other = seen.get(key.toLowerCase());
    if (other) throw new Error(`Citation key "${key}" is used by both ${other} and ${paper.id}`);
    seen.set(key.toLowerCase(), paper.id);
    return { paper, key };
  });
  keyed.sort((a, b) => (a.key.toLowerCase() < b.key.toLowerCase() ? -1 : 1));
  // Text outside entries is a comment to BibTeX and to parsers; it holds no `@`, which would start an entry.
  const header =
    `% ${papers.length} ${papers.length === 1 ? 'paper' : 'papers'} exported by PaperShelf ` +
    `(${options.flavour === 'biblatex' ? 'biblatex' : 'BibTeX'}, ${options.asciiOnly ? 'ASCII with LaTeX accents' : 'UTF-8'}).\n`;
  return `${header}\n${keyed.map(({ paper, key }) => bibtexEntry(paper, key, options)).join('\n\n')}\n`;
}
