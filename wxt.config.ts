import { defineConfig } from 'wxt';
import { extensionPagesCsp, LOOKUP_HOST_PERMISSIONS } from './lib/lookup/endpoints';
import { ZOTERO_HOST_PERMISSION, ZOTERO_ORIGIN } from './lib/model/zotero-endpoints';

const EXTENSION_PAGES_CSP = extensionPagesCsp([ZOTERO_ORIGIN]);

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // The parser's first pass alone (@retorquere/bibtex-parser splits a file into entries and raw fields in about
  // 2% of its full parse; the rest is decoding LaTeX): the import decodes only what it reads (issue #12). The
  // package does not export it: lib/formats/bibtex-import.ts types it, and its test fails if it moves.
  alias: { 'bibtex-parser-verbatim': 'node_modules/@retorquere/bibtex-parser/dist/esm/verbatim.js' },
  // `npm run zip:firefox`: the add-on and the sources archive addons.mozilla.org asks for (what the build
  // reads, not what the tests and the demo leave behind).
  zip: { excludeSources: ['demo-output/**', 'test-results/**', 'bench-output/**', '.wxt/**'] },
  manifest: ({ browser }) => ({
    name: 'PaperShelf',
    description:
      'One-click Save on Hugging Face Papers and arXiv listings. Notes, tags, read status and BibTeX export, kept locally in your browser.',
    // `storage` carries the "papers changed" signal to every open listing tab (lib/storage/saved-state-signal.ts)
    // and the settings; `alarms` wakes the worker for queued lookups (lib/lookup/worker.ts).
    permissions: ['storage', 'alarms', 'unlimitedStorage'],
    // The two APIs the lookups ask (issue #6), and Zotero on this computer (issue #13), and nothing else;
    // README.md explains each. Zotero's is required, not optional: Chromium's prompt for an optional one
    // cannot be driven in a test, and a required host can still be withheld by the user (README.md). The
    // sites the content script runs on are its own `matches` (entrypoints/content/index.ts, lib/sites/hosts.ts).
    host_permissions: [...LOOKUP_HOST_PERMISSIONS, ZOTERO_HOST_PERMISSION[browser === 'firefox' ? 'firefox' : 'chrome']],
    action: { default_title: 'PaperShelf' },
    // Firefox's build is MV2, whose policy is one string; no web_accessible_resources, no externally_connectable.
    content_security_policy: browser === 'firefox' ? EXTENSION_PAGES_CSP : { extension_pages: EXTENSION_PAGES_CSP },
    // Firefox needs an add-on id to keep IndexedDB across restarts; Chrome would warn about the key.
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'papershelf@papershelf.dev',
          strict_min_version: '140.0',
          // AMO asks every add-on to declare what it collects: nothing about the user. (Lookups send public arXiv
          // ids to arXiv and Hugging Face to fetch public metadata, and can be switched off.)
          data_collection_permissions: { required: ['none'] },
        },
        // The first Firefox for Android that knows data_collection_permissions.
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
