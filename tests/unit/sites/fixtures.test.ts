import { PaperMetadata } from '@/lib/model/paper';
import type { PaperEntry } from '@/lib/sites/types';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapters, adapterFor } from '@/lib/sites/registry';
import { listFixtures } from '../../support/fixtures.mjs';

/** What the worker stores from an entry: the content script sends it as read, the worker parses it. */
const stored = (found: PaperEntry) => PaperMetadata.parse(found.read());

// Every committed page fixture, checked against the expected-result file beside it. A new fixture
// needs no new test: drop `<name>.html` and `<name>.expected.json` into the site's fixtures folder.
const fixtures = listFixtures();
const SITES = adapters.map((adapter) => adapter.site);

describe('fixture conventions', () => {
  it('has fixtures for both sites', () => {
    for (const site of SITES) expect(fixtures.filter((fixture) => fixture.site === site).length).toBeGreaterThanOrEqual(5);
  });

  it.each(fixtures.map((fixture) => [fixture.name, fixture] as const))(
    '%s says where it was served, what it is modelled on and when',
    (_, fixture) => {
      expect(fixture.firstLine).toMatch(/^<!-- papershelf-fixture url=https:\/\/\S+ modelled on .+written \d{4}-\d{2}-\d{2} -->$/);
    },
  );

  it('has an expected-result file beside every fixture, and no orphans', () => {
    for (const folder of new Set(fixtures.map((fixture) => dirname(fixture.path)))) {
      const files = readdirSync(folder);
      const pages = files.filter((file) => file.endsWith('.html')).map((file) => file.replace(/\.html$/, ''));
      const expectations = files.filter((file) => file.endsWith('.expected.json')).map((file) => file.replace(/\.expected\.json$/, ''));
      expect(expectations.sort()).toEqual(pages.sort());
    }
  });
});

describe.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('%s', (_, fixture) => {
  const expected = existsSync(fixture.expectedPath)
    ? (JSON.parse(readFileSync(fixture.expectedPath, 'utf8')) as { pageType: string; papers: unknown[] })
    : null;
  const url = new URL(fixture.url ?? 'about:blank');

  it('is recognized as the expected page type by its own site only', () => {
    const match = adapterFor(url);
    expect(match?.adapter.site).toBe(fixture.site);
    expect(match?.pageType).toBe(expected?.pageType);
    for (const other of adapters.filter((adapter) => adapter.site !== fixture.site)) expect(other.pageType(url)).toBeNull();
  });

  it('yields exactly the expected papers, in page order', () => {
    const doc = new DOMParser().parseFromString(fixture.html, 'text/html');
    const entries = adapterFor(url)!.adapter.extract(url, doc);
    expect(entries.map((found) => stored(found))).toEqual(expected?.papers);
  });

  it('anchors every entry to its own element inside the page', () => {
    const doc = new DOMParser().parseFromString(fixture.html, 'text/html');
    const entries = adapterFor(url)!.adapter.extract(url, doc);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((entry) => entry.anchor.ownerDocument === doc && doc.documentElement.contains(entry.anchor))).toBe(true);
    expect(new Set(entries.map((entry) => entry.anchor)).size).toBe(entries.length);
  });

  it('leaves the page as it was', () => {
    const doc = new DOMParser().parseFromString(fixture.html, 'text/html');
    const before = doc.documentElement.outerHTML;
    adapterFor(url)!.adapter.extract(url, doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});
