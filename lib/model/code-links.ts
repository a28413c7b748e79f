/**
 * Code repositories and a project page, found in what a page says about a paper (abstract, comments,
 * the hrefs of their links, a site's own "GitHub" field). Pure string work.
 */

/**
 * Where a link was found: the site's own field for it (`page`: Hugging Face's `githubRepo`), the abstract
 * or the arXiv comments, the Hugging Face API; `cited` marks a repository the text names as someone else's
 * work (`we build on https://github.com/huggingface/transformers`).
 */
export const LINK_ORIGINS = ['page', 'abstract', 'comments', 'huggingface', 'cited'] as const;
export type LinkOrigin = (typeof LINK_ORIGINS)[number];

/**
 * The paper's own repositories: its code links but those named only as work it builds on. What "has code"
 * means for filters, rechecks and the BibTeX `code` field.
 */
export const ownCode = (links: { code: readonly string[]; origins?: Record<string, readonly LinkOrigin[]> }): string[] =>
  links.code.filter((url) => !links.origins?.[url]?.includes('cited'));

/** Text to look for links in, and where it came from. A plain string records no origin. */
export interface LinkSource {
  text: string | null | undefined;
  origin: Exclude<LinkOrigin, 'cited'>;
}

export interface FoundLinks {
  /** Repository roots, first spelling kept: the paper's own in the order found, then the ones it cites. */
  code: string[];
  /** The first other http(s) link the text does not cite, as written. */
  projectPage?: string;
  /** Where each link (a repository root or the project page) was found, for links from a `LinkSource`. */
  origins: Record<string, LinkOrigin[]>;
}

/** `PaperLinks.code` holds at most this many; a longer list would fail the schema and lose the whole entry. */
export const MAX_CODE_LINKS = 20;
const MAX_URL_LENGTH = 2048;

const CODE_HOSTS = ['github.com', 'gitlab.com', 'bitbucket.org', 'codeberg.org', 'huggingface.co'];

// A URL with a scheme, or a bare code-host address ("Code: github.com/owner/repo" is common in comments).
// Characters that cannot be in a URL, and `{}` so that LaTeX `\href{URL}{URL}` splits (a Hugging Face summary has it).
const URL_CHARS = String.raw`[^\s<>"'\x60{}|\\^\[\]]+`;
const BARE_HOST = CODE_HOSTS.map((host) => host.replaceAll('.', '\\.')).join('|');
const URL_IN_TEXT = new RegExp(String.raw`\bhttps?://${URL_CHARS}|(?<![\w.@/-])(?:www\.)?(?:${BARE_HOST})/${URL_CHARS}`, 'gi');

const words = (list: string) => new Set(list.trim().split(/\s+/));
// First path segments that are site pages, not owners of repositories.
const NOT_OWNERS: Record<string, Set<string>> = {
  'github.com': words(`
    about account apps codespaces collections contact customer-stories dashboard enterprise events explore features
    issues login join marketplace new notifications orgs organizations pricing pulls readme search security settings
    signup site sponsors stars team topics trending users`),
  'gitlab.com': words('dashboard explore groups help projects search users'),
  'bitbucket.org': words('account dashboard product repo'),
  'codeberg.org': words('explore org user'),
  // Hugging Face models live at /owner/name; these first segments are the rest of the site (papers included).
  'huggingface.co': words(`
    api blog changelog chat collections datasets docs enterprise huggingchat inference-endpoints join learn login
    models notifications organizations papers posts pricing privacy search settings spaces tasks terms-of-service`),
};
// GitLab project paths nest groups; the project ends where a route (`/-/tree/…`, old `/tree/…`) begins.
const GITLAB_ROUTES = new Set(['-', 'tree', 'blob', 'raw', 'commits', 'issues', 'merge_requests', 'wikis']);
const NAME = /^[\w.-]+$/;

type Classified = { kind: 'code'; url: string } | { kind: 'page' } | { kind: 'ignore' };

/**
 * Every repository URL in `sources` (free text or single hrefs, in priority order), normalised to
 * the repository root on https, and the first other link as the project page. Links to the paper
 * itself (arXiv, DOI, Hugging Face paper pages) and non-repository pages of code hosts (a user,
 * an organisation) are neither. A repository the text names as another's work ranks after the
 * paper's own (see `CITES`), and is never taken for the paper's project page.
 */
export function findLinks(sources: Iterable<string | LinkSource | null | undefined>): FoundLinks {
  const own: string[] = [];
  const cited: string[] = [];
  const keyOf = new Map<string, string>();
  const origins: Record<string, LinkOrigin[]> = {};
  let projectPage: string | undefined;
  const note = (url: string, origin: LinkOrigin | undefined) => {
    if (!origin) return;
    const known = (origins[url] ??= []);
    if (!known.includes(origin)) known.push(origin);
  };
  for (const source of sources) {
    const { text, origin } = typeof source === 'string' || !source ? { text: source, origin: undefined } : source;
    if (!text) continue;
    // PDF extraction breaks `https://` as `https: //`.
    const joined = text.replace(BROKEN_SCHEME, '$1://');
    let contextStart = 0;
    // Whether the previous address of the same sentence was another's work ("transformers (URL) and diffusers (URL)").
    let previousCited: boolean | undefined;
    for (const match of joined.matchAll(URL_IN_TEXT)) {
      const { text: context, sameSentence } = contextBefore(joined, contextStart, match.index);
      const isCited = origin !== undefined && origin !== 'page' && citedIn(context, sameSentence ? previousCited : undefined);
      previousCited = isCited;
      contextStart = match.index + match[0].length;
      const raw = trimTrailingPunctuation(match[0]);
      const written = /^https?:\/\//i.test(raw) ? raw : `https://${raw}`;
      if (written.length > MAX_URL_LENGTH) continue;
      const found = classify(written);
      if (found.kind === 'code') {
        const key = found.url.toLowerCase();
        let url = keyOf.get(key);
        if (url === undefined) {
          if (own.length + cited.length >= MAX_CODE_LINKS) continue;
          url = found.url;
          keyOf.set(key, url);
          (isCited ? cited : own).push(url);
        } else if (!isCited && cited.includes(url)) {
          // Named as the paper's own somewhere else: it is.
          cited.splice(cited.indexOf(url), 1);
          own.push(url);
          origins[url] = (origins[url] ?? []).filter((known) => known !== 'cited');
        }
        note(url, origin);
        if (isCited && !own.includes(url)) note(url, 'cited');
      } else if (found.kind === 'page' && !isCited) {
        projectPage ??= written;
        if (projectPage === written) note(written, origin);
      }
    }
  }
  const code = [...own, ...cited];
  return projectPage === undefined ? { code, origins } : { code, projectPage, origins };
}

const BROKEN_SCHEME = /\b(https?):\s+\/\//gi;

/**
 * Words that say a repository is someone else's: what the paper builds on, compares with or uses
 * ("we build on", "based on", "baselines from", "implemented with", "we use", "fork of").
 */
const CITES =
  /\b(?:build(?:s|ing)?\s+(?:up)?on|built\s+(?:up)?on|based\s+on|baselines?|borrow(?:ed|s)?\s+from|adapted\s+from|compare[ds]?\s+(?:with|to|against)|we\s+use[ds]?|using|implemented\s+(?:with|in|using)|relies\s+on|fork(?:ed)?\s+(?:of|from)|third-party|prior\s+work)\b/gi;
/** Words that say it is the paper's own. */
const OWN = /\b(?:our|we\s+release|released|available|open-?sourced?|project\s+page|github\s+repo(?:sitory)?)\b/gi;
/** Just before the address, words that always introduce the paper's own: "is at", "available at:", "Code:". */
const OWN_JUST_BEFORE =
  /(?:\b(?:available|released|hosted|found|provided|is|are|lives)\s+(?:at|on|in|here)|\bcode|\brepository)\s*:?\s*[([]?\s*$/i;

/**
 * The text between the previous address (or the sentence's start, if later) and this one, and whether
 * the previous address was in the same sentence.
 */
function contextBefore(text: string, start: number, end: number): { text: string; sameSentence: boolean } {
  const before = text.slice(start, end);
  const sentenceStart = Math.max(before.lastIndexOf('. '), before.lastIndexOf('; '), before.lastIndexOf('\n'));
  return sentenceStart === -1 ? { text: before, sameSentence: start > 0 } : { text: before.slice(sentenceStart + 1), sameSentence: false };
}

const lastIndexOf = (pattern: RegExp, text: string) => [...text.matchAll(pattern)].reduce((last, match) => Math.max(last, match.index), -1);

/**
 * Whether the words before an address name it as another's work: the word said last decides ("our
 * implementation builds on URL" cites; "built on PyTorch, our code is at URL" does not), and with neither
 * word, an address continues the verdict of the one before it in the sentence.
 */
function citedIn(context: string, previous: boolean | undefined): boolean {
  if (OWN_JUST_BEFORE.test(context)) return false;
  const cites = lastIndexOf(CITES, context);
  const own = lastIndexOf(OWN, context);
  if (cites === -1 && own === -1) return previous ?? false;
  return cites > own;
}

/** Sentence punctuation after a URL is not part of it; a `)` is only when the URL opened none. */
function trimTrailingPunctuation(url: string): string {
  let end = url.length;
  for (;;) {
    const last = url[end - 1];
    if (last !== undefined && '.,;:!?*\'"'.includes(last)) end -= 1;
    else if (last === ')' && count(url.slice(0, end), '(') < count(url.slice(0, end), ')')) end -= 1;
    else break;
  }
  return url.slice(0, end);
}

const count = (text: string, char: string) => text.split(char).length - 1;

/**
 * Whether a project page may be shown as a link (issue #10): http(s), no user name or password, and a
 * public host name; never an IP address, `localhost` or a single-label or local-only name, which would make
 * PaperShelf a door into the user's own network.
 */
export function isPublicWebAddress(raw: string): boolean {
  if (!URL.canParse(raw)) return false;
  const { protocol, hostname, username, password } = new URL(raw);
  if ((protocol !== 'https:' && protocol !== 'http:') || username || password) return false;
  const host = hostname.toLowerCase().replace(/\.$/, '');
  // URL has written every IPv4 spelling (hex, octal, short) as dotted decimal, and IPv6 in brackets.
  if (host.startsWith('[') || /^[\d.]+$/.test(host) || !host.includes('.')) return false;
  return !/(^|\.)(localhost|local|internal|localdomain|home\.arpa|lan)$/.test(host);
}

function classify(written: string): Classified {
  let url: URL;
  try {
    url = new URL(written);
  } catch {
    return { kind: 'ignore' };
  }
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  if (host === 'arxiv.org' || host.endsWith('.arxiv.org') || host === 'doi.org' || host === 'dx.doi.org') return { kind: 'ignore' };
  if (!CODE_HOSTS.includes(host)) return isPublicWebAddress(written) ? { kind: 'page' } : { kind: 'ignore' };

  const segments = url.pathname.split('/').filter(Boolean);
  const [first = '', second = '', third = ''] = segments;
  const root = (...path: string[]) => {
    const named = path.map((segment, index) => (index === path.length - 1 ? segment.replace(/\.git$/i, '') : segment));
    const valid = named.every((segment) => NAME.test(segment) && !/^\.+$/.test(segment));
    return valid ? ({ kind: 'code', url: `https://${host}/${named.join('/')}` } as const) : ({ kind: 'ignore' } as const);
  };
  const isOwner = (segment: string) => segment !== '' && !NOT_OWNERS[host]?.has(segment.toLowerCase());

  if (host === 'huggingface.co') {
    if ((first === 'spaces' || first === 'datasets') && second && third) return root(first, second, third);
    // The site's own spelling of a model is /owner/name; /models/owner/name redirects there.
    if (first === 'models' && second && third) return root(second, third);
    return isOwner(first) && second ? root(first, second) : { kind: 'ignore' };
  }
  if (host === 'gitlab.com') {
    const routeAt = segments.findIndex((segment, index) => index >= 2 && GITLAB_ROUTES.has(segment));
    const project = routeAt === -1 ? segments : segments.slice(0, routeAt);
    return project.length >= 2 && isOwner(first) ? root(...project) : { kind: 'ignore' };
  }
  return isOwner(first) && second ? root(first, second) : { kind: 'ignore' };
}
