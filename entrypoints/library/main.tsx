import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { firstRowsReady } from '@/lib/pages/use-library';
import { App } from './App';
import '@/components/papers.css';
import '@/components/library.css';

void firstRowsReady().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
