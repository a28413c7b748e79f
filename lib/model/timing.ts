/**
 * Where the time of a large request goes (issue #12: a bulk tag of 100,000 papers, a restore, an export): each
 * piece leaves a `papershelf:piece:<name>` measure in the context it ran in, which the benchmark reads
 * (tests/bench/). Costs nothing that matters: one entry per piece of a request, not per paper.
 */
export function endPiece(name: string, start: number): number {
  const end = performance.now();
  performance.measure(`papershelf:piece:${name}`, { start, end });
  return end;
}
