// `npm run demo`: build PaperShelf, load it into Chromium, and use it on the bundled offline pages.
// Leaves screenshots and the exported .bib in demo-output/. `npm run demo -- --headed` leaves a visible
// browser running.
import { readControl } from '../support/closed-controls.mjs';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CHROMIUM_HELP, findChromium } from '../support/chromium.mjs';
import { launchWithExtension } from '../support/extension-browser.mjs';
import { fixture, listFixtures } from '../support/fixtures.mjs';

const headed = process.argv.includes('--headed');
const OUT = 'demo-output';

if (!findChromium()) {
  console.error(CHROMIUM_HELP);
  process.exit(1);
}
if (headed && !process.env.DISPLAY && process.platform === 'linux') {
  console.error('--headed needs a desktop (no DISPLAY is set). Run `npm run demo` for the headless tour.');
  process.exit(1);
}

console.log('Building the extension…');
execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
mkdirSync(OUT, { recursive: true });

const { context, extensionId, pages } = await launchWithExtension({ headless: !headed });
for (const page of listFixtures()) pages.set(page.url, page.html);
console.log(`PaperShelf loaded as chrome-extension://${extensionId}; serving ${pages.size} offline pages.`);

/** Opens a bundled page, clicks Save on its first `count` papers, and screenshots it. */
async function saveFrom(name, count) {
  const tab = await context.newPage();
  await tab.goto(fixture(name).url);
  const controls = tab.locator('[data-papershelf-id]');
  await controls.first().waitFor();
  const total = await controls.count();
  const ids = await controls.evaluateAll((hosts) => hosts.map((host) => host.getAttribute('data-papershelf-id')));
  for (let index = 0; index < Math.min(count, total); index++) {
    // The button is in a closed shadow root: read as a screen reader does, clicked where it is.
    const nth = ids.slice(0, index).filter((id) => id === ids[index]).length;
    if ((await readControl(tab, ids[index], nth))?.name !== 'Saved') await controls.nth(index).click();
    while ((await readControl(tab, ids[index], nth))?.name !== 'Saved') await tab.waitForTimeout(50);
  }
  const shot = join(OUT, `${name.replace('/', '-')}.png`);
  await tab.screenshot({ path: shot });
  console.log(`  ${name}: ${total} papers recognized, saved ${Math.min(count, total)} → ${shot}`);
  return tab;
}

await saveFrom('huggingface/daily', 3);
await saveFrom('arxiv/list-new', 2);

const popup = await context.newPage();
// The size Chrome gives the popup (its .popup box), and the live popup rather than its first paint.
await popup.setViewportSize({ width: 440, height: 584 });
await popup.goto(`chrome-extension://${extensionId}/popup.html`);
await popup.waitForFunction(() => performance.getEntriesByName('papershelf:live-rows').length > 0);
await popup.getByRole('checkbox', { name: 'Unread count on toolbar icon' }).and(popup.locator(':enabled')).waitFor();
await popup.screenshot({ path: join(OUT, 'popup.png') });
console.log(`  popup: ${await popup.locator('li[data-papershelf-id]').count()} saved papers → ${join(OUT, 'popup.png')}`);

// The popup's own button, as a user would click it; the file is saved under the name the popup gave it.
const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: 'Export BibTeX' }).click()]);
const bib = join(OUT, download.suggestedFilename());
await download.saveAs(bib);
console.log(`  Export BibTeX: ${(await readFile(bib, 'utf8')).match(/^@misc\{/gm)?.length ?? 0} entries → ${bib}`);

if (headed) {
  console.log('The browser stays open with PaperShelf loaded; close it (or press Ctrl+C) when done.');
  await new Promise((resolve) => context.on('close', resolve));
} else {
  await context.close();
  console.log(`Done. Screenshots and the .bib are in ${OUT}/.`);
}
