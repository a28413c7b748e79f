import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// Issue #10: the built manifests, Chrome's and Firefox's, are exactly what we mean to ship: a test fails on
// any change it was not told of, and the README's permissions table says the same as the manifest.
const ROOT = join(import.meta.dirname, '..', '..');
const read = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, unknown>;
const { version } = read('package.json') as { version: string };

test.beforeAll(() => {
  // global-setup builds Chrome's; Firefox's is built here (a few seconds).
  if (process.env.PAPERSHELF_SKIP_BUILD !== '1' || !existsSync(join(ROOT, '.output/firefox-mv2/manifest.json')))
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: ROOT, stdio: 'ignore' });
});

const CSP =
  "script-src 'self'; object-src 'none'; base-uri 'none'; connect-src https://export.arxiv.org https://huggingface.co http://127.0.0.1:23119;";
const common = {
  name: 'PaperShelf',
  description:
    'One-click Save on Hugging Face Papers and arXiv listings. Notes, tags, read status and BibTeX export, kept locally in your browser.',
  version,
  icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
  content_scripts: [
    { matches: ['https://arxiv.org/*', 'https://huggingface.co/*'], run_at: 'document_start', js: ['content-scripts/content.js'] },
  ],
};

test('the Chrome manifest is exactly the one we ship', () => {
  expect(read('.output/chrome-mv3/manifest.json')).toEqual({
    manifest_version: 3,
    ...common,
    permissions: ['storage', 'alarms', 'unlimitedStorage'],
    host_permissions: ['https://export.arxiv.org/*', 'https://huggingface.co/*', 'http://127.0.0.1:23119/*'],
    action: { default_title: 'PaperShelf', default_popup: 'popup.html' },
    content_security_policy: { extension_pages: CSP },
    background: { service_worker: 'background.js' },
  });
});

test('the Firefox manifest is exactly the one we ship', () => {
  expect(read('.output/firefox-mv2/manifest.json')).toEqual({
    manifest_version: 2,
    ...common,
    permissions: [
      'storage',
      'alarms',
      'unlimitedStorage',
      'https://export.arxiv.org/*',
      'https://huggingface.co/*',
      // Firefox's patterns cannot name a port (lib/model/zotero-endpoints.ts).
      'http://127.0.0.1/*',
    ],
    content_security_policy: CSP,
    browser_specific_settings: {
      gecko: { id: 'papershelf@papershelf.dev', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: '142.0' },
    },
    background: { scripts: ['background.js'] },
    browser_action: { default_title: 'PaperShelf', default_popup: 'popup.html' },
  });
});

test('the README names every permission the manifest asks for, and no other', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('## Permissions, and why'));
  const rows = table.split('\n').filter((line) => /^\| (?!permission |---)/.test(line));
  const named = rows.flatMap((row) => [...row.split('|')[1]!.matchAll(/`([^`]+)`/g)].map((match) => match[1]!));
  const manifest = read('.output/chrome-mv3/manifest.json') as {
    permissions: string[];
    host_permissions: string[];
    content_scripts: { matches: string[] }[];
  };
  const asked = [...manifest.permissions, ...manifest.host_permissions, ...manifest.content_scripts.flatMap((script) => script.matches)];
  expect(new Set(named)).toEqual(new Set(asked));
});

// Issue #12: the content script loads on every listing page; the worker parses every message anyway.
test('the content script carries no schema library and stays within 12 KB gzipped', () => {
  const script = readFileSync(join(ROOT, '.output/chrome-mv3/content-scripts/content.js'));
  expect(script.toString('utf8')).not.toMatch(/ZodError|\$ZodType|_zod/);
  const gzipped = gzipSync(script).length;
  console.log(`content script: ${script.length} bytes, ${gzipped} gzipped`);
  expect(gzipped).toBeLessThanOrEqual(12 * 1024);
});
