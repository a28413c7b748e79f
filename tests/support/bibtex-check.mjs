// An exported .bib as its readers see it (issue #5): Zotero's parser, and the real `bibtex` program.
// Shared by the unit tests (tests/unit/bibtex*.test.ts) and the end-to-end export test.
import { parse } from '@retorquere/bibtex-parser';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs a program; its exit status (bibtex: 1 on warnings, 2 on errors; -1 when it could not run) and stdout. */
export function run(program, args, cwd) {
  try {
    return { status: 0, output: execFileSync(program, args, { cwd, encoding: 'utf8', stdio: 'pipe', timeout: 60_000 }) };
  } catch (error) {
    return { status: error.status ?? -1, output: error.stdout || String(error) };
  }
}

export function onPath(program) {
  return run('which', [program]).status === 0;
}

// Everything in a .blg that means BibTeX misread the file. "Warning--" covers all style warnings:
// @misc has no required fields, and entries without authors carry a `key`, so there should be none.
const BLG_PROBLEMS = /error message|Warning--|I was expecting|illegal|I didn't find a database entry|Repeated entry|Sorry---/i;

/**
 * Runs `bibtex` with `style` over `bibText`, citing every entry, in a fresh directory that holds `files`
 * too (a .bst of one's own). `problems` are the lines of its log that say it misread the file.
 * @param {string} bibText
 * @param {{ style?: string, files?: Record<string, string> }} [options]
 * @returns {{ status: number, log: string, bbl: string, problems: string[] }}
 */
export function runBibtex(bibText, { style = 'plain', files = {} } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'papershelf-bibtex-'));
  try {
    for (const [name, text] of Object.entries({ ...files, 'papers.bib': bibText })) writeFileSync(join(dir, name), text);
    writeFileSync(join(dir, 'doc.aux'), `\\citation{*}\n\\bibstyle{${style}}\n\\bibdata{papers}\n`);
    const { status, output } = run('bibtex', ['doc'], dir);
    if (status === -1) throw new Error(`bibtex did not run (Debian: apt-get install texlive-base): ${output}`);
    const log = readFileSync(join(dir, 'doc.blg'), 'utf8');
    const bbl = status === 2 ? '' : readFileSync(join(dir, 'doc.bbl'), 'utf8');
    return { status, log, bbl, problems: log.split('\n').filter((line) => BLG_PROBLEMS.test(line)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const nfc = (text) => text.normalize('NFC');
/** @param {import('@retorquere/bibtex-parser').Creator} creator */
const displayName = (creator) =>
  creator.name ?? [creator.firstName, creator.prefix, creator.lastName, creator.suffix].filter(Boolean).join(' ');

/**
 * What Zotero's parser reads from a .bib, with titles in the case they were written (`sentenceCase: false`),
 * as the user's own text: names `First Last`, notes with the line breaks the parser renders as `<br>`
 * turned back into newlines. `errors` are the parser's complaints.
 * @param {string} bibText
 */
export function readBib(bibText) {
  const { entries, errors } = parse(bibText, { sentenceCase: false });
  return {
    errors: errors.map((error) => error.error),
    entries: entries.map(({ key, type, fields }) => ({
      key,
      type,
      eprint: fields.eprint,
      title: nfc(fields.title ?? ''),
      authors: (fields.author ?? []).map((creator) => nfc(displayName(creator))),
      notes: nfc(fields.annote ?? fields.annotation ?? '').replace(/[ \t]*<br>[ \t]*/g, '\n'),
      tags: (fields.keywords ?? []).map(nfc),
      doi: fields.doi,
      note: fields.note === undefined ? undefined : nfc(fields.note),
    })),
  };
}
