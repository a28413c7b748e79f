import { startAnnotating } from '@/lib/content/start';
import { CONTENT_SCRIPT_MATCHES } from '@/lib/sites/hosts';

// The content script's code is lib/content/ (annotator, Save control) with lib/sites/ (the adapters).
export default defineContentScript({
  matches: CONTENT_SCRIPT_MATCHES,
  // document_end: the listing is parsed, and a long page need not wait for its images to be annotated.
  runAt: 'document_end',
  main: (ctx) => void startAnnotating(ctx),
});
