/**
 * For `npm run bench` (issue #12): where a request's time goes inside the worker, as marks on the worker's
 * own performance timeline (no page sees it): received, its work done (for a write: committed), the tabs
 * told of it (sent off, not awaited), replied. Each name keeps only its latest mark, so a worker that runs for hours holds four.
 */
export type RequestStage = 'received' | 'handled' | 'announced' | 'replied';

export function markRequest(stage: RequestStage): void {
  const name = `papershelf:request-${stage}`;
  performance.clearMarks(name);
  performance.mark(name);
}
