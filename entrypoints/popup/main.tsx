import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { firstRowsReady } from '@/lib/saved-papers';
import { App } from './App';
import '@/components/papers.css';

void firstRowsReady().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
