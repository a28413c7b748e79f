// A large arXiv /new listing in arXiv's own markup, for the scale test and the benchmark.
// Sections as on the real page: new submissions, cross-lists, replacements (each its own dl#articles).

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
