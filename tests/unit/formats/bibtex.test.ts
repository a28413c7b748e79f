import { describe, expect, it } from 'vitest';
import {
  assignCitationKeys,
  bibtexEntry,
  bracesBalance,
  citationKeyBase,
  isValidCitationKey,
  keywordForTag,
  normalizeNotes,
  splitMath,
  toBibtex,
  type BibtexOptions,
} from '@/lib/formats/bibtex';
import type { Paper } from '@/lib/model/paper';
import { paper as storedPaper } from '../support/factory';
import { nastyPapers } from '../support/nasty-papers';
import { readBib } from '../../support/bibtex-check.mjs';

/** The Transformer paper, read and annotated: what most entries below start from. */
const paper = (fields: Partial<Paper> = {}): Paper =>
  storedPaper({
    id: '1706.03762',
    title: 'Attention Is All You Need',
    authors: ['Ashish Vaswani', 'Noam Shazeer'],
    published: '2017-06-12',
    primaryCategory: 'cs.CL',
    links: { code: ['https://github.com/tensorflow/tensor2tensor'] },
    source: { site: 'arxiv', url: 'https://arxiv.org/list/cs.CL/new' },
    tags: ['transformers'],
    status: 'read',
    notes: 'The original Transformer.\nRead section 3.2 twice.',
    savedAt: 1000,
    updatedAt: 1000,
    ...fields,
  });

const entryOf = (fields: Partial<Paper>, options?: BibtexOptions) => bibtexEntry(paper(fields), 'k', options);
/** The braced value of one field in an entry, as written. */
const fieldOf = (entry: string, name: string) => new RegExp(`^  ${name} = \\{(.*)\\},$`, 'm').exec(entry)?.[1];

describe('BibTeX export', () => {
  it('writes an arXiv e-print the way arXiv does, plus DOI, code, keywords and notes', () => {
    expect(bibtexEntry(paper(), 'vaswani2017attention')).toBe(
      [
        '@misc{vaswani2017attention,',
        '  title = {Attention Is All You Need},',
        '  author = {Ashish Vaswani and Noam Shazeer},',
        '  year = {2017},',
        '  month = jun,',
        '  eprint = {1706.03762},',
        '  archivePrefix = {arXiv},',
        '  primaryClass = {cs.CL},',
        '  doi = {10.48550/arXiv.1706.03762},',
        '  url = {https://arxiv.org/abs/1706.03762},',
        '  code = {https://github.com/tensorflow/tensor2tensor},',
        '  keywords = {transformers},',
        '  annote = {The original Transformer. \\\\',
        '    Read section 3.2 twice.},',
        '}',
      ].join('\n'),
    );
  });

  it('writes the published version when arXiv gave one: the journal DOI, and the journal reference as a note', () => {
    const published = paper({
      lookup: { doi: '10.5555/3295222.3295349', arxiv: { journalRef: 'Advances in NeurIPS 30 (2017) 5998--6008' } },
    });
    for (const flavour of ['bibtex', 'biblatex'] as const) {
      const entry = bibtexEntry(published, 'k', { flavour });
      expect(fieldOf(entry, 'doi')).toBe('10.5555/3295222.3295349');
      // `--` stays two hyphens as typed, not an en dash.
      expect(fieldOf(entry, 'note')).toBe('Advances in NeurIPS 30 (2017) 5998-{}-6008');
      expect(entry).toContain('  eprint = {1706.03762},');
    }
  });

  it('writes only the paper’s own repositories as code, not one it builds on', () => {
    const citing = paper({
      links: {
        code: ['https://github.com/me/ours', 'https://github.com/huggingface/transformers'],
        origins: { 'https://github.com/huggingface/transformers': ['abstract', 'cited'] },
      },
    });
    expect(fieldOf(bibtexEntry(citing, 'k'), 'code')).toBe('https://github.com/me/ours');
  });

  it.each(['10.1000/a%b', '10.1000/a#b', '10.1000/a&b', '10.1000/a~b', '10.1000/a^b', '10.1000/a$b'])(
    'writes arXiv’s DOI instead of a journal DOI that TeX would read: %s',
    (doi) => expect(fieldOf(bibtexEntry(paper({ lookup: { doi } }), 'k'), 'doi')).toBe('10.48550/arXiv.1706.03762'),
  );

  it('never lets a journal reference or a DOI from an answer run TeX or break the entry', () => {
    const hostile = paper({
      lookup: { doi: '10.1234/<b>x</b> y', arxiv: { journalRef: '\\input{/etc/passwd} \\immediate\\write18{rm -rf ~} }' } },
    });
    const entry = bibtexEntry(hostile, 'k');
    expect(fieldOf(entry, 'doi')).toBe('10.48550/arXiv.1706.03762');
    expect(fieldOf(entry, 'note')).not.toMatch(/\\input\{|\\immediate/);
    expect(fieldOf(entry, 'note')).toContain('\\textbackslash{}input');
    expect(bracesBalance(fieldOf(entry, 'note')!)).toBe(true);
  });

  it('writes biblatex @online with eprinttype, eprintclass, date and annotation', () => {
    expect(bibtexEntry(paper(), 'vaswani2017attention', { flavour: 'biblatex' })).toBe(
      [
        '@online{vaswani2017attention,',
        '  title = {Attention Is All You Need},',
        '  author = {Ashish Vaswani and Noam Shazeer},',
        '  date = {2017-06-12},',
        '  eprinttype = {arxiv},',
        '  eprint = {1706.03762},',
        '  eprintclass = {cs.CL},',
        '  doi = {10.48550/arXiv.1706.03762},',
        '  url = {https://arxiv.org/abs/1706.03762},',
        '  code = {https://github.com/tensorflow/tensor2tensor},',
        '  keywords = {transformers},',
        '  annotation = {The original Transformer. \\\\',
        '    Read section 3.2 twice.},',
        '}',
      ].join('\n'),
    );
  });

  it('handles an old-style id, a missing date and no authors (with a `key` for sorting)', () => {
    const entry = entryOf({ id: 'hep-th/9901001', published: undefined, primaryCategory: 'hep-th', authors: [] });
    expect(entry).toContain('  eprint = {hep-th/9901001},');
    expect(entry).toContain('  url = {https://arxiv.org/abs/hep-th/9901001},');
    expect(entry).toContain('  doi = {10.48550/arXiv.hep-th/9901001},');
    expect(entry).toContain('  key = {arXiv:hep-th/9901001},');
    expect(entry).not.toMatch(/author/);
    // The date is unknown, but the id says when it was issued.
    expect(entry).toContain('  year = {1999},\n  month = jan,');
    expect(entryOf({ id: '2401.12345', published: undefined }, { flavour: 'biblatex' })).toContain('  date = {2024-01},');
  });

  it('leaves out empty notes, tags and code, and a category that is not shaped like arXiv’s', () => {
    const entry = entryOf({ notes: '  \n ', tags: [], links: { code: [] }, primaryCategory: 'cs LG {' });
    expect(entry).not.toMatch(/annote|keywords|code|primaryClass/);
  });

  it('protects acronyms and inner capitals from the style’s lowercasing, and leaves Title Case to the style', () => {
    const title = (text: string) => fieldOf(entryOf({ title: text }), 'title');
    expect(title('BERT: Pre-training of Deep Bidirectional Transformers')).toBe('{BERT}: Pre-training of Deep Bidirectional Transformers');
    expect(title('GPT-4 Technical Report')).toBe('{GPT}-4 Technical Report');
    expect(title('ImageNet Classification with 3D mRNA and Model X')).toBe('{ImageNet} Classification with {3D} {mRNA} and Model {X}');
    expect(title('A Self-Attention Survey')).toBe('A Self-Attention Survey');
  });

  it('keeps balanced $…$ math as written, braced, and escapes everything else', () => {
    const title = (text: string) => fieldOf(entryOf({ title: text }), 'title');
    expect(title('$\\alpha$-Stable Laws in $O(n^2)$')).toBe('{$\\alpha$}-Stable Laws in {$O(n^2)$}');
    // Not math: a price (digit after the closing $), unbalanced braces, a bare % or #.
    expect(title('Costs $5 and $10')).toBe('Costs \\$5 and \\$10');
    expect(title('Odd $\\{x$ math')).toBe('Odd \\$\\textbackslash{}\\textbraceleft{}x\\$ math');
    expect(title('$50%$ and $#1$')).toBe('\\$50\\%\\$ and \\$\\#1\\$');
    expect(splitMath('a $x$ b')).toEqual([{ text: 'a ' }, { math: '$x$' }, { text: ' b' }]);
  });

  it('keeps only math made of allowed commands; any other command makes it text (issue #10)', () => {
    const title = (text: string) => fieldOf(entryOf({ title: text }), 'title');
    expect(title('$\\mathcal{O}(\\log n)$ and $\\frac{1}{\\sqrt{d_k}}$')).toBe('{$\\mathcal{O}(\\log n)$} and {$\\frac{1}{\\sqrt{d_k}}$}');
    expect(title('$\\input{/etc/passwd}$')).toBe('\\$\\textbackslash{}input\\{/etc/passwd\\}\\$');
    for (const math of ['$\\immediate\\write18{rm}$', '$\\csname x\\endcsname$', '$^^5cinput$', '$\\def\\a{b}$', '$\\mathbb{R}$', '$\\\\$'])
      expect(splitMath(`T ${math}`), math).toEqual([{ text: `T ${math}` }]);
  });

  it('escapes every TeX special and breaks ligatures, so the typeset text is what was typed', () => {
    expect(fieldOf(entryOf({ title: "100% \\x & #1 a_b ~ ^ <> {ok} -- `` '' !` ,," }), 'title')).toBe(
      "100\\% \\textbackslash{}x \\& \\#1 a\\_b \\textasciitilde{} \\textasciicircum{} \\textless{}\\textgreater{} \\{ok\\} -{}- `{}` '{}' !{}` ,{},",
    );
  });

  it('writes unbalanced braces as text commands, so BibTeX never sees them', () => {
    const entry = entryOf({ title: 'A } b {', notes: '}\n@misc{evil, title={x}}' });
    expect(fieldOf(entry, 'title')).toBe('A \\textbraceright{} b \\textbraceleft{}');
    expect(entry).toContain(
      'annote = {\\textbraceright{} \\\\\n    @misc\\textbraceleft{}evil, title=\\textbraceleft{}x\\textbraceright{}\\textbraceright{}}',
    );
  });

  it('braces names BibTeX would misread, and only those', () => {
    const authors = fieldOf(
      entryOf({ authors: ['Guido van Rossum', 'Research and Development Team', 'Smith, John', 'others', 'Anderson Andrews'] }),
      'author',
    );
    expect(authors).toBe('Guido van Rossum and {Research and Development Team} and {Smith, John} and {others} and Anderson Andrews');
  });

  it('writes accents as LaTeX commands with asciiOnly, and keeps characters LaTeX has no command for', () => {
    const entry = entryOf(
      { title: 'Über Łódź: ệ and 日本 🚀', authors: ['Jürgen Müller', 'Łukasz Kaiser', 'José Ñúñez'], notes: 'ß “q” ‘s’ – —' },
      { asciiOnly: true },
    );
    expect(fieldOf(entry, 'title')).toBe("{\\\"U}ber {\\L}{\\'o}d{\\'z}: {\\^{\\d{e}}} and 日本 🚀");
    expect(fieldOf(entry, 'author')).toBe('J{\\"u}rgen M{\\"u}ller and {\\L}ukasz Kaiser and Jos{\\\'e} {\\~N}{\\\'u}{\\~n}ez');
    expect(fieldOf(entry, 'annote')).toBe("{\\ss} ``q'' \\textquoteleft{}s\\textquoteright{} -- ---");
  });

  it('keeps every line of the notes, even blank ones, and no file line starts with a note’s @ or }', () => {
    const entry = entryOf({ notes: '  one  \n\n@two\n}three\n\n' });
    expect(entry).toContain('annote = {one \\\\\n     \\\\\n    @two \\\\\n    \\textbraceright{}three},');
    expect(normalizeNotes('  one  \n\n@two\r\n}three\n\n')).toBe('one\n\n@two\n}three');
  });

  it('writes code URLs brace-safe, tags as keywords without separators inside', () => {
    const entry = entryOf({
      links: { code: ['https://github.com/a_b/c%20d?q={x}#readme~x', 'https://gitlab.com/x/y'] },
      tags: ['c++', 'a, b; c', '{x', 'c++'],
    });
    expect(fieldOf(entry, 'code')).toBe('https://github.com/a_b/c%20d?q=%7Bx%7D#readme~x https://gitlab.com/x/y');
    expect(fieldOf(entry, 'keywords')).toBe('c++, a b c, x');
    expect(keywordForTag('{balanced}')).toBe('{balanced}');
  });

  it('writes no keyword whose backslash a reader could take as escaping a brace', () => {
    expect(keywordForTag('\\{x}')).toBe('\\x');
    expect(keywordForTag('a\\}b')).toBe('a\\b');
    expect(keywordForTag('C:\\')).toBe('C:\\');
    // Last in the field, a trailing backslash would escape its closing brace; readers trim the space.
    expect(fieldOf(entryOf({ tags: ['x', 'C:\\'] }), 'keywords')).toBe('x, C:\\ ');
  });

  it('keeps every field of every nasty entry brace-balanced, and starts no file line with @ inside an entry', () => {
    const papers = nastyPapers();
    const keys = assignCitationKeys(papers);
    for (const options of [{}, { asciiOnly: true }, { flavour: 'biblatex' as const }]) {
      for (const p of papers) {
        const entry = bibtexEntry(p, keys.get(p.id)!, options);
        let depth = 0;
        const body = entry.slice(entry.indexOf('{'));
        for (const [i, ch] of [...body].entries()) {
          if (ch === '{') depth++;
          if (ch === '}') depth--;
          // BibTeX's view: the entry's own brace closes only at the very end.
          if (depth === 0) expect(i, `${p.id} closes early`).toBe([...body].length - 1);
        }
        expect(
          entry
            .split('\n')
            .slice(1)
            .filter((line) => /^\s*@/.test(line) && !/^ {4}@/.test(line)),
        ).toEqual([]);
      }
    }
  });

  it.each([
    ['BibTeX, UTF-8', {}],
    ['BibTeX, ASCII', { asciiOnly: true }],
    ['biblatex', { flavour: 'biblatex' as const }],
  ])(
    'reads back the nasty corpus with Zotero’s parser (%s): one entry each, same keys, authors, tags, titles, notes',
    (_name, options) => {
      const papers = nastyPapers();
      const keys = assignCitationKeys(papers);
      const library = readBib(toBibtex(papers, { ...options, keys }));
      // The parser names the TeX commands it keeps as written (the math of one title); nothing else.
      expect(library.errors).toEqual(['unhandled macro \\mathcal', 'unhandled macro \\log']);
      expect(library.entries).toHaveLength(papers.length);
      for (const p of papers) {
        const entry = library.entries.find((e) => e.key === keys.get(p.id));
        expect(entry, p.id).toBeDefined();
        expect(entry!.authors).toEqual(p.authors);
        expect(entry!.tags).toEqual(expect.arrayContaining([...new Set(p.tags.map(keywordForTag))]));
        expect(entry!.tags).toHaveLength(new Set(p.tags.map(keywordForTag)).size);
        // The parser turns math into Unicode (α); the import keeps it as TeX, see bibtex-import.test.ts.
        if (!p.title.includes('$')) expect(entry!.title, p.id).toBe(p.title);
        expect(entry!.notes, p.id).toBe(normalizeNotes(p.notes));
      }
    },
    60_000,
  );

  it('starts the file with a comment, sorts entries by key, and refuses papers without a unique key', () => {
    const a = paper({ id: '2401.00001', citationKey: 'zeta' });
    const b = paper({ id: '2401.00002', citationKey: 'Alpha' });
    const text = toBibtex([a, b]);
    expect(text.startsWith('% 2 papers exported by PaperShelf (BibTeX, UTF-8).\n\n@misc{Alpha,')).toBe(true);
    expect(text.indexOf('@misc{zeta,')).toBeGreaterThan(text.indexOf('@misc{Alpha,'));
    expect(text.endsWith('}\n')).toBe(true);
    expect(() => toBibtex([paper()])).toThrow(/No citation key for 1706.03762/);
    expect(() => toBibtex([a, paper({ id: '2401.00003', citationKey: 'ZETA' })])).toThrow(/used by both/);
    expect(() => bibtexEntry(paper(), 'no spaces')).toThrow(/Invalid citation key/);
    expect(toBibtex([paper()], { keys: new Map([['1706.03762', 'x']]) })).toContain('@misc{x,');
  });
});

describe('citation keys', () => {
  it('are surname + year + first significant title word, folded to ASCII', () => {
    expect(citationKeyBase(paper())).toBe('vaswani2017attention');
    expect(citationKeyBase(paper({ authors: ['Jürgen Müller'], title: 'On the Origin of Species' }))).toBe('muller2017origin');
    expect(citationKeyBase(paper({ authors: ['Łukasz Kaiser'], title: 'Towards a Theory of $\\alpha$-Nets' }))).toBe('kaiser2017theory');
    expect(citationKeyBase(paper({ authors: ['Martin Luther King Jr.'], title: 'The 3 Dreams' }))).toBe('king2017dreams');
    expect(citationKeyBase(paper({ authors: ['van Rossum, Guido'] }))).toBe('vanrossum2017attention');
  });

  it('take the year from the id when the date is unknown', () => {
    expect(citationKeyBase(paper({ id: '2401.12345', published: undefined }))).toBe('vaswani2024attention');
    expect(citationKeyBase(paper({ id: 'hep-th/9901001', published: undefined }))).toBe('vaswani1999attention');
    expect(citationKeyBase(paper({ id: 'math/0211159', published: undefined }))).toBe('vaswani2002attention');
  });

  it('fall back to the arXiv id without a usable surname, and stay valid keys', () => {
    expect(citationKeyBase(paper({ id: '2401.12345', authors: [] }))).toBe('arxiv2401.12345');
    expect(citationKeyBase(paper({ id: '2401.12345', authors: ['张伟'] }))).toBe('arxiv2401.12345');
    expect(citationKeyBase(paper({ id: 'hep-th/9901001', authors: [] }))).toBe('arxivhep-th_9901001');
    expect(citationKeyBase(paper({ title: '日本語のタイトル' }))).toBe('vaswani2017');
    for (const p of nastyPapers()) expect(isValidCitationKey(citationKeyBase(p)), p.id).toBe(true);
  });

  it('get suffixes a, b, … on clashes, oldest paper first', () => {
    const keys = assignCitationKeys([
      paper({ id: '2401.00003', savedAt: 3 }),
      paper({ id: '2401.00001', savedAt: 1 }),
      paper({ id: '2401.00002', savedAt: 1 }),
    ]);
    expect(Object.fromEntries(keys)).toEqual({
      '2401.00001': 'vaswani2017attention',
      '2401.00002': 'vaswani2017attentiona',
      '2401.00003': 'vaswani2017attentionb',
    });
  });

  it('never change once assigned, even when a new paper would naturally take the same key', () => {
    const first = [paper({ id: '2401.00001', savedAt: 10 }), paper({ id: '2401.00002', savedAt: 20 })];
    const assigned = assignCitationKeys(first);
    const stored = first.map((p) => ({ ...p, citationKey: assigned.get(p.id) }));
    // Saved later but older by savedAt (an import): it must not take the keys handed out before.
    const newcomer = paper({ id: '2401.00003', savedAt: 1 });
    const again = assignCitationKeys([newcomer, ...stored]);
    expect(again.get('2401.00001')).toBe('vaswani2017attention');
    expect(again.get('2401.00002')).toBe('vaswani2017attentiona');
    expect(again.get('2401.00003')).toBe('vaswani2017attentionb');
  });

  it('let an existing key win over an older paper without one, ignoring case as BibTeX does', () => {
    const keys = assignCitationKeys([
      paper({ id: '2401.00001', savedAt: 1 }),
      paper({ id: '2401.00002', savedAt: 2, citationKey: 'Vaswani2017Attention' }),
    ]);
    expect(keys.get('2401.00002')).toBe('Vaswani2017Attention');
    expect(keys.get('2401.00001')).toBe('vaswani2017attentiona');
  });

  it('give the younger of two papers stored with the same key a new one, so the file stays valid', () => {
    const keys = assignCitationKeys([
      paper({ id: '2401.00002', savedAt: 2, citationKey: 'same' }),
      paper({ id: '2401.00001', savedAt: 1, citationKey: 'SAME' }),
    ]);
    expect(keys.get('2401.00001')).toBe('SAME');
    expect(keys.get('2401.00002')).toBe('vaswani2017attention');
  });

  it('are the same for the same library in any order, and ASCII', () => {
    const papers = nastyPapers();
    const keys = Object.fromEntries(assignCitationKeys(papers));
    expect(Object.fromEntries(assignCitationKeys([...papers].reverse()))).toEqual(keys);
    expect(keys['1706.03762']).toBe('vaswani2017attention');
    expect(keys['2401.00016']).toBe('My:Key_2024+v1.0-final');
    for (const key of Object.values(keys)) expect(key).toMatch(/^[A-Za-z0-9_:.+-]{1,100}$/);
    expect(new Set(Object.values(keys).map((k) => k.toLowerCase())).size).toBe(papers.length);
  });

  it('validate like the schema', () => {
    expect(isValidCitationKey('vaswani2017attention')).toBe(true);
    expect(isValidCitationKey('a:b_c+d.e-f')).toBe(true);
    expect(isValidCitationKey('')).toBe(false);
    expect(isValidCitationKey('has space')).toBe(false);
    expect(isValidCitationKey('müller')).toBe(false);
    expect(isValidCitationKey('x,y')).toBe(false);
    expect(isValidCitationKey('a'.repeat(101))).toBe(false);
  });
});
