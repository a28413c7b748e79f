import { describe, expect, it } from 'vitest';
import { huggingface } from '@/lib/sites/huggingface/adapter';

const daily = new URL('https://huggingface.co/papers');
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const attr = (value: unknown) => JSON.stringify(value).replaceAll('&', '&amp;').replaceAll('"', '&quot;');
const card = (id: string, title: string) =>
  `<article><a href="/papers/${id}"><img alt=""></a><div><h3><a href="/papers/${id}">${title}</a></h3></div></article>`;
const page = (props: unknown, cards: string, target = 'DailyPapers') =>
  parse(
    `<main><div class="SVELTE_HYDRATER contents" data-target="${target}" data-props="${typeof props === 'string' ? props : attr(props)}">${cards}</div></main>`,
  );

describe('huggingface listings', () => {
  it('stops at a limit, keeping page order (issue #10)', () => {
    const cards = ['2609.00001', '2609.00002', '2609.00003'].map((id) => card(id, 'T')).join('');
    expect(huggingface.extract(daily, page({}, cards), 2).map((entry) => entry.id)).toEqual(['2609.00001', '2609.00002']);
  });

  it('skips a card whose link has a malformed escape, and keeps every other (issue #10)', () => {
    const cards = card('2609.00001', 'First') + '<article><a href="/papers/%E0%A4%A">Broken</a></article>' + card('2609.00002', 'Second');
    expect(huggingface.extract(daily, page({}, cards)).map((entry) => entry.id)).toEqual(['2609.00001', '2609.00002']);
  });

  it('finds papers listed without the dailyPapers wrapper (any object with an arXiv id and a title)', () => {
    const props = {
      results: [{ id: '2609.00001', title: 'From props', authors: [{ name: 'Ada' }], githubRepo: 'https://github.com/a/b.git' }],
    };
    const [found] = huggingface.extract(daily, page(props, card('2609.00001', 'Shown title')));
    expect(found!.read()).toMatchObject({
      id: '2609.00001',
      title: 'From props',
      authors: ['Ada'],
      links: { code: ['https://github.com/a/b'] },
    });
  });

  it('keeps an entry when one field of its props has another shape', () => {
    const props = {
      dailyPapers: [{ paper: { id: '2609.00001', title: 'T', authors: 'not a list', publishedAt: 17, githubRepo: { url: 'x' } } }],
    };
    expect(huggingface.extract(daily, page(props, card('2609.00001', 'T'))).map((found) => found.read())).toEqual([
      { id: '2609.00001', title: 'T', authors: [], links: { huggingface: 'https://huggingface.co/papers/2609.00001', code: [] } },
    ]);
  });

  it('skips authors without a name and does not take the daily submission time as the publication day', () => {
    const props = {
      dailyPapers: [
        {
          publishedAt: '2026-09-24T20:00:00.000Z',
          paper: { id: '2609.00001', title: 'T', authors: [{ name: 'Ada' }, { _id: 'x' }, { name: ' ' }] },
        },
      ],
    };
    const [found] = huggingface.extract(daily, page(props, card('2609.00001', 'T')));
    expect(found!.read().authors).toEqual(['Ada']);
    expect(found!.read().published).toBeUndefined();
  });

  it('falls back to what the cards show when the props are not JSON', () => {
    const entries = huggingface.extract(daily, page('{broken', card('2609.00001', 'Card  title\n') + card('2609.00002', 'Second')));
    expect(entries.map((found) => [found.read().id, found.read().title])).toEqual([
      ['2609.00001', 'Card title'],
      ['2609.00002', 'Second'],
    ]);
  });

  it('ignores props of components that are not about papers', () => {
    const entries = huggingface.extract(daily, page({ id: '2609.00001', title: 'Header props' }, card('2609.00001', 'Card'), 'MainHeader'));
    expect(entries.map((found) => found.read().title)).toEqual(['Card']);
  });

  it('ignores cards that link elsewhere or have no title link', () => {
    const cards =
      '<article><h3><a href="/models/x/y">Model</a></h3></article>' +
      '<article><h3>No link</h3></article>' +
      '<article><h3><a href="https://example.org/papers/2609.00001">Elsewhere</a></h3></article>';
    expect(huggingface.extract(daily, page({}, cards))).toEqual([]);
  });
});

describe('huggingface paper page', () => {
  const url = new URL('https://huggingface.co/papers/2609.00001');

  it('without props, reads only the title and anchors to the first h1', () => {
    const doc = parse('<main><section><h1> A Paper\n Title </h1><p>Authors: …</p></section></main>');
    const entries = huggingface.extract(url, doc);
    expect(entries.map((found) => found.read())).toEqual([
      {
        id: '2609.00001',
        title: 'A Paper Title',
        authors: [],
        links: { huggingface: 'https://huggingface.co/papers/2609.00001', code: [] },
      },
    ]);
    expect(entries[0]!.anchor).toBe(doc.querySelector('h1'));
  });

  it('with props, anchors to the h1 that shows the title', () => {
    const props = { paper: { id: '2609.00001', title: 'Real Title' } };
    const doc = parse(`<h1>Site banner</h1><div data-target="PaperContent" data-props="${attr(props)}"><h1>Real Title</h1></div>`);
    const entries = huggingface.extract(url, doc);
    expect(entries[0]!.anchor).toBe(doc.querySelectorAll('h1')[1]);
  });

  it('has nothing to offer without any h1', () => expect(huggingface.extract(url, parse('<p>Not found</p>'))).toEqual([]));
});
