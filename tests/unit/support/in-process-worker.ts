import { answerImport } from '@/lib/import-worker/answer';

/**
 * The import worker (lib/import-worker/) in the test's own thread, for jsdom, which has no Worker: the real
 * parse behind the real protocol, each reply a task later and a structured clone, as a worker's messages are.
 * Replaces Vite's `?worker` constructor: `vi.mock('@/lib/import-worker/main?worker', …)`.
 */
export class InProcessImportWorker {
  private readonly listeners = new Map<string, (event: { data: unknown }) => void>();

  addEventListener(type: string, listener: (event: { data: unknown }) => void): void {
    this.listeners.set(type, listener);
  }

  postMessage(message: unknown): void {
    for (const reply of answerImport(structuredClone(message))) {
      setTimeout(() => this.listeners.get('message')?.({ data: structuredClone(reply) }));
    }
  }

  terminate(): void {
    this.listeners.clear();
  }
}
