/**
 * Papers whose text tries to break a BibTeX file or the LaTeX document that cites it (issue #5): braces,
 * TeX specials, math, accents, CJK and emoji, entry injection, huge notes, hundreds of authors, old ids.
 * Every paper is valid per the `Paper` schema. Shared by the BibTeX unit tests, the `bibtex` program test,
 * and anything else (e2e, CI) that needs a library to export.
 */
import type { Paper } from '@/lib/model/paper';
import { paper as storedPaper, resetClock } from './factory';

/** A published cs.LG paper, saved a minute after the one before (the factory's clock). */
const paper = (fields: Partial<Paper> & Pick<Paper, 'id' | 'title'>): Paper =>
  storedPaper({ published: '2024-01-22', primaryCategory: 'cs.LG', ...fields });

/** About 100 KB of notes: prose, with something to escape on every line and an unbalanced brace. */
function hugeNotes(): string {
  const lines: string[] = ['{ opens here and never closes'];
  for (let i = 0; lines.join('\n').length < 100_000; i++) {
    lines.push(`Line ${i}: the quick brown fox jumps over the lazy dog, then reads 50% of section ${i} & takes notes_${i}.`);
  }
  return lines.join('\n');
}

export function nastyPapers(): Paper[] {
  resetClock();
  return [
    paper({
      id: '1706.03762',
      title: 'Attention Is All You Need',
      authors: [
        'Ashish Vaswani',
        'Noam Shazeer',
        'Niki Parmar',
        'Jakob Uszkoreit',
        'Llion Jones',
        'Aidan N. Gomez',
        'Łukasz Kaiser',
        'Illia Polosukhin',
      ],
      published: '2017-06-12',
      primaryCategory: 'cs.CL',
      links: { code: ['https://github.com/tensorflow/tensor2tensor'] },
      tags: ['transformers', 'to read'],
      notes: 'The original Transformer.\nRead section 3.2 twice.',
      // What lookups learned (issue #6): a backup must keep it too.
      lookup: {
        doi: '10.5555/3295222.3295349',
        githubStars: { 'https://github.com/tensorflow/tensor2tensor': 16_000 },
        upvotes: 12,
        arxivCheckedAt: 1_700_000_100_000,
        huggingfaceCheckedAt: 1_700_000_200_000,
        changedAt: 1_700_000_100_000,
      },
    }),
    paper({
      id: '1810.04805',
      title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
      authors: ['Jacob Devlin', 'Ming-Wei Chang', 'Kenton Lee', 'Kristina Toutanova'],
      published: '2018-10-11',
      tags: ['GPT-4', 'ImageNet', 'mRNA'],
      notes: 'Balanced {curly {nested} braces} stay {as typed}.',
    }),
    paper({
      id: '2401.00001',
      title: 'Closing } Before { Opening, and a Lone { Brace',
      notes: 'A lone } closes nothing\nand a lone { opens nothing {',
    }),
    paper({
      id: '2401.00002',
      title: '100% Sure: \\Backslashes & Ampersands, $5 Deals, #Hashtags, snake_case, ~Tildes and x^2',
      notes: '50% of \\textbf{this} & that # _ ~ ^ \\ $ \\\\ \\par \\end{document}',
    }),
    paper({
      id: '2401.00003',
      title: 'Über Résumés: Naïve Façades in Ærø and Łódź',
      authors: [
        'Jürgen Schmidhuber',
        'François Chollet',
        'Nguyễn Văn An',
        'Søren Kierkegaard',
        'Paweł Ćwiek',
        'Zoë Ångström',
        'Þórður Ðaníelsson',
      ],
      notes: 'Accents: à é î õ ü ç ñ ß œ æ ø å ł đ ı — “curly” ‘quotes’ … and a no-break\u00a0space.',
    }),
    paper({
      id: '2401.00004',
      title: '大规模语言模型 🚀 Large Language Models, 日本語 and Ελληνικά',
      authors: ['张伟', '山田 太郎', 'Ιωάννης Παπαδόπουλος'],
      tags: ['日本語', 'emoji 🚀'],
      notes: '笔记 📝 with emoji 👩‍💻 and 한국어',
    }),
    paper({
      id: '2401.00005',
      title: '$\\alpha$-Stable Processes, $O(n^2)$ Attention and $\\mathcal{O}(n \\log n)$ Sorting for $\\Omega$',
      notes: 'Math in notes is text: $\\alpha$ stays as typed.',
    }),
    paper({
      id: '2401.00006',
      title: 'Notes That Start Lines with @ and }',
      notes: '@inproceedings{x,\n}\n}}}\n@\n@comment{',
    }),
    paper({
      id: '2401.00007',
      title: 'Evil} @misc{evil2, title={y}}',
      notes: '}\n@misc{evil, title={x}}',
    }),
    paper({ id: '2401.00008', title: 'Empty Notes', notes: '' }),
    paper({ id: '2401.00009', title: 'A Very Long Note', notes: hugeNotes() }),
    paper({
      id: '2401.00010',
      title: 'Two Hundred Authors',
      authors: Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? `Zoë Müller-${i}` : `Author${i} Surname${i}`)),
    }),
    paper({
      id: 'hep-th/9901001',
      title: 'An Old-Style Identifier',
      authors: ['Edward Witten'],
      published: undefined,
      primaryCategory: 'hep-th',
    }),
    paper({
      id: '2401.00011',
      title: 'Pre--Training with ``Quotes\'\' and !`Inverted?` ,,Low Marks <less> "double" | bar',
      notes: "Ligatures -- --- `` '' !` ?` ,, << >> stay as typed.",
    }),
    paper({
      id: '2401.00012',
      title: 'Names BibTeX Could Misread',
      authors: [
        'Guido van Rossum',
        'Martin Luther King Jr.',
        'Research and Development Team',
        'Smith, John',
        'others',
        'danah boyd',
        "Conan O'Brien",
        'Jean-Pierre Serre',
        'Ab {x} Cd',
      ],
    }),
    paper({ id: '2401.00013', title: 'No Authors at All', authors: [] }),
    paper({
      id: '2401.00014',
      title: 'Tags With Characters',
      tags: ['c++', '#nlp', '50%', 'a_b', 'C#', 'x\\y', '{balanced}', 'ünï', 'emoji 🚀'],
      links: { code: ['https://github.com/a_b/c%20d?q=1&r=~x#readme', 'https://gitlab.com/x/y'], projectPage: 'https://example.org/p' },
    }),
    paper({
      id: '2401.00015',
      title: 'Blank Lines in Notes',
      notes: 'First paragraph, line one.\nLine two.\n\nSecond paragraph.\n\n\nAfter two blank lines.',
    }),
    paper({
      id: '2401.00016',
      title: 'Pre-Existing Key',
      citationKey: 'My:Key_2024+v1.0-final',
    }),
    paper({
      // Zotero's parser reads `\{` and `\}` in keywords as literal braces, where BibTeX counts them.
      id: '2401.00017',
      title: 'Tags With Backslashes Before Braces',
      tags: ['\\{x}', 'a\\}b', 'C:\\'],
      notes: 'Notes after the keywords must survive them.',
    }),
  ];
}
