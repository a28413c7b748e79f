// The one loader of committed page fixtures (tests/unit/sites/<site>/fixtures/<type>.html, each with its
// <type>.expected.json beside it), for the unit tests, the end-to-end tests, the demo and the benchmark.
// A fixture is served at the URL its first-line comment declares.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SITES_ROOT = join(import.meta.dirname, '..', 'unit', 'sites');

/**
 * @typedef {{ name: string, site: string, url: string, firstLine: string, html: string, path: string, expectedPath: string }} Fixture
 * @typedef {{ pageType: string, papers: any[] }} Expected
 */

/** @returns {Fixture[]} every committed fixture, `name` as in `huggingface/daily`. */
export function listFixtures() {
  return readdirSync(SITES_ROOT, { withFileTypes: true })
    .filter((dir) => dir.isDirectory() && existsSync(join(SITES_ROOT, dir.name, 'fixtures')))
    .flatMap((dir) => {
      const folder = join(SITES_ROOT, dir.name, 'fixtures');
      return readdirSync(folder)
        .filter((file) => file.endsWith('.html'))
        .map((file) => {
          const path = join(folder, file);
          const html = readFileSync(path, 'utf8');
          const firstLine = html.slice(0, html.indexOf('\n'));
          const url = /url=(\S+)/.exec(firstLine)?.[1];
          if (!url) throw new Error(`${path}: the first line must be a comment with url=<where the page is served>`);
          const name = `${dir.name}/${file.replace(/\.html$/, '')}`;
          return { name, site: dir.name, url, firstLine, html, path, expectedPath: path.replace(/\.html$/, '.expected.json') };
        });
    });
}

/** @returns {Fixture} */
export function fixture(name) {
  const found = listFixtures().find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no fixture named ${name}`);
  return found;
}

/** @returns {Expected} what the fixture's adapter must find on it (its .expected.json). */
export function expectedOf(name) {
  return JSON.parse(readFileSync(fixture(name).expectedPath, 'utf8'));
}
