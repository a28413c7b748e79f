import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings } from '@/lib/model/settings';

describe('parseSettings', () => {
  it('looks papers up online unless the user turned it off (issue #6)', () => {
    expect(DEFAULT_SETTINGS.lookups).toBe(true);
    expect(parseSettings(undefined).lookups).toBe(true);
    // Settings stored by a version without the setting, or hand-edited.
    expect(parseSettings({ badge: 'none' })).toEqual({ ...DEFAULT_SETTINGS, badge: 'none' });
    expect(parseSettings({ lookups: 'no' }).lookups).toBe(true);
    expect(parseSettings({ lookups: false })).toEqual({ ...DEFAULT_SETTINGS, lookups: false });
  });

  it('asks Zotero which papers it has only once the user turns it on, and keeps a status tag the user chose (issue #13)', () => {
    expect(DEFAULT_SETTINGS.zoteroMark).toBe(false);
    expect(parseSettings({ zoteroMark: 'yes' }).zoteroMark).toBe(false);
    expect(parseSettings({ zoteroMark: true }).zoteroMark).toBe(true);
    expect(parseSettings({ zoteroStatusTags: { unread: '', reading: ' now ', read: '_read' } }).zoteroStatusTags).toEqual({
      unread: '',
      reading: 'now',
      read: '_read',
    });
    // A malformed choice falls back as a whole, never to a tag nobody chose.
    expect(parseSettings({ zoteroStatusTags: { read: 'x'.repeat(101) } }).zoteroStatusTags).toEqual(DEFAULT_SETTINGS.zoteroStatusTags);
  });
});
