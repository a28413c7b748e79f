import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { PaperList } from '@/components/PaperList';
import { askBackground } from '@/lib/background-client';
import { db } from '@/lib/db';

export function App() {
  // Reads go straight to IndexedDB (same origin); Dexie's live query re-runs when the background writes.
  const papers = useLiveQuery(() => db.papers.orderBy('savedAt').reverse().toArray(), []);
  const [error, setError] = useState<string | null>(null);

  const remove = (id: string) => {
    setError(null);
    askBackground({ type: 'paper/remove', id }).catch((reason: unknown) => setError(String(reason)));
  };

  return (
    <main className="popup">
      <header className="popup-header">
        <h1>PaperShelf</h1>
        {papers && papers.length > 0 && <span className="count">{papers.length} saved</span>}
      </header>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <PaperList papers={papers} onRemove={remove} />
    </main>
  );
}
