import { describe, expect, it } from 'vitest';
import { findLinks, MAX_CODE_LINKS } from '@/lib/model/code-links';

const code = (...sources: string[]) => findLinks(sources).code;

describe('findLinks: repositories', () => {
  it.each([
    ['https://github.com/owner/repo', 'https://github.com/owner/repo'],
    ['https://github.com/owner/repo.git', 'https://github.com/owner/repo'],
    ['https://github.com/owner/repo/tree/main/src/models', 'https://github.com/owner/repo'],
    ['https://github.com/owner/repo/blob/main/README.md#usage', 'https://github.com/owner/repo'],
    ['https://github.com/owner/repo?tab=readme-ov-file', 'https://github.com/owner/repo'],
    ['http://github.com/owner/repo', 'https://github.com/owner/repo'],
    ['https://www.github.com/owner/repo/', 'https://github.com/owner/repo'],
    ['https://gitlab.com/group/project/-/tree/main', 'https://gitlab.com/group/project'],
    ['https://gitlab.com/group/subgroup/project/-/blob/main/x.py', 'https://gitlab.com/group/subgroup/project'],
    ['https://gitlab.com/group/project.git', 'https://gitlab.com/group/project'],
    ['https://bitbucket.org/team/tool/src/master/', 'https://bitbucket.org/team/tool'],
    ['https://codeberg.org/owner/tool/src/branch/main', 'https://codeberg.org/owner/tool'],
    ['https://huggingface.co/spaces/owner/demo', 'https://huggingface.co/spaces/owner/demo'],
    ['https://huggingface.co/spaces/owner/demo/blob/main/app.py', 'https://huggingface.co/spaces/owner/demo'],
    ['https://huggingface.co/datasets/owner/corpus/tree/main', 'https://huggingface.co/datasets/owner/corpus'],
    ['https://huggingface.co/owner/model', 'https://huggingface.co/owner/model'],
    ['https://huggingface.co/models/owner/model', 'https://huggingface.co/owner/model'],
    ['https://huggingface.co/owner/model/resolve/main/weights.safetensors', 'https://huggingface.co/owner/model'],
  ])('%s -> %s', (source, repository) => expect(code(source)).toEqual([repository]));

  it('drops sentence punctuation after the address', () => {
    expect(code('Code: https://github.com/Z-Zheng/FreeNet.')).toEqual(['https://github.com/Z-Zheng/FreeNet']);
    expect(code('see https://github.com/a/one, https://github.com/a/two; and https://github.com/a/three!')).toEqual([
      'https://github.com/a/one',
      'https://github.com/a/two',
      'https://github.com/a/three',
    ]);
  });

  it('reads addresses inside parentheses without the closing one', () => {
    expect(code('Our code (https://github.com/a/b) is public.')).toEqual(['https://github.com/a/b']);
    expect(code('(code: https://github.com/a/b).')).toEqual(['https://github.com/a/b']);
  });

  it('splits LaTeX \\href{URL}{URL} as a Hugging Face summary has it', () => {
    expect(findLinks(['at https://github.com/om-ai-lab/trace-bench{https://github.com/om-ai-lab/trace-bench}.'])).toEqual({
      code: ['https://github.com/om-ai-lab/trace-bench'],
    });
  });

  it('finds bare code-host addresses that nothing linked', () => {
    expect(code('Code at github.com/owner/repo.')).toEqual(['https://github.com/owner/repo']);
    expect(code('mail me: someone@github.com/a/b')).toEqual([]);
  });

  it('keeps the first spelling of a repository named twice in other case or form', () => {
    expect(code('https://github.com/Owner/Repo', 'https://github.com/owner/repo.git', 'http://github.com/OWNER/REPO/tree/dev')).toEqual([
      'https://github.com/Owner/Repo',
    ]);
  });

  it('takes hrefs and text alike, in the order given', () => {
    expect(code('https://github.com/first/one', 'Code: this https URL', 'https://github.com/second/two')).toEqual([
      'https://github.com/first/one',
      'https://github.com/second/two',
    ]);
  });

  it.each([
    ['a user page', 'https://github.com/owner'],
    ['an organisation page', 'https://github.com/orgs/some-org/repositories'],
    ['a topic page', 'https://github.com/topics/diffusion'],
    ['a Hugging Face user', 'https://huggingface.co/owner'],
    ['a Hugging Face paper page', 'https://huggingface.co/papers/2401.12345'],
    ['a GitLab group', 'https://gitlab.com/group'],
  ])('is not fooled by %s: neither code nor project page', (_, source) => expect(findLinks([source])).toEqual({ code: [] }));

  it('caps the list at what the schema accepts', () => {
    const many = Array.from({ length: 30 }, (_, index) => `https://github.com/owner/repo${index}`);
    expect(code(...many)).toHaveLength(MAX_CODE_LINKS);
  });
});

describe('findLinks: project page', () => {
  it('is the first other http(s) address, as written', () => {
    expect(findLinks(['Videos at http://vpg.cs.princeton.edu and https://example.org/more.'])).toEqual({
      code: [],
      projectPage: 'http://vpg.cs.princeton.edu',
    });
  });

  it('keeps balanced parentheses and drops the one that closes the sentence', () => {
    expect(findLinks(['(see https://en.wikipedia.org/wiki/Rose_(band)).']).projectPage).toBe('https://en.wikipedia.org/wiki/Rose_(band)');
    expect(findLinks(['(demo: https://example.org/demo)']).projectPage).toBe('https://example.org/demo');
  });

  it('counts a github.io site as a project page, not code', () => {
    expect(findLinks(['Project: https://owner.github.io/paper/. Code: https://github.com/owner/paper'])).toEqual({
      code: ['https://github.com/owner/paper'],
      projectPage: 'https://owner.github.io/paper/',
    });
    expect(findLinks(['at https://vla-precision.github.io.'])).toEqual({ code: [], projectPage: 'https://vla-precision.github.io' });
  });

  it('ignores links to the paper itself: arXiv, DOI, Hugging Face papers', () => {
    expect(
      findLinks([
        'https://arxiv.org/abs/2401.12345 https://doi.org/10.1000/xyz http://dx.doi.org/10.1/2 https://huggingface.co/papers/2401.12345',
      ]),
    ).toEqual({ code: [] });
  });
});

describe('findLinks: nothing to find', () => {
  it.each([[''], ['No code here.'], ['this https URL'], ['ftp://example.org/file'], ['/abs/2401.12345']])('%j', (source) =>
    expect(findLinks([source])).toEqual({ code: [] }),
  );
  it('skips missing sources', () => expect(findLinks([null, undefined])).toEqual({ code: [] }));
});
