// `npm test`: typecheck, lint, format check, unit tests, the end-to-end tests in real Chromium, then in real
// Firefox (which also lints the add-on package), and one summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { CHROMIUM_HELP, findChromium } from './support/chromium.mjs';

if (!findChromium()) {
  console.error(CHROMIUM_HELP);
  process.exit(1);
}

rmSync('test-results', { recursive: true, force: true });
const steps = [
  ['typecheck', ['npm', 'run', '--silent', 'typecheck']],
  ['lint', ['npm', 'run', '--silent', 'lint']],
  ['format', ['npm', 'run', '--silent', 'format:check']],
  [
    'unit',
    [
      'npx',
      'vitest',
      'run',
      '--config',
      'tests/vitest.config.ts',
      '--reporter=default',
      '--reporter=json',
      '--outputFile.json=test-results/unit.json',
    ],
  ],
  ['end-to-end', ['npx', 'playwright', 'test', '--config', 'tests/playwright.config.ts']],
  // `npm run bench` on small inputs over the build the end-to-end tests made, so the benchmark cannot rot:
  // it fails only if a scenario breaks, never on a time.
  ['benchmark smoke run', ['node', 'tests/bench/run.mjs'], { BENCH_SMOKE: '1', PAPERSHELF_SKIP_BUILD: '1' }],
  ['firefox end-to-end', ['npx', 'playwright', 'test', '--config', 'tests/playwright-firefox.config.ts']],
];

let failedStep = null;
for (const [name, [command, ...args], env = {}] of steps) {
  console.log(`\n▶ ${name}: ${[command, ...args].join(' ')}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (status !== 0) {
    failedStep = name;
    break;
  }
}

const read = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null);
const unit = read('test-results/unit.json');
const suites = [read('test-results/e2e.json'), read('test-results/e2e-firefox.json')];
const sum = (stat) => suites.reduce((total, suite) => total + (suite?.stats?.[stat] ?? 0), 0);
const passed = (unit?.numPassedTests ?? 0) + sum('expected') + sum('flaky');
const failed = (unit?.numFailedTests ?? 0) + sum('unexpected');
const skipped = (unit?.numPendingTests ?? 0) + sum('skipped');
console.log(
  `\nunit ${unit?.numPassedTests ?? 0} of ${unit?.numTotalTests ?? 0}, end-to-end ${suites[0]?.stats?.expected ?? 0} in Chromium and ${suites[1]?.stats?.expected ?? 0} in Firefox`,
);
if (failedStep) console.log(`${failedStep} failed`);
// The last line is the plain 'N passed, N failed, N skipped' that CI reads as the run's count.
console.log(`${passed} passed, ${failedStep && failed === 0 ? 1 : failed} failed, ${skipped} skipped`);
process.exit(failedStep ? 1 : 0);
