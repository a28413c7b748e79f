import { describe, expect, it } from 'vitest';
import { findLinks, isPublicWebAddress, MAX_CODE_LINKS } from '@/lib/model/code-links';
import { PaperLinks } from '@/lib/model/paper';

const code = (...sources: string[]) => findLinks(sources).code;
/** What plain text yields: the links, without origins (none is recorded for text of unknown origin). */
const linksIn = (sources: (string | null | undefined)[]) => {
  const { origins, ...links } = findLinks(sources);
  expect(origins).toEqual({});
  return links;
};

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
    expect(linksIn(['at https://github.com/om-ai-lab/trace-bench{https://github.com/om-ai-lab/trace-bench}.'])).toEqual({
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
  ])('is not fooled by %s: neither code nor project page', (_, source) => expect(linksIn([source])).toEqual({ code: [] }));

  it('caps the list at what the schema accepts', () => {
    const many = Array.from({ length: 30 }, (_, index) => `https://github.com/owner/repo${index}`);
    expect(code(...many)).toHaveLength(MAX_CODE_LINKS);
  });
});

describe('findLinks: project page', () => {
  it('is the first other http(s) address, as written', () => {
    expect(linksIn(['Videos at http://vpg.cs.princeton.edu and https://example.org/more.'])).toEqual({
      code: [],
      projectPage: 'http://vpg.cs.princeton.edu',
    });
  });

  it('keeps balanced parentheses and drops the one that closes the sentence', () => {
    expect(linksIn(['(see https://en.wikipedia.org/wiki/Rose_(band)).']).projectPage).toBe('https://en.wikipedia.org/wiki/Rose_(band)');
    expect(linksIn(['(demo: https://example.org/demo)']).projectPage).toBe('https://example.org/demo');
  });

  it('counts a github.io site as a project page, not code', () => {
    expect(linksIn(['Project: https://owner.github.io/paper/. Code: https://github.com/owner/paper'])).toEqual({
      code: ['https://github.com/owner/paper'],
      projectPage: 'https://owner.github.io/paper/',
    });
    expect(linksIn(['at https://vla-precision.github.io.'])).toEqual({ code: [], projectPage: 'https://vla-precision.github.io' });
  });

  it('ignores links to the paper itself: arXiv, DOI, Hugging Face papers', () => {
    expect(
      linksIn([
        'https://arxiv.org/abs/2401.12345 https://doi.org/10.1000/xyz http://dx.doi.org/10.1/2 https://huggingface.co/papers/2401.12345',
      ]),
    ).toEqual({ code: [] });
  });
});

describe('findLinks: nothing to find', () => {
  it.each([[''], ['No code here.'], ['this https URL'], ['ftp://example.org/file'], ['/abs/2401.12345']])('%j', (source) =>
    expect(linksIn([source])).toEqual({ code: [] }),
  );
  it('skips missing sources', () => expect(linksIn([null, undefined])).toEqual({ code: [] }));
});

describe('findLinks: where each link came from, and whose it is', () => {
  it('remembers the origin of every link, a link named twice with both', () => {
    const found = findLinks([
      { text: 'https://github.com/Z-Zheng/FreeNet', origin: 'page' },
      { text: 'Code has been made available at: https://github.com/Z-Zheng/FreeNet.', origin: 'abstract' },
      { text: 'Project page: https://z-zheng.github.io/freenet/', origin: 'comments' },
    ]);
    expect(found).toEqual({
      code: ['https://github.com/Z-Zheng/FreeNet'],
      projectPage: 'https://z-zheng.github.io/freenet/',
      origins: { 'https://github.com/Z-Zheng/FreeNet': ['page', 'abstract'], 'https://z-zheng.github.io/freenet/': ['comments'] },
    });
  });

  it('reads `https: //`, the break PDF extraction leaves in abstracts', () => {
    expect(findLinks([{ text: 'Code is at https: //github.com/org/repo.', origin: 'abstract' }]).code).toEqual([
      'https://github.com/org/repo',
    ]);
  });

  it('ranks a repository the abstract names as another’s work after the paper’s own, and never takes it for the project page', () => {
    const found = findLinks([
      {
        text:
          'We build on https://github.com/huggingface/transformers and compare with baselines from http://baselines.example.org. ' +
          'Our code is at https://github.com/me/ours.',
        origin: 'abstract',
      },
    ]);
    expect(found.code).toEqual(['https://github.com/me/ours', 'https://github.com/huggingface/transformers']);
    expect(found.projectPage).toBeUndefined();
    expect(found.origins['https://github.com/huggingface/transformers']).toEqual(['abstract', 'cited']);
    expect(found.origins['https://github.com/me/ours']).toEqual(['abstract']);
  });

  it('counts a repository as the paper’s own when the sentence says so, or when another source names it', () => {
    expect(
      findLinks([{ text: 'Our implementation, based on PyTorch, is at https://github.com/me/x.', origin: 'abstract' }]).origins,
    ).toEqual({
      'https://github.com/me/x': ['abstract'],
    });
    const both = findLinks([
      { text: 'We build on https://github.com/lab/tool.', origin: 'abstract' },
      { text: 'https://github.com/lab/tool', origin: 'page' },
    ]);
    expect(both.origins['https://github.com/lab/tool']).toEqual(['abstract', 'page']);
  });

  it('survives hostile text: 200 addresses, a 10 kB one, javascript: and data: links', () => {
    const many = Array.from({ length: 200 }, (_, index) => `https://github.com/o/r${index}`).join(' ');
    expect(findLinks([{ text: many, origin: 'abstract' }]).code).toHaveLength(MAX_CODE_LINKS);
    const long = `https://github.com/o/${'r'.repeat(10_000)}`;
    expect(findLinks([{ text: `${long} javascript:alert(1) data:text/html,<b>x</b>`, origin: 'abstract' }])).toEqual({
      code: [],
      origins: {},
    });
  });
});

describe('findLinks: whose repository the words before it say it is', () => {
  const verdicts = (text: string) => {
    const { code, origins } = findLinks([{ text, origin: 'abstract' }]);
    return code.map((url) => `${url.split('/').at(-1)} ${origins[url]?.includes('cited') ? 'cited' : 'own'}`);
  };

  it.each([
    [
      'a list of dependencies continues the first one’s verdict',
      'We build on transformers (https://github.com/huggingface/transformers) and diffusers (https://github.com/huggingface/diffusers).',
      ['transformers cited', 'diffusers cited'],
    ],
    [
      '“our” before “builds on” still cites',
      'Our implementation builds on https://github.com/huggingface/transformers.',
      ['transformers cited'],
    ],
    ['“is at” right before the address is the paper’s own', 'Built on PyTorch, our code is at https://github.com/me/ours.', ['ours own']],
    [
      'a new sentence starts afresh',
      'We use https://github.com/lab/tool. The code: https://github.com/me/ours.',
      ['ours own', 'tool cited'],
    ],
  ])('%s', (_, text, expected) => expect(verdicts(text)).toEqual(expected));
});

describe('isPublicWebAddress (issue #10)', () => {
  it.each([
    ['https://nerfies.github.io', true],
    ['http://example.org/project', true],
    ['http://localhost:8000', false],
    ['https://app.localhost/x', false],
    ['http://127.0.0.1/', false],
    ['http://0x7f.1/', false],
    ['http://2130706433/', false],
    ['http://[::1]/', false],
    ['http://intranet/', false],
    ['http://printer.local/', false],
    ['http://router.home.arpa/', false],
    ['https://user:secret@example.org/', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['ftp://example.org/', false],
  ])('%s → %s', (url, expected) => expect(isPublicWebAddress(url)).toBe(expected));

  it('never takes a local address for a project page, nor keeps one from a stored record', () => {
    expect(findLinks(['Project page: http://localhost:8000/demo and http://192.168.1.2/'])).not.toHaveProperty('projectPage');
    expect(PaperLinks.parse({ projectPage: 'http://10.0.0.1/admin' }).projectPage).toBeUndefined();
    expect(PaperLinks.parse({ projectPage: 'https://nerfies.github.io' })).toMatchObject({ projectPage: 'https://nerfies.github.io' });
  });
});
