// The content script's size (issue #12: ≤ 12 KB minified and gzipped): every listing page parses it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_PATH } from '../../support/extension-browser.mjs';
import { row } from '../report.mjs';

export async function measure() {
  const script = readFileSync(join(EXTENSION_PATH, 'content-scripts', 'content.js'));
  const kb = (bytes) => bytes / 1000;
  return [
    row({ scenario: 'content script', measure: 'minified', values: [kb(script.length)], unit: 'KB' }),
    row({ scenario: 'content script', measure: 'minified + gzip', values: [kb(gzipSync(script).length)], unit: 'KB', budget: 12 }),
  ];
}
