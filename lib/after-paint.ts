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
