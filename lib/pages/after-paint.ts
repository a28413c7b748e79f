/**
 * Runs `run` once the next frame has been painted: for work a page needs soon but not for its first paint
 * (reading settings, recovering note drafts, reading the whole library). Returns a function that cancels it.
 */
export function afterNextPaint(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // rAF runs just before the frame is produced; a task queued from it runs after that frame.
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(run, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * Runs `run` once the page's first content is on screen (its first-contentful-paint), or after `capMs`.
 * Later than `afterNextPaint`: the frame is produced, then rastered and shown; loading a big script in
 * between (the popup's live code) holds up that raster on a machine with few cores.
 */
export function afterFirstContentfulPaint(run: () => void, capMs = 300): void {
  let ran = false;
  const once = () => {
    if (ran) return;
    ran = true;
    observer.disconnect();
    clearTimeout(timer);
    run();
  };
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName('first-contentful-paint').length > 0) once();
  });
  observer.observe({ type: 'paint', buffered: true });
  const timer = setTimeout(once, capMs);
}
