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
    imports: ['lib/model', 'lib/sites', 'lib/messaging', 'lib/storage', 'lib/db', 'lib/lookup'],
  },
  'lib/db': { runs: 'the service worker (writes), the pages (reads)', imports: ['lib/model', 'lib/formats'] },
  'lib/lookup': { runs: 'the service worker', imports: ['lib/model', 'lib/storage', 'lib/db'] },
  'lib/formats': { runs: 'the worker and the pages (pure)', imports: ['lib/model'] },
  'lib/view': { runs: 'the pages and components (pure)', imports: ['lib/model'] },
  'lib/pages': {
    runs: 'the popup and the library page',
    imports: ['lib/model', 'lib/view', 'lib/messaging', 'lib/storage', 'lib/db', 'lib/formats'],
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
const PURE = ['components/**', 'lib/model/**', 'lib/sites/**', 'lib/formats/**', 'lib/view/**'];

const notInContentScript = [
  'dexie',
  'dexie-react-hooks',
  'react',
  'react-dom',
  'fast-xml-parser',
  '@retorquere/bibtex-parser',
  '@tanstack/react-virtual',
].map((name) => ({
  name,
  message: `${name} stays out of the content script, which runs in every page of both sites (README.md, "Layout").`,
}));
const notInPureCode = ['wxt/browser', 'wxt/utils/storage', '#imports', 'dexie', 'dexie-react-hooks'].map((name) => ({
  name,
  message: `${name} is a browser API, and this room is pure (README.md, "Layout"): pass in what the code needs.`,
}));
const browserGlobals = ['chrome', 'browser', 'indexedDB', 'localStorage', 'sessionStorage'].map((name) => ({
  name,
  message: `${name} is a browser API, and this room is pure (README.md, "Layout"): it belongs to lib/pages, lib/content or lib/background.`,
}));

/** One config per group of files, so that a file in both groups gets both lists (a later rule would replace an earlier). */
const restrictions = [...new Set([...CONTENT_SCRIPT_GRAPH, ...PURE])].map((glob) => {
  const paths = [...(CONTENT_SCRIPT_GRAPH.includes(glob) ? notInContentScript : []), ...(PURE.includes(glob) ? notInPureCode : [])];
  const unique = paths.filter((path, index) => paths.findIndex((other) => other.name === path.name) === index);
  return {
    basePath: root,
    files: [glob],
    rules: {
      'no-restricted-imports': ['error', { paths: unique }],
      ...(PURE.includes(glob) && { 'no-restricted-globals': ['error', ...browserGlobals] }),
    },
  };
});

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
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: roomZones }],
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
  ...restrictions,
);
