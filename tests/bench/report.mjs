// What every benchmark scenario (tests/bench/scenarios/*.mjs) reports, and the one table `npm run bench`
// prints from it. A scenario module exports `measure({ runs, smoke })`, which resolves to rows made by `row`.

/** @param {number[]} values @param {number} fraction 0–1 */
export function percentile(values, fraction) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}
/** @param {number[]} values */
export const median = (values) => percentile(values, 0.5);

/**
 * One line of the table.
 * @param {{ scenario: string, measure: string, values: number[], unit: string, budget?: number | null,
 *   figure?: number, note?: string }} line
 *   `values` are the runs (or samples) behind the figure; the figure is their median unless given (a p95, say).
 */
export function row({ scenario, measure, values, unit, budget = null, figure, note }) {
  const shown = figure ?? median(values);
  return {
    scenario,
    measure,
    unit,
    figure: shown,
    budget,
    pass: budget === null ? null : shown <= budget,
    spread: values.length > 0 ? [Math.min(...values), Math.max(...values)] : null,
    samples: values.length,
    ...(note !== undefined && { note }),
  };
}

const number = (value, unit) => {
  if (!Number.isFinite(value)) return String(value);
  const digits = unit === '×' || Math.abs(value) < 10 ? 1 : 0;
  return `${value.toFixed(digits)}${unit === '×' ? '×' : ` ${unit}`}`;
};

/** The table, as plain text: one line per row, columns padded. */
export function table(rows, { smoke = false } = {}) {
  const lines = [['scenario', 'measure', 'figure', 'budget', smoke ? 'smoke' : 'result', 'spread (n)']];
  for (const r of rows) {
    lines.push([
      r.scenario,
      r.measure,
      number(r.figure, r.unit),
      r.budget === null ? '—' : `≤ ${number(r.budget, r.unit)}`,
      smoke ? 'ran' : r.pass === null ? '' : r.pass ? 'pass' : 'FAIL',
      r.spread ? `${number(r.spread[0], r.unit)} – ${number(r.spread[1], r.unit)} (${r.samples})` : '',
    ]);
  }
  const widths = lines[0].map((_, column) => Math.max(...lines.map((line) => line[column].length)));
  return lines
    .map((line) =>
      line
        .map((cell, column) => cell.padEnd(widths[column]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
