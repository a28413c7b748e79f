// What the component tests share: jest-dom matchers, cleanup between tests, and the one bit of layout the
// virtualized list needs from jsdom (which lays nothing out): a height for its scrolling box and for each row.
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(cleanup);

Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
  configurable: true,
  get(this: HTMLElement) {
    return this.classList.contains('paper-scroller') ? 2000 : 0;
  },
});

Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
  configurable: true,
  get(this: HTMLElement) {
    return this.matches('li.paper') ? 100 : 0;
  },
});
