// Starts Chromium with the built extension, serving pages at their real addresses and nothing else.
import { chromium } from '@playwright/test';
import { resolve } from 'node:path';
import { chromiumArgs, findChromium, CHROMIUM_HELP } from './chromium.mjs';

export const EXTENSION_PATH = resolve(import.meta.dirname, '..', '..', '.output', 'chrome-mv3');

/**
 * @param {{ headless?: boolean }} [options]
 * @returns {Promise<{ context: import('@playwright/test').BrowserContext, extensionId: string, pages: Map<string, string> }>}
 *   `pages` maps an exact URL (no fragment) to the HTML served there; any other http(s) request is aborted.
 */
export async function launchWithExtension({ headless = true } = {}) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(CHROMIUM_HELP);
  const context = await chromium.launchPersistentContext('', {
    executablePath,
    headless,
    args: chromiumArgs(EXTENSION_PATH),
    viewport: { width: 1280, height: 900 },
  });
  /** @type {Map<string, string>} */
  const pages = new Map();
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (!/^https?:/.test(url)) return route.fallback();
    const body = pages.get(url.replace(/#.*$/, ''));
    if (body !== undefined) return route.fulfill({ body, contentType: 'text/html; charset=utf-8' });
    return route.abort('blockedbyclient');
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, pages };
}
