// @vitest-environment node
// The walls between the rooms hold only while the lint rules that keep them still fire: each case below
// puts a file with one broken wall where it would live, and expects `npm run lint` to name the rule.
import { readdirSync } from 'node:fs';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ overrideConfigFile: 'tests/eslint.config.js' });
});

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

describe('the lint rules that keep the rooms', () => {
  it.each([
    [
      'the content script writes innerHTML',
      'lib/content/annotator.ts',
      'export const x = (element: Element, title: string) => { element.innerHTML = title; };',
      /no-restricted-syntax: Markup from a string/,
    ],
    [
      'a component sets dangerouslySetInnerHTML',
      'components/Notice.tsx',
      'export const X = ({ html }: { html: string }) => <p dangerouslySetInnerHTML={{ __html: html }} />;',
      /no-restricted-syntax: Markup from a string/,
    ],
    [
      'a page inserts HTML',
      'lib/pages/shelf.ts',
      "export const x = (element: Element, text: string) => element.insertAdjacentHTML('beforeend', text);",
      /no-restricted-syntax: Markup from a string/,
    ],
    [
      'the content script imports Dexie',
      'lib/sites/registry.ts',
      "import Dexie from 'dexie';\nexport const x = Dexie;",
      /no-restricted-imports: .*dexie stays out of the content script/,
    ],
    [
      'the content script imports React',
      'lib/content/save-control.ts',
      "import { useState } from 'react';\nexport const x = useState;",
      /no-restricted-imports: .*react stays out of the content script/,
    ],
    [
      'a component calls chrome.*',
      'components/Notice.tsx',
      'export const x = () => chrome.runtime.id;',
      /no-restricted-globals: .*chrome is a browser API/,
    ],
    [
      'a component imports wxt/browser',
      'components/Notice.tsx',
      "import { browser } from 'wxt/browser';\nexport const x = browser;",
      /no-restricted-imports: .*wxt\/browser is a browser API/,
    ],
    [
      'an adapter reads localStorage',
      'lib/sites/entry.ts',
      "export const x = () => localStorage.getItem('k');",
      /no-restricted-globals: .*localStorage/,
    ],
    [
      'the pages import the background',
      'lib/pages/shelf.ts',
      "import { HANDLERS } from '@/lib/background/handlers';\nexport const x = HANDLERS;",
      /import-x\/no-restricted-paths: .*lib\/pages runs in/,
    ],
    [
      'the database imports the lookups',
      'lib/db/papers.ts',
      "import { tasksFor } from '../lookup/queue';\nexport const x = tasksFor;",
      /import-x\/no-restricted-paths: .*lib\/db runs in/,
    ],
    [
      'the content script imports the database',
      'lib/content/annotator.ts',
      "import { db } from '@/lib/db/database';\nexport const x = db;",
      /import-x\/no-restricted-paths: .*lib\/content runs in/,
    ],
  ])('%s: fails, naming the rule', async (_, filePath, code, expected) => {
    expect((await problems(filePath, code)).join('\n')).toMatch(expected);
  });

  it.each([
    [
      'the content script imports a React subpath',
      'lib/content/start.ts',
      "import { createRoot } from 'react-dom/client';\nexport const x = createRoot;",
      /react-dom stays out of the content script/,
    ],
    [
      'the content script loads Dexie on demand',
      'lib/content/start.ts',
      "export const x = () => import('dexie');",
      /no-restricted-syntax: .*dexie stays out of the content script/,
    ],
    [
      'the content script renders JSX',
      'lib/content/badge.tsx',
      'export const x = <b>saved</b>;',
      /no-restricted-syntax: .*React \(JSX\) stays out/,
    ],
    [
      'a component reaches chrome through globalThis',
      'components/Notice.tsx',
      'export const x = () => globalThis.chrome;',
      /no-restricted-properties: .*globalThis\.chrome is a browser API/,
    ],
    [
      'a component fetches',
      'components/Notice.tsx',
      "export const x = () => fetch('https://example.org');",
      /no-restricted-globals: .*fetch is a browser API/,
    ],
    [
      'the pages write the database',
      'lib/pages/shelf.ts',
      "import { savePaper } from '@/lib/db/papers';\nexport const x = savePaper;",
      /import-x\/no-restricted-paths: .*never write it/,
    ],
    [
      'the worker loads the BibTeX parser',
      'lib/background/handlers.ts',
      "import { parseBibtexForImport } from '@/lib/formats/bibtex-import';\nexport const x = parseBibtexForImport;",
      /import-x\/no-restricted-paths: .*BibTeX parser stays out of the worker/,
    ],
    [
      'the library page loads the BibTeX parser on its main thread',
      'lib/pages/import-bibtex-file.ts',
      "export const x = () => import('@/lib/formats/bibtex-import');",
      /import-x\/no-restricted-paths: .*BibTeX parser stays off the page/,
    ],
    [
      'the library page imports the import worker’s parse instead of starting the worker',
      'lib/pages/import-bibtex-file.ts',
      "import { answerImport } from '@/lib/import-worker/answer';\nexport const x = answerImport;",
      /import-x\/no-restricted-paths: .*BibTeX parser stays off the page/,
    ],
    [
      'the import worker reaches for the messaging client',
      'lib/import-worker/answer.ts',
      "import { askBackground } from '@/lib/messaging/client';\nexport const x = askBackground;",
      /import-x\/no-restricted-paths: .*lib\/import-worker runs in/,
    ],
  ])('%s: fails, naming the rule', async (_, filePath, code, expected) => {
    expect((await problems(filePath, code)).join('\n')).toMatch(expected);
  });

  it('knows every room: no folder of lib/ without its walls, no file loose in lib/', async () => {
    const { ROOMS } = (await import('../eslint.config.js')) as { ROOMS: Record<string, unknown> };
    const entries = readdirSync('lib', { withFileTypes: true });
    expect(entries.filter((entry) => !entry.isDirectory()).map((entry) => entry.name)).toEqual([]);
    for (const entry of entries) expect(Object.keys(ROOMS)).toContain(`lib/${entry.name}`);
  });

  it('lets each room import what it may', async () => {
    expect(await problems('lib/pages/shelf.ts', "import { db } from '@/lib/db/database';\nexport const x = db;")).toEqual([]);
    expect(
      await problems(
        'lib/pages/import-bibtex-file.ts',
        "import { ImportWorkerReply } from '@/lib/import-worker/protocol';\nexport const x = ImportWorkerReply;",
      ),
    ).toEqual([]);
    expect(
      await problems('lib/content/annotator.ts', "import { adapterFor } from '@/lib/sites/registry';\nexport const x = adapterFor;"),
    ).toEqual([]);
  });
});
