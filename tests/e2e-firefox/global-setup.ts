import { execFileSync } from 'node:child_process';
import { findFirefox, FIREFOX_HELP } from '../support/firefox-browser.mjs';

/**
 * The Firefox tests drive the real Firefox build: made fresh, as the package for addons.mozilla.org
 * (`npm run zip:firefox` builds, then zips it with its sources); fail early without a Firefox.
 */
export default function globalSetup() {
  if (!findFirefox()) throw new Error(FIREFOX_HELP);
  if (process.env.PAPERSHELF_SKIP_BUILD !== '1') execFileSync('npm', ['run', '--silent', 'zip:firefox'], { stdio: 'inherit' });
}
