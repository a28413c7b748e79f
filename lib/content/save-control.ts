import type { PaperEntry } from '@/lib/sites/types';

/**
 * The Save control: a host element carrying `data-papershelf-id`, with a closed shadow root, so the page's
 * CSS cannot reach the button, ours cannot leak out, and the page's scripts cannot read it (issue #10).
 * What the page can see of the host is the same whatever the paper's state: its one attribute, and its box,
 * since the button has one fixed width for "Save" and "Saved". Undo and messages are laid out beside it,
 * out of the flow: they do not move the host, though a page measuring the scroll width of a clipping
 * container around it could notice them, and Undo shows only right after the person's own click there (a
 * click the page sees in its capture phase anyway). Assistive technology reads the button's name and
 * pressed state as usual.
 * Plain DOM, not a React root, and as few nodes as a button can be (issue #12): an arXiv listing can hold
 * 2000 entries, and laying out 2000 controls of nine nodes each (an SVG icon, two stacked labels, Undo and
 * a status made up front) took 134–204 ms after mounting, against 71–73 ms for this one button with its
 * icon drawn in CSS. Undo and the status are made the first time they are needed.
 */
const STYLE = `
:host { all: initial; display: inline-block; position: relative; vertical-align: middle; margin: 0 0.4em; contain: layout style; }
.aside { position: absolute; left: 100%; top: 50%; transform: translateY(-50%); white-space: nowrap; display: flex; align-items: center; }
button {
  font: 600 12px/1 system-ui, -apple-system, "Segoe UI", sans-serif;
  display: inline-flex; align-items: center; justify-content: center; gap: 4px;
  padding: 4px 9px; border-radius: 999px; cursor: pointer; white-space: nowrap;
  border: 1px solid #c7cfe6; background: #f5f7ff; color: #2b4cb8;
}
.main { box-sizing: border-box; width: 6.4em; padding: 4px 0; overflow: hidden; position: relative; }
.main.in-zotero::after { content: ""; position: absolute; top: 3px; right: 5px; width: 6px; height: 6px; border-radius: 50%; background: #cc2936; box-shadow: 0 0 0 1px #fff; }
.main::before { content: ""; flex: none; width: 9px; height: 11px; background: currentColor; clip-path: polygon(0 0, 100% 0, 100% 100%, 50% 72%, 0 100%); }
button:hover { background: #e8edff; }
button:focus-visible { outline: 2px solid #2b4cb8; outline-offset: 2px; }
button[aria-pressed="true"] { background: #2b4cb8; border-color: #2b4cb8; color: #fff; }
button[aria-busy="true"] { opacity: 0.6; cursor: progress; }
button:disabled { opacity: 0.6; cursor: not-allowed; }
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
let sharedButton: HTMLButtonElement | undefined;

/** The stylesheet and the button, made once per page and cloned: building them per entry dominated mounting. */
function parts(doc: Document): { sheet: CSSStyleSheet; button: HTMLButtonElement } {
  if (!sharedSheet || !sharedButton) {
    sharedSheet = new CSSStyleSheet();
    sharedSheet.replaceSync(STYLE);
    sharedButton = doc.createElement('button');
    sharedButton.type = 'button';
    sharedButton.className = 'main';
    sharedButton.title = 'Save to PaperShelf';
    sharedButton.setAttribute('aria-pressed', 'false');
    sharedButton.textContent = 'Save';
  }
  return { sheet: sharedSheet, button: sharedButton };
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
  /**
   * The second mark (issue #13): the paper is in the user's Zotero library. A dot inside the button's fixed
   * box, and the button's description for assistive technology: nothing the page can measure changes.
   */
  setInZotero(inZotero: boolean): void;
}

export interface SaveControlActions {
  toggle(control: SaveControl): void;
  undo(control: SaveControl): void;
}

export function createSaveControl(doc: Document, entry: PaperEntry, saved: boolean, actions: SaveControlActions): SaveControl {
  const host = doc.createElement('span');
  host.setAttribute('data-papershelf-id', entry.id);
  const root = host.attachShadow({ mode: 'closed' });
  const { sheet, button: template } = parts(doc);
  root.adoptedStyleSheets = [sheet];
  const button = template.cloneNode(true) as HTMLButtonElement;
  root.append(button);
  const label = button.firstChild as Text;

  // Undo and the status line, made on first use: most controls never need them.
  let aside: { undo: HTMLButtonElement; error: HTMLSpanElement } | undefined;
  const asideOf = () => {
    if (!aside) {
      const box = doc.createElement('span');
      box.className = 'aside';
      const undo = doc.createElement('button');
      undo.type = 'button';
      undo.className = 'undo';
      undo.hidden = true;
      undo.textContent = 'Undo';
      undo.setAttribute('aria-label', `Undo removing ${entry.id} from PaperShelf`);
      onPersonClick(undo, () => actions.undo(control));
      const error = doc.createElement('span');
      error.className = 'error';
      error.setAttribute('role', 'status');
      box.append(undo, error);
      root.append(box);
      aside = { undo, error };
    }
    return aside;
  };

  let shown: boolean | undefined;
  const control: SaveControl = {
    host,
    entry,
    setSaved(saved) {
      if (saved && aside) aside.undo.hidden = true;
      // A page-wide state answer touches every control; leaving unchanged ones alone spares a restyle of each.
      if (shown === saved) return;
      shown = saved;
      button.setAttribute('aria-pressed', String(saved));
      label.data = saved ? 'Saved' : 'Save';
    },
    setBusy(busy) {
      button.setAttribute('aria-busy', String(busy));
    },
    showError(message) {
      if (message === null && !aside) return;
      asideOf().error.textContent = message ?? '';
    },
    offerUndo(offered) {
      if (!offered && !aside) return;
      asideOf().undo.hidden = !offered;
    },
    setInZotero(inZotero) {
      button.classList.toggle('in-zotero', inZotero);
      if (inZotero) button.setAttribute('aria-description', 'in Zotero');
      else button.removeAttribute('aria-description');
      button.title = inZotero ? 'Save to PaperShelf · in your Zotero library' : 'Save to PaperShelf';
    },
    retire(message) {
      button.disabled = true;
      button.removeAttribute('aria-busy');
      const { undo, error } = asideOf();
      undo.hidden = true;
      error.textContent = message;
    },
  };
  control.setSaved(saved);
  onPersonClick(button, () => actions.toggle(control));
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
