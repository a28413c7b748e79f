// The popup's first paint as its own classic script, loaded first in popup/index.html's head and built by
// WXT as one self-contained file: an extension page pays ~25 ms per file it loads before its first paint
// (measured here), and a module script would wait for the whole document. See lib/pages/first-paint.ts.
// It also brings the popup's styles, for the live popup too (which therefore loads no stylesheet file).
import styles from '@/components/papers.css?inline';
import { paintFirstRows } from '@/lib/pages/first-paint';

export default defineUnlistedScript(() => {
  // This runs from the page's head: the root element comes when the parser gets there.
  const bodyReady = new Promise<void>((resolve) => {
    if (document.readyState !== 'loading') resolve();
    else document.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
  });
  performance.mark('papershelf:start');
  document.head.append(Object.assign(document.createElement('style'), { textContent: styles }));
  // Picked up by the live popup (popup/main.ts), which starts from what was read here.
  window.papershelfFirstRows = paintFirstRows(bodyReady.then(() => document.getElementById('root')!)).catch((error: unknown) => {
    console.warn('PaperShelf: could not paint the first rows early', error);
    return undefined;
  });
});
