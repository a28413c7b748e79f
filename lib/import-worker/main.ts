// The import worker's script (lib/pages/import-bibtex-file.ts starts it with `new Worker(new URL(…))`, one per
// import): it answers the one message it gets. It has no extension APIs, and needs none.
import { answerImport } from './answer';

globalThis.addEventListener('message', (event: MessageEvent) => globalThis.postMessage(answerImport(event.data)));
