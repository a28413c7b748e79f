import { afterFirstContentfulPaint } from '@/lib/pages/after-paint';

// The first rows are painted by /popup-first-paint.js (entrypoints/popup-first-paint.ts) before this
// module runs; the live popup's code (React, Dexie) loads once they are on screen.
const root = document.getElementById('root')!;
void (window.papershelfFirstRows ?? Promise.resolve(undefined)).then((first) =>
  afterFirstContentfulPaint(() => {
    void import('./mount').then(({ mountPopup }) => mountPopup(root, first));
  }),
);
