import '@/components/papers.css';
import { afterFirstContentfulPaint } from '@/lib/after-paint';
import { paintFirstRows } from './first-paint';

// Kept small on purpose: the newest papers are on screen before the live popup's code (React, Dexie) loads.
performance.mark('papershelf:start');
const root = document.getElementById('root')!;
const firstRows = paintFirstRows(root).catch((error: unknown) => {
  console.warn('PaperShelf: could not paint the first rows early', error);
  return undefined;
});
void firstRows.then((first) =>
  afterFirstContentfulPaint(() => {
    void import('./mount').then(({ mountPopup }) => mountPopup(root, first));
  }),
);
