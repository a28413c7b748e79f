import { startBackground } from '@/lib/background/main';

// The worker's code is lib/background/ (router, handlers, badge) with lib/db/ and lib/lookup/.
export default defineBackground(() => startBackground());
