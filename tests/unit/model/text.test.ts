import { describe, expect, it } from 'vitest';
import { collapseWhitespace, decodeEntities, textOf } from '@/lib/model/text';

const element = (html: string) => {
  const container = document.createElement('div');
  container.innerHTML = html;
  return container;
};

describe('collapseWhitespace', () => {
  it('joins markup indentation and no-break spaces into single spaces', () =>
    expect(collapseWhitespace('\n   Learning\u00a0 World\n\tModels  ')).toBe('Learning World Models'));
});

describe('decodeEntities', () => {
  it.each([
    ['D&#39;Mello', "D'Mello"],
    ['O&#x27;Connell', "O'Connell"],
    ['Tom &amp; Jerry', 'Tom & Jerry'],
    ['&lt;b&gt;', '<b>'],
    ['AT&T stays', 'AT&T stays'],
    ['&unknown; stays', '&unknown; stays'],
    ['&#0; stays', '&#0; stays'],
    ['Łukasz Müller', 'Łukasz Müller'],
  ])('%j -> %j', (raw, decoded) => expect(decodeEntities(raw)).toBe(decoded));

  it('decodes one level only', () => expect(decodeEntities('&amp;#39;')).toBe('&#39;'));
});

describe('textOf', () => {
  it("drops arXiv's descriptor label and collapses whitespace", () =>
    expect(textOf(element("<span class='descriptor'>Title:</span>\n   A $\\alpha$-stable   model\n"))).toBe('A $\\alpha$-stable model'));

  it('keeps the TeX source of math MathJax 2 typeset, not the rendered glyphs', () => {
    const typeset = element(
      'Scaling <span class="MathJax_Preview" style="display:none"></span>' +
        '<span class="MathJax" id="MathJax-Element-1-Frame"><nobr><span class="math"><span class="mi">α</span></span></nobr>' +
        '<span class="MJX_Assistive_MathML"><math><mi>α</mi></math></span></span>' +
        '<script type="math/tex" id="MathJax-Element-1">\\alpha</script>-stable laws and ' +
        '<script type="math/tex; mode=display">E=mc^2</script>',
    );
    expect(textOf(typeset)).toBe('Scaling $\\alpha$-stable laws and $$E=mc^2$$');
  });

  it('skips scripts and styles', () => expect(textOf(element('a<script>var x = 1;</script><style>p{}</style>b'))).toBe('ab'));
  it('is empty for a missing element', () => expect(textOf(null)).toBe(''));
});
