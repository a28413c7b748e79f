// The import worker's script (lib/pages/import-bibtex-file.ts starts it, one per import): it answers the one
// message it gets. It has no extension APIs, and needs none.
import { answerImport } from './answer';

globalThis.addEventListener('message', (event: MessageEvent) => {
  for (const reply of answerImport(event.data)) globalThis.postMessage(reply);
});
