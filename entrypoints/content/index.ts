import { startAnnotating } from '@/lib/content/start';
import { CONTENT_SCRIPT_MATCHES } from '@/lib/sites/hosts';

// The content script's code is lib/content/ (annotator, Save control) with lib/sites/ (the adapters).
export default defineContentScript({
  matches: CONTENT_SCRIPT_MATCHES,
  // document_start: the saved ids are read while the page is parsed, and the controls mounted at DOMContentLoaded (lib/content/start.ts).
  runAt: 'document_start',
  main: (ctx) => void startAnnotating(ctx),
});
