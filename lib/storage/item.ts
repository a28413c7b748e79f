import { storage, type StorageItemKey } from 'wxt/utils/storage';

/**
 * A value in `storage.local` that more than one context reads, as a WXT storage item whose every read
 * goes through `parse`: another version of PaperShelf, or another context, may have written anything.
 * One reader and one watcher per item, so no context reads the key its own way.
 */
export interface TypedItem<Read, Write = Read> {
  read(): Promise<Read>;
  write(value: Write): Promise<void>;
  /** Calls `onChange` with each new value, parsed; returns the function that stops watching. */
  watch(onChange: (value: Read) => void): () => void;
}

export function typedItem<Read, Write = Read>(key: StorageItemKey, parse: (stored: unknown) => Read): TypedItem<Read, Write> {
  const item = storage.defineItem<unknown>(key);
  return {
    read: async () => parse(await item.getValue()),
    write: (value) => item.setValue(value),
    watch: (onChange) => item.watch((value) => onChange(parse(value))),
  };
}
