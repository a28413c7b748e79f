import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { firstRowsReady } from '@/lib/pages/use-library';
import { App } from './App';
import { typedQuery, type FirstRows } from '@/lib/pages/first-paint';

/** The live popup, replacing the first paint (if any) once it has its own first rows. */
export async function mountPopup(root: HTMLElement, first: FirstRows | undefined): Promise<void> {
  await firstRowsReady(first);
  const reactRoot = createRoot(root);
  // Synchronously: nothing typed into the first paint's search box between reading it and replacing it is lost.
  flushSync(() =>
    reactRoot.render(
      <StrictMode>
        <App initialQuery={typedQuery(root)} />
      </StrictMode>,
    ),
  );
}
