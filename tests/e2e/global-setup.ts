import { execFileSync } from 'node:child_process';
import { CHROMIUM_HELP, findChromium } from '../support/chromium.mjs';

/** The end-to-end tests drive the real build: make it fresh, and fail early without a browser. */
export default function globalSetup() {
  if (!findChromium()) throw new Error(CHROMIUM_HELP);
  if (process.env.PAPERSHELF_SKIP_BUILD !== '1') execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
}
