import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach } from 'vitest';

beforeEach(() => {
  fakeBrowser.reset();
  // Extension pages keep the view choices and note drafts in localStorage: each test starts afresh.
  if (typeof localStorage !== 'undefined') localStorage.clear();
});
