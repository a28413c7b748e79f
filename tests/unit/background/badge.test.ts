import { describe, expect, it } from 'vitest';
import { badgeText } from '@/lib/background/badge';

describe('badgeText', () => {
  it.each([
    [0, 'unread', ''],
    [7, 'unread', '7'],
    [12345, 'unread', '999+'],
    [7, 'none', ''],
  ] as const)('%i unread, badge %s -> %j', (unread, badge, text) => expect(badgeText(unread, { badge })).toBe(text));
});
