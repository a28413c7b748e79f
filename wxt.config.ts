import { defineConfig } from 'wxt';

// Host access is limited to the sites PaperShelf annotates; see README "Permissions".
export const SUPPORTED_HOSTS = ['https://huggingface.co/*', 'https://arxiv.org/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: {
    name: 'PaperShelf',
    description:
      'One-click Save on Hugging Face Papers and arXiv listings. Notes, tags, read status and BibTeX export, kept locally in your browser.',
    // `storage` carries the "papers changed" signal to every open listing tab (see lib/change-signal.ts).
    permissions: ['storage'],
    action: { default_title: 'PaperShelf' },
    browser_specific_settings: {
      gecko: { id: 'papershelf@papershelf.dev', strict_min_version: '128.0' },
    },
  },
});
