/**
 * The export, read by the real programs (issue #5: "BibTeX that LaTeX accepts as it is").
 * `bibtex` must be on PATH (Debian: texlive-base; CI installs it). Typesetting uses `pdflatex` when
 * present (texlive-latex-base), and otherwise plain `pdftex` with stand-ins for the few LaTeX text
 * commands a .bbl uses, which still catches what breaks TeX: unbalanced braces, bare `# % & $ _ ^ ~`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assignCitationKeys, toBibtex, type BibtexOptions } from '@/lib/formats/bibtex';
import { nastyPapers } from '../support/nasty-papers';
import { hfSource, metadata, paper } from '../support/factory';
import { onPath, run, runBibtex } from '../../support/bibtex-check.mjs';

const hasBibtex = onPath('bibtex');
const hasPdftex = onPath('pdftex');
const hasPdflatex = onPath('pdflatex');
if (!hasBibtex) console.warn('bibtex-program.test: `bibtex` is not on PATH, skipping (apt-get install texlive-base)');

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function workDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'papershelf-bibtex-'));
  dirs.push(dir);
  return dir;
}

const corpus = nastyPapers();
const exported = (options: BibtexOptions, papers = corpus) => toBibtex(papers, { ...options, keys: assignCitationKeys(papers) });

// A style that prints what annotated bibliographies print: authors, title and the notes in `annote`.
const ANNOTATED_BST = `ENTRY { author title annote } {} {}
FUNCTION {output.entry}
{ "\\par\\noindent " write$ newline$
  author empty$ 'skip$ { author write$ newline$ } if$
  title write$ newline$
  annote empty$ 'skip$ { "\\newblock " write$ annote write$ newline$ } if$
}
FUNCTION {misc} { output.entry }
FUNCTION {default.type} { output.entry }
READ
ITERATE {call.type$}
`;

// Plain TeX stand-ins for the LaTeX commands in a .bbl, defined the way LaTeX's kernel renders them.
const PLAIN_TEX_SHIM = String.raw`\catcode64=11 \let\primitiveend\end
\def\begin#1{\csname#1\endcsname}\def\end#1{\csname end#1\endcsname}
\def\thebibliography#1{}\def\endthebibliography{}
\def\bibitem#1{\par\noindent}\def\newblock{\hskip .11em plus .33em minus .07em\relax}
\def\em{\it}\def\\{\hfil\break}
\def\textbackslash{$\backslash$}\def\textbraceleft{$\lbrace$}\def\textbraceright{$\rbrace$}
\def\{{$\lbrace$}\def\}{$\rbrace$}\def\textless{$<$}\def\textgreater{$>$}
\def\textasciitilde{\~{}}\def\textasciicircum{\^{}}\let\textquoteleft\lq\let\textquoteright\rq
\def\ldots{.\kern.1em.\kern.1em.}\def\mathcal#1{{\cal #1}}
\def\r#1{\accent23 #1}\def\k#1{#1}\def\dh{d}\def\DH{D}\def\th{th}\def\TH{TH}\def\ng{n}\def\NG{N}\def\dj{d}\def\DJ{D}
\catcode64=12
\input doc.bbl
\par\vfill\supereject\primitiveend
`;

/**
 * Compiles a document citing every entry of `dir/papers.bib` with `style`, as a user would: pdflatex,
 * bibtex, pdflatex twice, never with shell escape. Returns the last run's status, its log and the .bbl.
 */
function compileDocument(dir: string, style: string): { status: number; log: string; bbl: string; bibtexStatus: number } {
  writeFileSync(
    join(dir, 'doc.tex'),
    '\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\begin{document}\n\\nocite{*}\n' +
      `\\bibliographystyle{${style}}\n\\bibliography{papers}\n\\end{document}\n`,
  );
  const latex = () => run('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', '-no-shell-escape', 'doc.tex'], dir);
  latex();
  const bibtexStatus = run('bibtex', ['doc'], dir).status;
  latex();
  const { status } = latex();
  return { status, log: readFileSync(join(dir, 'doc.log'), 'utf8'), bbl: readFileSync(join(dir, 'doc.bbl'), 'utf8'), bibtexStatus };
}

const VARIANTS: Array<[string, BibtexOptions]> = [
  ['UTF-8', {}],
  ['ASCII', { asciiOnly: true }],
];

describe.skipIf(!hasBibtex)('the bibtex program', () => {
  it.each(VARIANTS)('reads the nasty corpus (%s) with plain.bst: every entry, no error, no warning', (_name, options) => {
    const { status, problems, bbl } = runBibtex(exported(options));
    expect(problems).toEqual([]);
    expect(status).toBe(0);
    expect(bbl.match(/\\bibitem\{/g)).toHaveLength(corpus.length);
  });

  it('reads the notes through a style that prints annote', () => {
    const { status, problems, bbl } = runBibtex(exported({}), { style: 'annotated', files: { 'annotated.bst': ANNOTATED_BST } });
    expect(problems).toEqual([]);
    expect(status).toBe(0);
    expect(bbl.match(/\\par\\noindent/g)).toHaveLength(corpus.length);
    // The injected entry in a note is text in the output, not an entry (bibtex wraps lines at spaces).
    expect(bbl.replace(/\s+/g, ' ')).toContain('@misc\\textbraceleft{}evil, title=\\textbraceleft{}x\\textbraceright{}\\textbraceright{}');
  });

  it.skipIf(!hasPdftex).each(['plain', 'annotated'])(
    'produces a .bbl (%s style) that TeX typesets without an error',
    (style) => {
      for (const [, options] of VARIANTS) {
        const dir = workDir();
        const { bbl } = runBibtex(exported(options), { style, files: { 'annotated.bst': ANNOTATED_BST } });
        // An empty .bbl (bibtex failed) would typeset without an error too.
        expect(bbl).toContain('\\newblock');
        writeFileSync(join(dir, 'doc.bbl'), bbl);
        writeFileSync(join(dir, 'shim.tex'), PLAIN_TEX_SHIM);
        const { status } = run('pdftex', ['-interaction=nonstopmode', '-halt-on-error', '-no-shell-escape', 'shim.tex'], dir);
        const errors = readFileSync(join(dir, 'shim.log'), 'utf8')
          .split('\n')
          .filter((line) => line.startsWith('!'));
        expect(errors).toEqual([]);
        expect(status).toBe(0);
      }
    },
    60_000,
  );

  // pdflatex needs extra packages for scripts beyond T1 (CJK, Greek, and in UTF-8 input Vietnamese `ễ`,
  // which LaTeX maps only for T5): papers with them are left out. With asciiOnly, accents are commands,
  // so every Latin-script paper must compile.
  it.skipIf(!hasPdflatex).each(VARIANTS)(
    'produces a document pdflatex compiles (%s)',
    (_name, options) => {
      const typesettable = options.asciiOnly
        ? /^[\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]*$/u
        : /^[\p{ASCII}\u0080-\u017f\u2013\u2014\u2018\u2019\u201c\u201d\u2026]*$/u;
      const papers = corpus.filter((p) => typesettable.test([p.title, ...p.authors].join(' ')));
      const dir = workDir();
      writeFileSync(join(dir, 'papers.bib'), exported(options, papers));
      const { status, log, bibtexStatus } = compileDocument(dir, 'plain');
      expect(bibtexStatus).toBe(0);
      const errors = log.split('\n').filter((line) => line.startsWith('!'));
      expect(errors).toEqual([]);
      expect(status).toBe(0);
    },
    120_000,
  );

  // Issue #10: titles come from web pages and APIs, notes from imported files. Nothing in them may run in
  // the user's document: not read a file, not write one, not define a command.
  it.skipIf(!hasPdflatex)(
    'hostile TeX in titles, authors and notes runs nothing in pdflatex: no file read, none written',
    () => {
      const hostile = [
        '$\\input{secret}$ and $x^2$',
        'Math $\\immediate\\openout1=pwned.txt\\immediate\\write1{x}\\immediate\\closeout1$ here',
        '$\\csname input\\endcsname{secret}$',
        'TeX spells a backslash $^^5cinput{secret}$',
        '$\\def\\alpha{\\input{secret}}\\alpha$',
        '$\\catcode`\\X=0 Xinput{secret}$',
        '\\input{secret} \\write18{touch pwned.txt}',
      ];
      const papers = hostile.map((title, index) =>
        paper({
          ...metadata({ id: `2609.0000${index}`, title, authors: [`Eve \\input{secret} ${index}`] }),
          source: hfSource,
          notes: `\\input{secret}\n\\immediate\\write18{touch pwned.txt}`,
        }),
      );
      const dir = workDir();
      // Were it read, this file would say so in the log.
      writeFileSync(join(dir, 'secret.tex'), '\\typeout{SECRET-WAS-READ}\n');
      writeFileSync(join(dir, 'papers.bib'), exported({}, papers));
      writeFileSync(join(dir, 'annotated.bst'), ANNOTATED_BST);
      const { status, log, bbl, bibtexStatus } = compileDocument(dir, 'annotated');
      expect(bibtexStatus).toBe(0);
      expect(bbl.match(/\\par\\noindent/g)).toHaveLength(hostile.length);
      expect(log.split('\n').filter((line) => line.startsWith('!'))).toEqual([]);
      expect(status).toBe(0);
      expect(log).not.toContain('SECRET-WAS-READ');
      expect(log).not.toMatch(/\(\.\/secret\.tex/);
      expect(existsSync(join(dir, 'pwned.txt'))).toBe(false);
      // The safe math still typesets as math.
      expect(bbl).toContain('{$x^2$}');
    },
    120_000,
  );
});
