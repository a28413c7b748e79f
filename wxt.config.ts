import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: ({ browser }) => ({
    name: 'PaperShelf',
    description:
      'One-click Save on Hugging Face Papers and arXiv listings. Notes, tags, read status and BibTeX export, kept locally in your browser.',
    // `storage` carries the "papers changed" signal to every open listing tab (see lib/saved-state-signal.ts).
    permissions: ['storage'],
    action: { default_title: 'PaperShelf' },
    // Firefox needs an add-on id to keep IndexedDB across restarts; Chrome would warn about the key.
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'papershelf@papershelf.dev',
          strict_min_version: '140.0',
          // AMO asks every add-on to declare what it collects: nothing leaves the browser.
          data_collection_permissions: { required: ['none'] },
        },
        // The first Firefox for Android that knows data_collection_permissions.
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
