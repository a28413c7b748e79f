import type { PaperEntry } from '@/lib/sites/types';

/**
 * The Save control: a host element carrying `data-papershelf-id`, with a closed shadow root, so the page's
 * CSS cannot reach the button, ours cannot leak out, and the page's scripts cannot read it (issue #10).
 * What the page can see of the host is the same whatever the paper's state: its one attribute, and its box,
 * since "Save" and "Saved" share one grid cell (the wider sets the width). Undo and messages are laid out
 * beside it, out of the flow: they do not move the host, though a page measuring the scroll width of a
 * clipping container around it could notice them, and Undo shows only right after the person's own click
 * there (a click the page sees in its capture phase anyway). Assistive technology reads the button's name and pressed state as usual.
 * Plain DOM, not a React root: an arXiv listing can hold 2000 entries, and one shared stylesheet serves every control.
 */
const STYLE = `
:host { all: initial; display: inline-block; position: relative; vertical-align: middle; margin: 0 0.4em; }
.labels { display: inline-grid; }
.labels > span { grid-area: 1 / 1; text-align: center; }
button[aria-pressed="true"] .save, button[aria-pressed="false"] .saved { visibility: hidden; }
.aside { position: absolute; left: 100%; top: 50%; transform: translateY(-50%); white-space: nowrap; display: flex; align-items: center; }
button {
  font: 600 12px/1 system-ui, -apple-system, "Segoe UI", sans-serif;
  display: inline-flex; align-items: center; gap: 4px;
  padding: 4px 9px; border-radius: 999px; cursor: pointer;
  border: 1px solid #c7cfe6; background: #f5f7ff; color: #2b4cb8;
}
button:hover { background: #e8edff; }
button:focus-visible { outline: 2px solid #2b4cb8; outline-offset: 2px; }
button[aria-pressed="true"] { background: #2b4cb8; border-color: #2b4cb8; color: #fff; }
button[aria-busy="true"] { opacity: 0.6; cursor: progress; }
button:disabled { opacity: 0.6; cursor: not-allowed; }
svg { width: 11px; height: 11px; fill: currentColor; }
.error { margin-left: 6px; font: 12px/1.2 system-ui, sans-serif; color: #b3261e; background: #fff; }
.error:empty { display: none; }
.undo { margin-left: 4px; background: transparent; border-color: transparent; text-decoration: underline; }
.undo[hidden] { display: none; }
@media (prefers-color-scheme: dark) {
  button { background: #1f2740; border-color: #3d4a78; color: #b9c6ff; }
  button[aria-pressed="true"] { background: #8ea2ff; border-color: #8ea2ff; color: #10152a; }
  .error { color: #ffb4ab; background: #10152a; }
  .undo { background: transparent; border-color: transparent; }
}`;

let sharedSheet: CSSStyleSheet | undefined;
let sharedTemplate: DocumentFragment | undefined;

/** An element with attributes and children, built with DOM calls: no markup is ever parsed (issue #10). */
function element(doc: Document, tag: string, attributes: Record<string, string>, ...children: (Node | string)[]): Element {
  const made = tag === 'svg' || tag === 'path' ? doc.createElementNS('http://www.w3.org/2000/svg', tag) : doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
  made.append(...children);
  return made;
}

/** The stylesheet and the control's elements, made once per page and cloned: building them per entry dominated mounting. */
function parts(doc: Document): { sheet: CSSStyleSheet; template: DocumentFragment } {
  if (!sharedSheet || !sharedTemplate) {
    sharedSheet = new CSSStyleSheet();
    sharedSheet.replaceSync(STYLE);
    const icon = element(
      doc,
      'svg',
      { viewBox: '0 0 12 12', 'aria-hidden': 'true' },
      element(doc, 'path', { d: 'M3 1h6a1 1 0 0 1 1 1v9L6 8.5 2 11V2a1 1 0 0 1 1-1z' }),
    );
    const labels = element(
      doc,
      'span',
      { class: 'labels' },
      element(doc, 'span', { class: 'save' }, 'Save'),
      element(doc, 'span', { class: 'saved' }, 'Saved'),
    );
    sharedTemplate = doc.createDocumentFragment();
    sharedTemplate.append(
      element(doc, 'button', { type: 'button', title: 'Save to PaperShelf', 'aria-pressed': 'false' }, icon, labels),
      element(
        doc,
        'span',
        { class: 'aside' },
        element(doc, 'button', { type: 'button', class: 'undo', hidden: '' }, 'Undo'),
        element(doc, 'span', { class: 'error', role: 'status' }),
      ),
    );
  }
  return { sheet: sharedSheet, template: sharedTemplate };
}

export interface SaveControl {
  host: HTMLElement;
  entry: PaperEntry;
  setSaved(saved: boolean): void;
  setBusy(busy: boolean): void;
  showError(message: string | null): void;
  /** Shows or hides Undo, offered for a moment after the paper was removed from this control. */
  offerUndo(offered: boolean): void;
  /** For good: the control does nothing more and says why (the extension was updated under the page). */
  retire(message: string): void;
}

export interface SaveControlActions {
  toggle(control: SaveControl): void;
  undo(control: SaveControl): void;
}

export function createSaveControl(doc: Document, entry: PaperEntry, saved: boolean, actions: SaveControlActions): SaveControl {
  const host = doc.createElement('span');
  host.dataset.papershelfId = entry.id;
  const root = host.attachShadow({ mode: 'closed' });
  const { sheet, template } = parts(doc);
  root.adoptedStyleSheets = [sheet];
  root.append(template.cloneNode(true));
  const button = root.firstElementChild as HTMLButtonElement;
  const aside = root.lastElementChild as HTMLSpanElement;
  const undo = aside.firstElementChild as HTMLButtonElement;
  const error = aside.lastElementChild as HTMLSpanElement;

  let shown: boolean | undefined;
  const control: SaveControl = {
    host,
    entry,
    setSaved(saved) {
      if (saved) undo.hidden = true;
      // A page-wide state answer touches every control; leaving unchanged ones alone spares a restyle of each.
      if (shown === saved) return;
      shown = saved;
      button.setAttribute('aria-pressed', String(saved));
    },
    setBusy(busy) {
      button.setAttribute('aria-busy', String(busy));
    },
    showError(message) {
      error.textContent = message ?? '';
    },
    offerUndo(offered) {
      undo.hidden = !offered;
    },
    retire(message) {
      button.disabled = true;
      button.removeAttribute('aria-busy');
      undo.hidden = true;
      error.textContent = message;
    },
  };
  undo.setAttribute('aria-label', `Undo removing ${entry.id} from PaperShelf`);
  control.setSaved(saved);
  onPersonClick(button, () => actions.toggle(control));
  onPersonClick(undo, () => actions.undo(control));
  return control;
}

function onPersonClick(button: HTMLButtonElement, act: () => void): void {
  button.addEventListener('click', (event) => {
    // Only a person's click counts: a page script calling `.click()` must not save or unsave.
    if (!event.isTrusted) return;
    event.preventDefault();
    event.stopPropagation();
    act();
  });
}
