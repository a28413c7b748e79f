// Finds a Chromium to drive. Never downloads one: this project runs where only package managers reach out.
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium() {
  const fromEnv = process.env.PAPERSHELF_CHROMIUM;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

export const CHROMIUM_HELP = [
  'No Chromium found for the browser tests and the demo.',
  'Install one with your package manager, for example on Debian or Ubuntu:',
  '  sudo apt-get update && sudo apt-get install -y chromium',
  'or point PAPERSHELF_CHROMIUM at a Chromium or Chrome binary.',
  'PaperShelf never downloads a browser by itself.',
].join('\n');

/** Flags for a Chromium with the built extension loaded and no traffic of its own to the outside. */
export function chromiumArgs(extensionPath) {
  return [
    `--disable-extensions-except=${extensionPath}`,
    `--load-extension=${extensionPath}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    // The DevTools protocol's Extensions domain: the tests load the build again, as an update does.
    '--enable-unsafe-extension-debugging',
  ];
}
