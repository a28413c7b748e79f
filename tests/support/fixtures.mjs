// Committed page fixtures, found by the URL their first-line comment declares.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURE_ROOT = join(import.meta.dirname, '..', 'fixtures');

/** Every committed fixture: `{ name: 'huggingface/daily', url, html, path }`. */
export function listFixtures() {
  return readdirSync(FIXTURE_ROOT, { withFileTypes: true })
    .filter((dir) => dir.isDirectory())
    .flatMap((dir) =>
      readdirSync(join(FIXTURE_ROOT, dir.name))
        .filter((file) => file.endsWith('.html'))
        .map((file) => {
          const path = join(FIXTURE_ROOT, dir.name, file);
          const html = readFileSync(path, 'utf8');
          const url = /url=(\S+)/.exec(html.slice(0, html.indexOf('\n')))?.[1];
          if (!url) throw new Error(`${path}: the first line must be a comment with url=<where the page is served>`);
          return { name: `${dir.name}/${file.replace(/\.html$/, '')}`, url, html, path };
        }),
    );
}

export function fixture(name) {
  const found = listFixtures().find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no fixture named ${name}`);
  return found;
}
