// Runs the real `bibtex` (plain style) over a .bib file citing every entry, and reports what its log says.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Everything in a .blg that means BibTeX misread the file or the style complained.
export const BLG_PROBLEMS = /error message|Warning--|I was expecting|illegal|I didn't find a database entry|Repeated entry|Sorry---/i;

/** @returns {{ status: number, log: string, bbl: string, problems: string[] }} */
export function runBibtex(bibText, style = 'plain') {
  const dir = mkdtempSync(join(tmpdir(), 'papershelf-bibtex-'));
  try {
    writeFileSync(join(dir, 'papers.bib'), bibText);
    writeFileSync(join(dir, 'doc.aux'), `\\citation{*}\n\\bibstyle{${style}}\n\\bibdata{papers}\n`);
    let status = 0;
    try {
      execFileSync('bibtex', ['doc'], { cwd: dir, stdio: 'pipe', timeout: 60_000 });
    } catch (error) {
      status = error.status ?? -1;
    }
    const log = readFileSync(join(dir, 'doc.blg'), 'utf8');
    const bbl = status === 2 ? '' : readFileSync(join(dir, 'doc.bbl'), 'utf8');
    return { status, log, bbl, problems: log.split('\n').filter((line) => BLG_PROBLEMS.test(line)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
