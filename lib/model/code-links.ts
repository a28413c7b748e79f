/**
 * Code repositories and a project page, found in what a page says about a paper (abstract, comments,
 * the hrefs of their links, a site's own "GitHub" field). Pure string work.
 */

export interface FoundLinks {
  /** Repository roots, first spelling kept, in the order found. */
  code: string[];
  /** The first other http(s) link, as written. */
  projectPage?: string;
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
 * an organisation) are neither.
 */
export function findLinks(sources: Iterable<string | null | undefined>): FoundLinks {
  const code: string[] = [];
  const seen = new Set<string>();
  let projectPage: string | undefined;
  for (const source of sources) {
    if (!source) continue;
    for (const match of source.matchAll(URL_IN_TEXT)) {
      const raw = trimTrailingPunctuation(match[0]);
      const written = /^https?:\/\//i.test(raw) ? raw : `https://${raw}`;
      if (written.length > MAX_URL_LENGTH) continue;
      const found = classify(written);
      if (found.kind === 'code') {
        const key = found.url.toLowerCase();
        if (!seen.has(key) && code.length < MAX_CODE_LINKS) {
          seen.add(key);
          code.push(found.url);
        }
      } else if (found.kind === 'page') {
        projectPage ??= written;
      }
    }
  }
  return projectPage === undefined ? { code } : { code, projectPage };
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

function classify(written: string): Classified {
  let url: URL;
  try {
    url = new URL(written);
  } catch {
    return { kind: 'ignore' };
  }
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  if (host === 'arxiv.org' || host.endsWith('.arxiv.org') || host === 'doi.org' || host === 'dx.doi.org') return { kind: 'ignore' };
  if (!CODE_HOSTS.includes(host)) return { kind: 'page' };

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
