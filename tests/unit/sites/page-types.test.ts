import { describe, expect, it } from 'vitest';
import { arxiv } from '@/lib/sites/arxiv/adapter';
import { huggingface } from '@/lib/sites/huggingface/adapter';
import { adapterFor } from '@/lib/sites/registry';

describe('huggingface.pageType', () => {
  it.each([
    ['https://huggingface.co/papers', 'daily'],
    ['https://huggingface.co/papers/', 'daily'],
    ['https://huggingface.co/papers/date/2026-09-28', 'daily'],
    ['https://huggingface.co/papers/week/2026-W39', 'weekly'],
    ['https://huggingface.co/papers/month/2026-09', 'monthly'],
    ['https://huggingface.co/papers/trending', 'trending'],
    ['https://huggingface.co/papers?q=diffusion', 'search'],
    ['https://huggingface.co/papers/trending?q=world+models', 'search'],
    ['https://huggingface.co/papers/date/2026-09-28?q=agents', 'search'],
    ['https://huggingface.co/papers?q=', 'daily'],
    ['https://huggingface.co/papers/2609.31620', 'paper'],
    ['https://huggingface.co/papers/2609.31620#community', 'paper'],
  ])('%s -> %s', (href, type) => expect(huggingface.pageType(new URL(href))).toBe(type));

  it.each([
    'https://huggingface.co/',
    'https://huggingface.co/models',
    'https://huggingface.co/papers/trending/foo',
    'https://huggingface.co/papers/date/2026-9-28',
    'https://huggingface.co/papers/week/2026-39',
    'https://huggingface.co/papers/2609.31620/foo',
    'https://huggingface.co/papers/not-an-id',
    'https://huggingface.co/spaces/owner/demo',
    'http://huggingface.co/papers',
    'https://www.huggingface.co/papers',
    'https://huggingface.co.evil.example/papers',
    'https://arxiv.org/papers',
  ])('rejects %s', (href) => expect(huggingface.pageType(new URL(href))).toBeNull());
});

describe('arxiv.pageType', () => {
  it.each([
    ['https://arxiv.org/list/cs.LG/new', 'list'],
    ['https://arxiv.org/list/cs.LG/recent', 'list'],
    ['https://arxiv.org/list/cs.LG/recent?skip=0&show=2000', 'list'],
    ['https://arxiv.org/list/cs.LG/pastweek?skip=25&show=25', 'list'],
    ['https://arxiv.org/list/math/current', 'list'],
    ['https://arxiv.org/list/hep-th/2026', 'list'],
    ['https://arxiv.org/list/astro-ph.CO/2026-09', 'list'],
    ['https://arxiv.org/list/physics.comp-ph/2609', 'list'],
    ['https://arxiv.org/list/cs/new/', 'list'],
    ['https://arxiv.org/search/?query=world+models&searchtype=all', 'search'],
    ['https://arxiv.org/search?query=x&searchtype=title', 'search'],
    ['https://arxiv.org/search/advanced?advanced=&terms-0-term=transformer&terms-0-field=title', 'search'],
    ['https://arxiv.org/search/cs?query=graphs&searchtype=all', 'search'],
    ['https://arxiv.org/abs/2106.09608', 'abs'],
    ['https://arxiv.org/abs/2106.09608v2', 'abs'],
    ['https://arxiv.org/abs/hep-th/9901001', 'abs'],
    ['https://arxiv.org/abs/hep-th/9901001v3', 'abs'],
  ])('%s -> %s', (href, type) => expect(arxiv.pageType(new URL(href))).toBe(type));

  it.each([
    'https://arxiv.org/',
    'https://arxiv.org/list/cs.LG/new/extra',
    'https://arxiv.org/list/cs.LG',
    'https://arxiv.org/list/cs.LG/yesterday',
    'https://arxiv.org/search/',
    'https://arxiv.org/search/advanced',
    'https://arxiv.org/search/?query=',
    'https://arxiv.org/abs/',
    'https://arxiv.org/abs/not-an-id',
    'https://arxiv.org/pdf/2106.09608',
    'http://arxiv.org/abs/2106.09608',
    'https://export.arxiv.org/abs/2106.09608',
    'https://huggingface.co/list/cs.LG/new',
  ])('rejects %s', (href) => expect(arxiv.pageType(new URL(href))).toBeNull());
});

describe('adapterFor', () => {
  it('hands each page to its own site', () => {
    expect(adapterFor(new URL('https://huggingface.co/papers'))).toEqual({ adapter: huggingface, pageType: 'daily' });
    expect(adapterFor(new URL('https://arxiv.org/list/cs.LG/new'))).toEqual({ adapter: arxiv, pageType: 'list' });
  });
  it.each([
    'https://huggingface.co/models',
    'https://example.org/papers',
    'http://arxiv.org/list/cs.LG/new',
    'https://www.arxiv.org/abs/2106.09608',
  ])('has nothing for %s', (href) => expect(adapterFor(new URL(href))).toBeNull());
});
