import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { encodeSavedIds, loadSavedIds, readSavedIds, SAVED_IDS_KEY, storeSavedIds } from '@/lib/storage/saved-ids';

describe('the saved-ids index', () => {
  it('answers for every id it holds and no other, old-style ids included', () => {
    const ids = Array.from({ length: 1000 }, (_, index) => `2401.${String(10000 + index * 3)}`).concat(['hep-th/9901001', 'cs/0112017']);
    const index = readSavedIds(encodeSavedIds(ids))!;
    expect(index.size).toBe(1002);
    expect(ids.every((id) => index.has(id))).toBe(true);
    expect(['2401.10001', '2401.13000', '0000.00000', 'zzz', 'hep-th/9901002', ''].some((id) => index.has(id))).toBe(false);
  });

  it('an empty library is an index with nothing in it, not a missing one', () => {
    const index = readSavedIds(encodeSavedIds([]))!;
    expect(index.size).toBe(0);
    expect(index.has('2401.12345')).toBe(false);
  });

  it.each([
    ['nothing', undefined],
    ['a string', '2401.12345'],
    ['ids that are not a string', { ids: ['2401.12345'] }],
    ['unsorted ids (another writer)', { ids: '2401.12346 2401.12345' }],
    ['an id twice', { ids: '2401.12345 2401.12345' }],
    ['markup', { ids: '2401.12345 <img>' }],
    ['a doubled space', { ids: '2401.12345  2401.12346' }],
  ])('%s is no index (the caller asks the background)', (_name, stored) => {
    expect(readSavedIds(stored)).toBeUndefined();
  });

  it('is stored in and loaded from storage.local', async () => {
    fakeBrowser.reset();
    expect(await loadSavedIds()).toBeUndefined();
    await storeSavedIds(['2401.00002', '2401.00001']);
    expect(await fakeBrowser.storage.local.get(SAVED_IDS_KEY)).toEqual({ [SAVED_IDS_KEY]: { ids: '2401.00001 2401.00002' } });
    expect((await loadSavedIds())!.has('2401.00002')).toBe(true);
  });
});
