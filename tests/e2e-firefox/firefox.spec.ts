import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle } from 'puppeteer-core';
import { onPath, runBibtex } from '../support/bibtex-check.mjs';
import { expectedOf, fixture, listFixtures } from '../support/fixtures.mjs';
import { ids, listed, LISTING, repository } from '../e2e/api-answers';
import { expect, idsOf, pressWithKeyboard, showsSaved, test } from './harness';

// Issue #11: the Firefox build, in Firefox (Debian's firefox-esr), as a Firefox user meets it.

test('every committed listing fixture of both sites gets exactly one control per entry', async ({ ff }) => {
  for (const { name } of listFixtures()) {
    const expected = expectedOf(name) as { papers: { id: string }[] };
    const tab = await ff.openListing(name);
    if (expected.papers.length > 0) await tab.waitForSelector('[data-papershelf-id]', { timeout: 10_000 });
    else await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await idsOf(tab), name).toEqual(expected.papers.map((paper) => paper.id));
    await tab.close();
  }
});

test('a save with the keyboard lands, shows as saved after a reload, and the popup lists it', async ({ ff }) => {
  const tab = await ff.openListing('huggingface/daily');
  await tab.waitForSelector('[data-papershelf-id]');
  const [id, other] = (await idsOf(tab)) as [string, string];
  expect(await showsSaved(tab, id)).toBe(false);
  await pressWithKeyboard(tab, id);
  await expect.poll(() => showsSaved(tab, id)).toBe(true);
  await tab.reload();
  await tab.waitForSelector('[data-papershelf-id]');
  await expect.poll(() => showsSaved(tab, id)).toBe(true);
  expect(await showsSaved(tab, other)).toBe(false);

  const popup = await ff.openExtensionPage('popup.html');
  await popup.waitForSelector(`li[data-papershelf-id="${id}"]`);
  expect(await idsOf(popup)).toEqual([id]);
});

test('a note written in the popup survives closing it and reaches the exported .bib, which bibtex reads', async ({ ff }) => {
  const tab = await ff.openListing('arxiv/list-new');
  await tab.waitForSelector('[data-papershelf-id]');
  const [id] = (await idsOf(tab)) as [string];
  await pressWithKeyboard(tab, id);
  await expect.poll(() => showsSaved(tab, id)).toBe(true);

  const note = 'Firefox note: read §3 & the ablations';
  let popup = await ff.openExtensionPage('popup.html');
  await popup.click(`li[data-papershelf-id="${id}"] button.notes-toggle`);
  await popup.click(`li[data-papershelf-id="${id}"] textarea.notes-text`);
  await popup.keyboard.type(note);
  // Closed at once: the draft (or the save on hiding) must carry the last keystroke.
  await popup.close();

  popup = await ff.openExtensionPage('popup.html');
  await popup.click(`li[data-papershelf-id="${id}"] button.notes-toggle`);
  await expect
    .poll(() => popup.$eval(`li[data-papershelf-id="${id}"] textarea.notes-text`, (area) => (area as HTMLTextAreaElement).value))
    .toBe(note);

  await popup.click('::-p-aria([name="Export BibTeX"][role="button"])');
  const file = await waitForFile(ff.downloads, /^papershelf-\d{4}-\d{2}-\d{2}\.bib$/);
  const bib = readFileSync(file, 'utf8');
  expect(bib).toContain(`eprint = {${id}}`);
  expect(bib).toContain('annote = {Firefox note: read §3 \\& the ablations}');
  if (onPath('bibtex')) expect(runBibtex(bib).problems).toEqual([]);
});

async function waitForFile(dir: string, name: RegExp): Promise<string> {
  for (let tries = 0; tries < 100; tries++) {
    const found = readdirSync(dir).find((file) => name.test(file));
    if (found) return join(dir, found);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no ${name} in ${dir}: ${readdirSync(dir).join(', ')}`);
}

test('the package for addons.mozilla.org: addons-linter finds no error, and warns only of two library idioms', async () => {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  const addon = `.output/papershelf-${version}-firefox.zip`;
  const sources = `.output/papershelf-${version}-sources.zip`;
  const run = (args: string[]) => {
    try {
      return execFileSync('npx', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch (error) {
      // addons-linter exits 1 when it found errors; its report is still on stdout.
      return (error as { stdout: string }).stdout;
    }
  };
  const report = JSON.parse(run(['addons-linter', addon, '--output', 'json'])) as {
    errors: unknown[];
    warnings: { code: string; file: string; line: number; column: number; message: string }[];
  };
  expect(report.errors).toEqual([]);
  // Each warning's code, around the place it names, must be one of these (bundled libraries, not ours).
  const idioms: Record<string, RegExp> = {
    // React DOM setting `innerHTML` for `dangerouslySetInnerHTML`, which lint forbids PaperShelf to use.
    UNSAFE_VAR_ASSIGNMENT: /__html/,
    // A bundled library finding the global object (`Function("return this")()`), lodash's idiom.
    DANGEROUS_EVAL: /Function\("return this"\)\(\)/,
  };
  const unzip = (zip: string, path?: string) =>
    execFileSync('unzip', path ? ['-p', zip, path] : ['-Z1', zip], { encoding: 'utf8', maxBuffer: 64 << 20 });
  for (const warning of report.warnings) {
    const line = unzip(addon, warning.file).split('\n')[warning.line - 1] ?? '';
    const around = line.slice(Math.max(0, warning.column - 200), warning.column + 100);
    expect(idioms[warning.code], `${warning.code} in ${warning.file}: ${warning.message}`).toBeDefined();
    expect(around, `${warning.code} in ${warning.file}:${warning.line}:${warning.column}`).toMatch(idioms[warning.code]!);
  }
  // The sources the store asks for: what the build reads, nothing the tests or the demo left.
  const files = unzip(sources).split('\n').filter(Boolean);
  for (const needed of [
    'package.json',
    'package-lock.json',
    'wxt.config.ts',
    'README.md',
    'lib/content/annotator.ts',
    'entrypoints/background.ts',
  ])
    expect(files).toContain(needed);
  expect(files.filter((file) => /^(demo-output|test-results|bench-output|node_modules|\.output)\//.test(file))).toEqual([]);
});

test('the lookups run against APIs answered by the test: every saved paper’s repository reaches the popup', async ({ ff }) => {
  const tab = await ff.openListing(LISTING);
  await tab.waitForSelector('[data-papershelf-id]');
  for (const id of ids) await pressWithKeyboard(tab, id);
  for (const id of ids) await expect.poll(() => showsSaved(tab, id)).toBe(true);

  const popup = await ff.openExtensionPage('popup.html');
  for (const id of ids) {
    await expect
      .poll(() => popup.$$eval(`li[data-papershelf-id="${id}"] a[href="${repository(id)}"]`, (links) => links.length), { timeout: 30_000 })
      .toBeGreaterThan(0);
  }
  expect(ff.apiRequests.some((url) => url.startsWith('https://export.arxiv.org/api/query?'))).toBe(true);
  expect(ff.apiRequests.filter((url) => url.startsWith('https://huggingface.co/api/papers/')).length).toBeGreaterThanOrEqual(ids.length);
  // arXiv was asked about the paper whose author list the listing cut after 25 names.
  const asked = ff.apiRequests
    .filter((url) => url.startsWith('https://export.arxiv.org/api/query?'))
    .flatMap((url) => new URL(url).searchParams.get('id_list')?.split(',') ?? []);
  expect(asked).toContain(listed.papers.find((paper) => paper.authors.length === 25)!.id);
});

// A mouse click at a control's centre was once seen to land on a page element under BiDi. Real users click
// with the page's own CSS around the control: the real Hugging Face capture (../shared, not ours to commit),
// with the Tailwind rules its cards use, gets a mouse click at the centre of every control.
const REAL_DAILY = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'real', 'huggingface', 'papers-2026-09-28.html');
const TAILWIND_AROUND_CARDS = `
.relative{position:relative}.absolute{position:absolute}.sticky{position:sticky}.block{display:block}.flex{display:flex}
.inline-flex{display:inline-flex}.flex-col{flex-direction:column}.flex-wrap{flex-wrap:wrap}.items-center{align-items:center}
.justify-between{justify-content:space-between}.overflow-hidden{overflow:hidden}.z-1{z-index:1}.z-40{z-index:40}
.-mt-2{margin-top:-.5rem}.-mt-8{margin-top:-2rem}.mb-1{margin-bottom:.25rem}.top-56{top:14rem}.right-2{right:.5rem}
.h-56{height:14rem}.h-6{height:1.5rem}.w-full{width:100%}.min-w-0{min-width:0}.gap-1{gap:.25rem}.gap-6{gap:1.5rem}
.px-6{padding-left:1.5rem;padding-right:1.5rem}.pb-6{padding-bottom:1.5rem}.pt-8{padding-top:2rem}.rounded-xl{border-radius:.75rem}
.pointer-events-none{pointer-events:none}.line-clamp-3{overflow:hidden;display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:3}
.text-lg\\/6{font-size:1.125rem;line-height:1.5rem}.font-semibold{font-weight:600}dialog:not([open]){display:none}`;

for (const [source, read] of [
  ['the committed daily fixture', () => fixture('huggingface/daily').html],
  ['the real capture', () => readFileSync(REAL_DAILY, 'utf8')],
] as const) {
  test(`a mouse click at the centre of every control, in ${source} with its card CSS, saves that paper`, async ({ ff }) => {
    test.skip(source === 'the real capture' && !existsSync(REAL_DAILY), 'the real captures are not beside this checkout');
    const html = read().replace('</head>', `<style>${TAILWIND_AROUND_CARDS}</style></head>`);
    const tab = await ff.openPage('https://huggingface.co/papers', html);
    await tab.waitForSelector('[data-papershelf-id]');
    const controls = await idsOf(tab);
    expect(controls.length).toBeGreaterThan(3);
    for (const id of controls) {
      const host = (await tab.$(`[data-papershelf-id="${id}"]`))!;
      await host.scrollIntoView();
      const box = (await host.boundingBox())!;
      await tab.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await expect.poll(() => showsSaved(tab, id), { message: id }).toBe(true);
    }
  });
}

test('a .bib chosen in the library page is parsed in its import worker and its arXiv papers are added', async ({ ff }) => {
  const dir = mkdtempSync(join(tmpdir(), 'papershelf-ff-'));
  const file = join(dir, 'refs.bib');
  writeFileSync(
    file,
    [
      '@article{devlin2019bert, title = {{BERT}: Pre-training}, author = {M{\\"u}ller, J{\\"o}rg}, journal = {arXiv preprint arXiv:1810.04805}}',
      '@book{knuth1984, title = {The TeXbook}, author = {Knuth, Donald E.}, year = 1984}',
    ].join('\n'),
  );
  const library = await ff.openExtensionPage('library.html');
  const input = (await library.waitForSelector('input[type="file"][accept*=".bib"]')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(file);
  await library.waitForSelector('.import-report');
  expect(await library.$eval('.import-report > p', (p) => p.textContent)).toBe('refs.bib: 1 added, 0 updated, 0 unchanged, 1 skipped');
  await library.waitForSelector('li[data-papershelf-id="1810.04805"]');
  expect(await library.$eval('li[data-papershelf-id="1810.04805"]', (row) => row.textContent)).toContain('Jörg Müller');
  rmSync(dir, { recursive: true, force: true });
});

// Issue #13: in Firefox the background page's requests to Zotero (127.0.0.1:23119) reach the protocol double
// through the test's proxy; the listing's "in Zotero" mark is drawn inside the closed control, where BiDi
// cannot read it (Chromium's suite reads it), so here the send is what is checked.
test('papers saved on a listing go to Zotero from the library page, with their tags', async ({ ff }) => {
  const tab = await ff.openListing('huggingface/daily');
  await tab.waitForSelector('[data-papershelf-id]');
  const saved = (await idsOf(tab)).slice(0, 3);
  for (const id of saved) {
    await pressWithKeyboard(tab, id);
    await expect.poll(() => showsSaved(tab, id)).toBe(true);
  }
  const library = await ff.openExtensionPage('library.html');
  await library.waitForSelector(`li[data-papershelf-id="${saved[2]}"]`);
  await library.click('::-p-aria([name="Select all shown"][role="checkbox"])');
  await library.click('::-p-aria([name="Send the selection to Zotero"][role="button"])');
  await library.waitForFunction(() => document.body.innerText.includes('Sent 3 papers to Zotero.'), { timeout: 15_000 });
  expect(ff.zotero.state.problems).toEqual([]);
  expect(ff.zotero.state.requests.map(({ method, path }) => `${method} ${path}`)).toEqual([
    'POST /connector/ping',
    'POST /connector/saveItems',
  ]);
  expect(ff.zotero.state.received.map((item) => item.archiveID).sort()).toEqual(saved.map((id) => `arXiv:${id}`).sort());
  for (const item of ff.zotero.state.received)
    expect(item).toMatchObject({ itemType: 'preprint', repository: 'arXiv', tags: expect.arrayContaining([{ tag: 'to-read' }]) });
});
