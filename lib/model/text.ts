/** Small text helpers for reading papers off pages. Pure: no DOM globals, only the nodes handed in. */

/** Runs of whitespace (the page markup's newlines and indentation, no-break spaces) become one space. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * Decodes HTML character references once. Hugging Face's JSON props hold some author names
 * escaped twice (`D&#39;Mello` is what is left after the attribute itself was unescaped).
 * Unknown references stay as written.
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,6});/gi, (whole, body: string) => {
    if (!body.startsWith('#')) return NAMED_ENTITIES[body] ?? whole;
    const code = /^#x/i.test(body) ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return valid ? String.fromCodePoint(code) : whole;
  });
}

// What MathJax 2 (arXiv's listing and abstract pages) leaves in `.mathjax` elements once it ran:
// rendered glyphs and an assistive MathML copy beside a `<script type="math/tex">` holding the source.
// Also arXiv's `span.descriptor` labels. A regex on the class attribute: `classList` costs a
// DOMTokenList per element, which on a 2000-entry listing was most of the extraction time (jsdom).
const SKIPPED_CLASS = /(?:^|\s)(?:descriptor|MathJax(?:_Preview|_Display|_SVG|_SVG_Display|_CHTML)?|MJX_Assistive_MathML)(?:\s|$)/;
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * The text of an element as its author wrote it, whitespace collapsed: the TeX source of typeset math
 * (`$\alpha$`, not the rendered glyphs), without arXiv's `Title:`/`Authors:`/`Abstract:` labels
 * (`span.descriptor`), scripts or styles. Plain `textContent` would double every formula once MathJax ran.
 */
export function textOf(element: Element | null | undefined): string {
  return readText(element, false);
}

/**
 * The same text with each link's address in place of its words, for finding links in context: arXiv
 * shows every URL of an abstract or comment as a link reading "this https URL", so "we build on this
 * https URL" says whose code it is only once the address is back in the sentence.
 */
export function textWithAddresses(element: Element | null | undefined): string {
  return readText(element, true);
}

function readText(element: Element | null | undefined, addresses: boolean): string {
  if (!element) return '';
  const parts: string[] = [];
  const visit = (parent: Node) => {
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === TEXT_NODE) {
        parts.push(node.nodeValue ?? '');
        continue;
      }
      if (node.nodeType !== ELEMENT_NODE) continue;
      const child = node as Element;
      if (child.localName === 'script') {
        const type = child.getAttribute('type') ?? '';
        if (type.startsWith('math/tex')) {
          const delimiter = type.includes('mode=display') ? '$$' : '$';
          parts.push(delimiter, child.textContent ?? '', delimiter);
        }
        continue;
      }
      if (child.localName === 'style' || child.localName === 'template') continue;
      const className = child.getAttribute('class');
      if (className && SKIPPED_CLASS.test(className)) continue;
      const href = addresses && child.localName === 'a' ? child.getAttribute('href') : null;
      if (href && /^https?:\/\//i.test(href.trim())) {
        parts.push(' ', href.trim(), ' ');
        continue;
      }
      visit(child);
    }
  };
  visit(element);
  return collapseWhitespace(parts.join(''));
}
