// @vitest-environment node
// The service worker has no DOMParser; neither has this environment, so the parser is proven without one.
import { describe, expect, it } from 'vitest';
import { arxivQueryUrl, MAX_FEED_LENGTH, parseArxivFeed, type ArxivFeed } from '@/lib/lookup/arxiv-api';
import { fixtureText } from './fixtures';

const parsed = (xml: string) => {
  const feed: ArxivFeed = parseArxivFeed(xml);
  if (!feed.ok) throw new Error(`expected a feed, got: ${feed.error}`);
  return feed;
};

const feed = (entries: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">${entries}</feed>`;
const entry = (id: string, extra = '') =>
  `<entry><id>http://arxiv.org/abs/${id}</id><title>A title</title><summary>An abstract.</summary><published>2024-01-22T18:59:59Z</published><author><name>A. Author</name></author>${extra}</entry>`;

describe('arxivQueryUrl', () => {
  it('asks for every id in one call, with as many results as ids', () => {
    expect(arxivQueryUrl(['2401.12345', 'hep-th/9901001'])).toBe(
      'https://export.arxiv.org/api/query?id_list=2401.12345,hep-th/9901001&max_results=2',
    );
  });

  it('refuses what the API would answer wrongly: no ids, more than 50, versions or junk', () => {
    expect(() => arxivQueryUrl([])).toThrow(RangeError);
    expect(() => arxivQueryUrl(Array.from({ length: 51 }, (_, index) => `2401.${String(10000 + index)}`))).toThrow(RangeError);
    expect(() => arxivQueryUrl(['2401.12345v2'])).toThrow(/canonical/);
    expect(() => arxivQueryUrl(['2401.12345&search_query=all'])).toThrow(/canonical/);
  });
});

describe('parseArxivFeed: a three-entry answer', () => {
  const { entries, errors } = parsed(fixtureText('arxiv-three-entries.xml'));

  it('reads every entry, in order, under its canonical id (old-style included)', () => {
    expect(errors).toEqual([]);
    expect(entries.map((record) => record.id)).toEqual(['2401.12345', 'hep-th/9901001', '2501.01234']);
  });

  it('reads the fields a paper stores, decoded and with whitespace collapsed', () => {
    expect(entries[0]).toEqual({
      id: '2401.12345',
      title: 'Attention Is Still All You Need: Revisiting $O(n^2)$ Attention & Its <Linear> Alternatives',
      authors: ['Ada Lovelace', 'Łukasz Müller', 'Grace Hopper'],
      abstract:
        'We revisit attention in long-context models. Our method reaches state-of-the-art results with 40% less memory. Models are released at https://huggingface.co/example/attention-small.',
      published: '2024-01-22',
      updated: '2024-02-10',
      primaryCategory: 'cs.LG',
      comments: '12 pages, 4 figures. Code: https://github.com/a/b.',
      doi: '10.1000/jmlr.2024.017',
      code: ['https://github.com/a/b', 'https://huggingface.co/example/attention-small'],
      origins: { 'https://github.com/a/b': ['comments'], 'https://huggingface.co/example/attention-small': ['abstract'] },
      journalRef: 'J. Mach. Learn. Res. 25 (2024) 1-12',
      version: 2,
      categories: ['cs.LG', 'cs.CL'],
    });
  });

  it('leaves out what an entry does not have', () => {
    expect(entries[1]).toEqual({
      id: 'hep-th/9901001',
      title: 'String Dualities in Old-Style Identifiers',
      authors: ['E. Witten'],
      abstract: 'We study dualities of strings on orbifolds.',
      published: '1999-01-04',
      updated: '1999-01-04',
      primaryCategory: 'hep-th',
      version: 1,
      categories: ['hep-th'],
      code: [],
    });
  });

  it('finds a project page and a bare repository address in the abstract', () => {
    expect(entries[2]).toMatchObject({
      code: ['https://gitlab.com/robo/sim'],
      projectPage: 'https://robots.example.org/diffusion',
      comments: 'Accepted at ICRA 2025',
    });
  });
});

describe('parseArxivFeed: what is not a paper', () => {
  it('reports arXiv error entries instead of returning them as papers', () => {
    expect(parsed(fixtureText('arxiv-error.xml'))).toEqual({
      ok: true,
      entries: [],
      errors: ['arXiv: incorrect id format for 1234'],
      dropped: [],
    });
  });

  it('reads an empty answer (no entries) as no papers', () => {
    expect(parsed(feed(''))).toEqual({ ok: true, entries: [], errors: [], dropped: [] });
  });

  it('skips an invalid entry into errors and keeps the valid ones', () => {
    const result = parsed(
      feed(
        entry('2401.11111v1') +
          '<entry><id>http://arxiv.org/abs/2401.22222v1</id><summary>No title.</summary><published>2024-01-22T00:00:00Z</published></entry>' +
          entry('2401.33333v1').replace('2024-01-22T18:59:59Z', 'yesterday') +
          '<entry><id>http://example.com/abs/2401.44444</id><title>Elsewhere</title></entry>',
      ),
    );
    expect(result.entries.map((record) => record.id)).toEqual(['2401.11111']);
    expect(result.errors).toHaveLength(3);
    expect(result.errors[0]).toMatch(/^2401\.22222: title/);
    expect(result.errors[1]).toMatch(/^2401\.33333: published/);
    expect(result.errors[2]).toMatch(/unexpected id: http:\/\/example\.com/);
  });

  it('drops author names that are empty and DOIs that are not DOIs', () => {
    const [record] = parsed(feed(entry('2401.11111v1', '<author><name>  </name></author><arxiv:doi>see journal</arxiv:doi>'))).entries;
    expect(record?.authors).toEqual(['A. Author']);
    expect(record?.doi).toBeUndefined();
  });

  it('drops a DOI that is not one and an oversized journal reference, keeps the paper, and says why', () => {
    const result = parsed(
      feed(
        entry('2401.11111v1').replace(
          '</entry>',
          '<arxiv:doi>10.1234 &lt;b&gt;x&lt;/b&gt;</arxiv:doi><arxiv:journal_ref>' + 'J. '.repeat(500) + '</arxiv:journal_ref></entry>',
        ),
      ),
    );
    expect(result.entries).toHaveLength(1);
    expect(result.entries[0]?.doi).toBeUndefined();
    expect(result.entries[0]?.journalRef).toBeUndefined();
    expect(result.dropped).toEqual([
      expect.stringMatching(/2401\.11111: the DOI "10\.1234 <b>x<\/b>" is not a DOI/),
      expect.stringMatching(/2401\.11111: a journal reference of \d+ characters/),
    ]);
  });

  it('keeps the first of several DOIs', () => {
    const [record] = parsed(
      feed(entry('2401.11111v1', '<arxiv:doi>10.1103/PhysRevD.76.013009 10.1103/PhysRevD.76.019901</arxiv:doi>')),
    ).entries;
    expect(record?.doi).toBe('10.1103/PhysRevD.76.013009');
  });
});

describe('parseArxivFeed: malformed and hostile answers change nothing', () => {
  it.each([
    ['a connection dropped mid-answer', fixtureText('arxiv-truncated.xml'), /unreadable XML/],
    ['mismatched tags', feed('<entry><id>x</entry>'), /unreadable XML/],
    [
      'an HTML error page',
      '<html><body><h1>503 Service Unavailable</h1><p>Try later<br></p></body></html>',
      /unreadable XML|not an Atom feed/,
    ],
    ['plain text', 'Rate exceeded.', /unreadable XML|not an Atom feed/],
    ['an empty body', '', /unreadable XML|not an Atom feed/],
    ['well-formed XML that is not a feed', '<rss><channel/></rss>', /not an Atom feed/],
  ])('%s', (_, xml, message) => {
    const result = parseArxivFeed(xml);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('refuses a DOCTYPE with entities (billion laughs, external files) before parsing', () => {
    expect(parseArxivFeed(fixtureText('arxiv-hostile-entities.xml'))).toEqual({
      ok: false,
      error: 'the answer declares a DOCTYPE or entities',
    });
  });

  it('leaves references to undeclared entities as written, never expanded', () => {
    const [record] = parsed(feed(entry('2401.11111v1').replace('A title', 'A &lol4; title &#0; &#x110000;'))).entries;
    expect(record?.title).toBe('A &lol4; title &#0; &#x110000;');
  });

  it('decodes an escaped entity once only', () => {
    const [record] = parsed(feed(entry('2401.11111v1').replace('A title', 'A &amp;lt;b&amp;gt; title'))).entries;
    expect(record?.title).toBe('A &lt;b&gt; title');
  });

  it('refuses answers over the size cap without parsing them', () => {
    const huge = feed(entry('2401.11111v1', `<arxiv:comment>${'x'.repeat(MAX_FEED_LENGTH)}</arxiv:comment>`));
    const result = parseArxivFeed(huge);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/more than 5000000/);
  });

  it('refuses element names that would pollute prototypes', () => {
    const result = parseArxivFeed(feed(entry('2401.11111v1', '<__proto__><polluted>yes</polluted></__proto__>')));
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/unreadable XML: .*__proto__/) });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses nesting deep enough to exhaust the stack', () => {
    const deep = feed(`${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}`);
    expect(parseArxivFeed(deep)).toEqual({ ok: false, error: expect.stringMatching(/unreadable XML: .*nested/i) });
  });

  it('rejects an entry whose fields exceed what a paper may store', () => {
    const result = parsed(feed(entry('2401.11111v1').replace('An abstract.', 'x'.repeat(20_001))));
    expect(result.entries).toEqual([]);
    expect(result.errors[0]).toMatch(/^2401\.11111: abstract/);
  });
});
