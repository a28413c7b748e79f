import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings } from '@/lib/model/settings';

describe('parseSettings', () => {
  it('looks papers up online unless the user turned it off (issue #6)', () => {
    expect(DEFAULT_SETTINGS.lookups).toBe(true);
    expect(parseSettings(undefined).lookups).toBe(true);
    // Settings stored by a version without the setting, or hand-edited.
    expect(parseSettings({ badge: 'none' })).toEqual({ badge: 'none', codeBadge: false, lookups: true });
    expect(parseSettings({ lookups: 'no' }).lookups).toBe(true);
    expect(parseSettings({ lookups: false })).toEqual({ badge: 'unread', codeBadge: false, lookups: false });
  });
});
