// Long listings for the scale tests and the benchmark: an arXiv /new page in arXiv's own markup (sections
// as on the real page: new submissions, cross-lists, replacements, each its own dl#articles), and the
// committed fixtures of other page types with their entries repeated.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SITES_ROOT } from './fixtures.mjs';

const entry = (index, id, heading) => `
    <dt>
      <a name='item${index}'>[${index}]</a>
      <a href ="/abs/${id}" title="Abstract" id="${id}">arXiv:${id}</a>
      [<a href="/pdf/${id}" title="Download PDF" id="pdf-${id}">pdf</a>, <a href="/format/${id}" title="Other formats" id="oth-${id}">other</a>]
    </dt>
    <dd>
      <div class='meta'>
        <div class='list-title mathjax'><span class='descriptor'>Title:</span>
          ${heading} paper number ${index}: scaling $\\alpha$-stable attention
        </div>
        <div class='list-authors'><a href="/a/muller_a_1">Anna Müller</a>, <a href="/a/nowak_l_1">Łukasz Nowak</a></div>
        <div class='list-comments mathjax'><span class='descriptor'>Comments:</span>
          12 pages. Code: <a href="https://github.com/example/repo-${index}">this https URL</a>.
        </div>
        <div class='list-subjects'><span class='descriptor'>Subjects:</span>
          <span class="primary-subject">Machine Learning (cs.LG)</span>; Artificial Intelligence (cs.AI)
        </div>
        <p class='mathjax'>Abstract of paper ${index}. We study things at scale.</p>
      </div>
    </dd>`;

const section = (title, entries) => `
<dl id='articles'>
    <h3>${title} (showing ${entries.length} of ${entries.length} entries)</h3>
${entries.join('')}
</dl>`;

/** An arXiv /new page with `count` entries; the last tenth re-lists earlier papers as replacements. */
export function arxivNewListing(count) {
  const ids = Array.from({ length: count }, (_, index) => `2609.${String(10000 + index).padStart(5, '0')}`);
  const replacements = Math.floor(count / 10);
  const fresh = ids.slice(0, count - replacements).map((id, index) => entry(index + 1, id, 'New'));
  const replaced = ids.slice(0, replacements).map((id, index) => entry(count - replacements + index + 1, id, 'Replaced'));
  return `<!DOCTYPE html>
<html lang="en"><head><title>Machine Learning</title></head>
<body><main><div id="content"><div id='content-inner'><div id='dlpage'>
  <h1>Machine Learning</h1>
  <h3>Showing new listings for Monday, 28 September 2026</h3>
  <div class='paging'>Total of ${count} entries</div>
  ${section('New submissions', fresh)}
  ${section('Replacement submissions', replaced)}
</div></div></div></main></body></html>`;
}

/**
 * A committed fixture with its first entry repeated `count` times, each under a new id, in place of the
 * fixture's own entries: the markup of the real page type, as long as a benchmark needs.
 * @param {string} html the fixture
 * @param {string} opening the entry's opening tag as it appears, e.g. `<li class="arxiv-result">`
 * @param {(index: number) => string} idOf the arXiv id of the `index`-th copy
 */
function repeatFirstEntry(html, opening, count, idOf) {
  const tag = /^<([a-z]+)/.exec(opening)[1];
  const first = html.indexOf(opening);
  if (first < 0) throw new Error(`no ${opening} in the fixture`);
  const end = (from) => {
    // The entry's own closing tag: count nested elements of the same name.
    let depth = 0;
    const pattern = new RegExp(`<${tag}[\\s>]|</${tag}>`, 'g');
    pattern.lastIndex = from;
    for (let match; (match = pattern.exec(html));) {
      depth += match[0].startsWith('</') ? -1 : 1;
      if (depth === 0) return pattern.lastIndex;
    }
    throw new Error(`unclosed ${opening}`);
  };
  const block = html.slice(first, end(first));
  const originalId = /(\d{4}\.\d{5})/.exec(block)[1];
  const last = html.lastIndexOf(opening);
  const copies = Array.from({ length: count }, (_, index) => block.replaceAll(originalId, idOf(index)));
  return html.slice(0, first) + copies.join('\n') + html.slice(end(last));
}

/** Hugging Face's daily page (the committed fixture's markup) with `count` cards. */
export function huggingfaceDailyListing(count) {
  const html = readFileSync(join(SITES_ROOT, 'huggingface', 'fixtures', 'daily.html'), 'utf8');
  return repeatFirstEntry(
    html,
    '<article class="relative flex flex-col overflow-hidden rounded-xl border">',
    count,
    (index) => `2612.${String(10000 + index)}`,
  );
}

/** An arXiv search results page (the committed fixture's markup) with `count` results. */
export function arxivSearchListing(count) {
  const html = readFileSync(join(SITES_ROOT, 'arxiv', 'fixtures', 'search.html'), 'utf8');
  return repeatFirstEntry(html, '<li class="arxiv-result">', count, (index) => `2612.${String(20000 + index)}`);
}
