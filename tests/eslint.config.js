// ESLint for the whole project (`npm run lint`, part of `npm test`). Beside the usual rules, it keeps the walls
// between the rooms of lib/ (README.md, "Layout"): which room may import which, which code may use browser
// APIs, and what stays out of the content script. A wall broken fails with the room's rule in the message.
// It lives in tests/ to keep the project's top level as it is; `npm run lint` passes it with --config.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Every room, with where its code runs, and the rooms it may import (besides itself). Anything not listed is
 * a wall: `lib/pages` never reaches `lib/background`, `lib/db` never reaches `lib/lookup`, and so on.
 */
export const ROOMS = {
  'lib/model': { runs: 'everywhere (pure)', imports: [] },
  'lib/sites': { runs: 'the content script (pure)', imports: ['lib/model'] },
  'lib/content': { runs: 'the content script', imports: ['lib/model', 'lib/sites', 'lib/messaging', 'lib/storage'] },
  'lib/messaging': { runs: 'every context', imports: ['lib/model'] },
  'lib/storage': { runs: 'every context', imports: ['lib/model'] },
  'lib/background': {
    runs: 'the service worker',
    imports: ['lib/model', 'lib/sites', 'lib/messaging', 'lib/storage', 'lib/db', 'lib/lookup', 'lib/zotero'],
  },
  'lib/db': { runs: 'the service worker (writes), the pages (reads)', imports: ['lib/model', 'lib/formats'] },
  'lib/lookup': { runs: 'the service worker', imports: ['lib/model', 'lib/storage', 'lib/db'] },
  'lib/zotero': { runs: 'the service worker', imports: ['lib/model', 'lib/formats', 'lib/db'] },
  'lib/formats': { runs: 'the worker and the pages (pure)', imports: ['lib/model'] },
  'lib/view': { runs: 'the pages and components (pure)', imports: ['lib/model'] },
  'lib/import-worker': {
    runs: 'the dedicated Web Worker the library page starts for a BibTeX import',
    imports: ['lib/model', 'lib/formats'],
  },
  'lib/pages': {
    runs: 'the popup and the library page',
    imports: ['lib/model', 'lib/view', 'lib/messaging', 'lib/storage', 'lib/db', 'lib/formats', 'lib/import-worker'],
  },
  components: { runs: 'the popup and the library page (React, no browser APIs)', imports: ['lib/model', 'lib/view', 'lib/formats'] },
  'entrypoints/background.ts': { runs: 'the service worker', imports: ['lib/background'] },
  'entrypoints/content': { runs: 'the content script', imports: ['lib/content', 'lib/sites'] },
  'entrypoints/popup': { runs: 'the popup', imports: ['lib/model', 'lib/view', 'lib/pages', 'components'] },
  'entrypoints/popup-first-paint.ts': { runs: 'the popup, before React', imports: ['lib/pages', 'components'] },
  'entrypoints/library': { runs: 'the library page', imports: ['lib/model', 'lib/view', 'lib/pages', 'components'] },
};

const roomZones = Object.entries(ROOMS).map(([room, { runs, imports }]) => ({
  target: `./${room}`,
  from: Object.keys(ROOMS)
    .filter((other) => other !== room && !imports.includes(other))
    .map((other) => `./${other}`),
  message: `${room} runs in ${runs} and may import only ${imports.length ? imports.join(', ') : 'packages'} (tests/eslint.config.js, ROOMS).`,
}));

/**
 * The code that ends up in the content script runs in every page of both sites: it stays small and free of
 * the database and React. The pure rooms touch no browser API: they run in tests on saved pages, and anywhere.
 */
const CONTENT_SCRIPT_GRAPH = [
  'entrypoints/content/**',
  'lib/content/**',
  'lib/sites/**',
  'lib/model/**',
  'lib/messaging/**',
  'lib/storage/**',
];
// The import worker is a Web Worker without extension APIs: it has only its messages.
const PURE = ['components/**', 'lib/model/**', 'lib/sites/**', 'lib/formats/**', 'lib/view/**', 'lib/import-worker/**'];

const CONTENT_SCRIPT_PACKAGES = [
  'dexie',
  'dexie-react-hooks',
  'react',
  'react-dom',
  'fast-xml-parser',
  '@retorquere/bibtex-parser',
  '@tanstack/react-virtual',
];
const BROWSER_API_MODULES = ['wxt/browser', 'wxt/utils/storage', '#imports', '@wxt-dev/storage', 'dexie', 'dexie-react-hooks'];
const BROWSER_GLOBALS = ['chrome', 'browser', 'indexedDB', 'localStorage', 'sessionStorage', 'fetch'];

const contentScriptMessage = (name) =>
  `${name} stays out of the content script, which runs in every page of both sites (README.md, "Layout").`;
const pureMessage = (name) => `${name} is a browser API, and this room is pure (README.md, "Layout"): pass in what the code needs.`;
/** A package and its subpaths (`react`, `react/jsx-runtime`), as `import … from`, `import()` would name them. */
const packagePattern = (name) => `^${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?:\\/|$)`;

/**
 * No markup from strings in shipped code (issue #10): a page's title or an API's answer must never become
 * elements. Text goes in with `textContent` and React's children; the one constant template says why.
 */
const MARKUP_MESSAGE = 'Markup from a string: build elements (textContent, React children), so outside data never becomes markup.';
const MARKUP_SINKS = [
  'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
  'CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment|setHTMLUnsafe)$/]',
  "CallExpression[callee.object.name='document'][callee.property.name=/^writeln?$/]",
  "JSXAttribute[name.name='dangerouslySetInnerHTML']",
].map((selector) => ({ selector, message: MARKUP_MESSAGE }));
const SHIPPED = ['lib/**', 'components/**', 'entrypoints/**'];

/**
 * The rules for one glob: a file in both groups gets both lists, in one config, since a later config's
 * rule replaces an earlier one's.
 */
function restrictionsFor(glob) {
  const inContent = CONTENT_SCRIPT_GRAPH.includes(glob);
  const pure = PURE.includes(glob);
  const forbidden = [
    ...(inContent ? CONTENT_SCRIPT_PACKAGES.map((name) => ({ name, message: contentScriptMessage(name) })) : []),
    ...(pure ? BROWSER_API_MODULES.map((name) => ({ name, message: pureMessage(name) })) : []),
  ].filter((entry, index, all) => all.findIndex((other) => other.name === entry.name) === index);
  return {
    basePath: root,
    files: [glob],
    rules: {
      'no-restricted-imports': ['error', { patterns: forbidden.map(({ name, message }) => ({ regex: packagePattern(name), message })) }],
      'no-restricted-syntax': [
        'error',
        ...MARKUP_SINKS,
        ...forbidden.map(({ name, message }) => ({ selector: `ImportExpression[source.value=/${packagePattern(name)}/]`, message })),
        ...(inContent ? [{ selector: 'JSXElement, JSXFragment', message: contentScriptMessage('React (JSX)') }] : []),
      ],
      ...(pure && {
        'no-restricted-globals': ['error', ...BROWSER_GLOBALS.map((name) => ({ name, message: pureMessage(name) }))],
        'no-restricted-properties': [
          'error',
          ...['globalThis', 'window', 'self'].flatMap((object) =>
            BROWSER_GLOBALS.map((property) => ({ object, property, message: pureMessage(`${object}.${property}`) })),
          ),
        ],
      }),
    },
  };
}
const restrictions = [...new Set([...CONTENT_SCRIPT_GRAPH, ...PURE])].map(restrictionsFor);

/**
 * Walls inside the rooms: the pages read the database but never write it (the worker is its one writer);
 * the BibTeX parser runs only in the import worker: never in the service worker (its whole bundle loads
 * whenever it wakes), never on a page's main thread (a large file takes seconds, issue #12), and the pages
 * reach the import worker only through its protocol (its script is started by URL, not imported).
 */
const DB_WRITES = ['papers', 'library-files', 'merge', 'lookup-queue', 'lookup-answers', 'zotero'].map((file) => `./lib/db/${file}.ts`);
const innerZones = [
  {
    target: ['./lib/pages', './components', './entrypoints/popup', './entrypoints/library'],
    from: DB_WRITES,
    message: 'The pages read the database (lib/db/database.ts) but never write it: ask the background (lib/messaging/client.ts).',
  },
  {
    target: ['./lib/background', './lib/db', './lib/lookup', './lib/zotero', './entrypoints/background.ts'],
    from: ['./lib/formats/bibtex-import.ts'],
    message: 'The BibTeX parser stays out of the worker: the import worker parses an imported file (lib/import-worker/).',
  },
  {
    target: ['./lib/pages', './components', './entrypoints/popup', './entrypoints/library'],
    from: ['./lib/formats/bibtex-import.ts', './lib/import-worker/answer.ts', './lib/import-worker/main.ts'],
    message:
      'The BibTeX parser stays off the page: the import worker parses the file (lib/pages/import-bibtex-file.ts starts it; import its protocol only).',
  },
];

export default tseslint.config(
  {
    basePath: root,
    ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'demo-output/**', 'test-results/**', 'bench-output/**', '**/fixtures/**'],
  },
  {
    basePath: root,
    files: ['**/*.{ts,tsx,js,mjs}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    plugins: { 'import-x': importX },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: `${root}tsconfig.json` })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: [...roomZones, ...innerZones] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    basePath: root,
    files: ['**/*.tsx', 'lib/pages/**'],
    plugins: { 'react-hooks': reactHooks },
    // The rules of hooks; the plugin's React Compiler checks are for code the compiler builds, which ours is not.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  // Before the rooms' restrictions, which repeat the sinks: a later config's rule replaces an earlier one's.
  { basePath: root, files: SHIPPED, rules: { 'no-restricted-syntax': ['error', ...MARKUP_SINKS] } },
  ...restrictions,
);
