import { describe, expect, it } from 'vitest';
import { paperLinks, starCount } from '@/lib/view/paper-links';

const paper = {
  id: '2401.12345',
  title: 'Attention',
  links: { code: ['https://github.com/Example/Attention', 'https://gitlab.com/lab/tool'] },
  lookup: { githubStars: { 'https://github.com/example/attention': 1234 }, doi: '10.1000/jmlr.2024.017' },
};

describe('paperLinks', () => {
  it('gives a repository its stars when a lookup counted them, whatever the case of its owner', () => {
    const code = paperLinks(paper).filter((link) => link.label.startsWith('Code'));
    expect(code).toEqual([
      {
        href: 'https://github.com/Example/Attention',
        label: 'Code: Example/Attention',
        accessibleName: 'Code: Example/Attention, 1,234 stars',
        stars: 1234,
        title: 'Code: Example/Attention',
      },
      {
        href: 'https://gitlab.com/lab/tool',
        label: 'Code: gitlab.com/lab/tool',
        accessibleName: 'Code: gitlab.com/lab/tool',
        title: 'Code: gitlab.com/lab/tool',
      },
    ]);
  });

  it('says in the tooltip where each code link and the project page were found', () => {
    const found = paperLinks({
      ...paper,
      links: {
        code: ['https://github.com/me/ours', 'https://github.com/huggingface/transformers'],
        projectPage: 'https://me.github.io/ours/',
        origins: {
          'https://github.com/me/ours': ['page', 'huggingface'],
          'https://github.com/huggingface/transformers': ['cited', 'abstract'],
          'https://me.github.io/ours/': ['comments'],
        },
      },
    });
    expect(found.filter((link) => /^(Code|Project)/.test(link.label)).map((link) => link.title)).toEqual([
      'Code: me/ours (named by the page, named by Hugging Face)',
      'Code: huggingface/transformers (found in the abstract, named as work the paper builds on)',
      'Project page (found in the arXiv comments)',
    ]);
  });

  it("links the journal version's DOI, always under doi.org", () => {
    expect(paperLinks(paper).at(-1)).toMatchObject({ href: 'https://doi.org/10.1000/jmlr.2024.017', label: 'DOI' });
    expect(paperLinks({ ...paper, lookup: { doi: 'javascript:alert(1) x' } }).at(-1)?.href).toBe('https://doi.org/javascript:alert(1)%20x');
    expect(paperLinks({ ...paper, lookup: undefined }).map((link) => link.label)).not.toContain('DOI');
  });
});

describe('starCount', () => {
  it.each([
    [0, '0'],
    [950, '950'],
    [1234, '1.2k'],
    [15_049, '15k'],
    [999_999, '1M'],
    [1_500_000, '1.5M'],
  ])('%i → %s', (stars, text) => expect(starCount(stars)).toBe(text));
});
