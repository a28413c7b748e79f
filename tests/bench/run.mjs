// `npm run bench`: every performance budget of issue #12, measured in headless Chromium on the real build,
// each beside its baseline measured in the same run. Prints one table (figure, budget, pass/fail, spread)
// and writes bench/results.json. A benchmark, not a test: it never fails on a time.
//   BENCH_RUNS=n        runs per scenario (default 5)
//   BENCH_ONLY=a,b      only the scenarios whose file name contains one of these
//   BENCH_SMOKE=1       small inputs, one run: what `npm test` runs so the benchmark cannot rot (no budgets)
//   PAPERSHELF_SKIP_BUILD=1  use the build in .output/ as it is
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { table } from './report.mjs';

const smoke = process.env.BENCH_SMOKE === '1';
const runs = smoke ? 1 : Number(process.env.BENCH_RUNS ?? 5);
const only = process.env.BENCH_ONLY?.split(',').filter(Boolean);

if (process.env.PAPERSHELF_SKIP_BUILD !== '1') execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });

const directory = join(import.meta.dirname, 'scenarios');
const files = readdirSync(directory)
  .filter((file) => file.endsWith('.mjs'))
  .filter((file) => !only || only.some((part) => file.includes(part)))
  .sort();

const rows = [];
const failures = [];
for (const file of files) {
  const started = Date.now();
  console.log(`▶ ${file}`);
  try {
    const { measure } = await import(pathToFileURL(join(directory, file)).href);
    const scenarioRows = await measure({ runs, smoke });
    rows.push(...scenarioRows);
    console.log(`  ${scenarioRows.length} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    failures.push({ file, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    console.error(`  failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

console.log(`\nPaperShelf benchmark (headless Chromium, this machine; ${smoke ? 'smoke run, small inputs' : `${runs} runs each`})`);
console.log(table(rows, { smoke }));
for (const row of rows.filter((r) => r.note)) console.log(`· ${row.scenario}, ${row.measure}: ${row.note}`);

const resultsDirectory = join(import.meta.dirname, '..', '..', 'bench');
mkdirSync(resultsDirectory, { recursive: true });
writeFileSync(
  join(resultsDirectory, smoke ? 'smoke-results.json' : 'results.json'),
  `${JSON.stringify({ at: new Date().toISOString(), smoke, runs, rows, failures }, null, 2)}\n`,
);
if (failures.length > 0) {
  for (const { file, error } of failures) console.error(`\n${file} failed:\n${error}`);
  process.exit(1);
}
