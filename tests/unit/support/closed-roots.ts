/**
 * The closed shadow roots PaperShelf's listing controls attach (issue #10), kept for the unit tests: jsdom
 * has no accessibility tree to read them through, as the end-to-end tests do. Importing this records every
 * root attached from then on; the code under test is unchanged.
 */
const roots = new WeakMap<Element, ShadowRoot>();
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
  const root = attach.call(this, init);
  roots.set(this, root);
  return root;
};

export function shadowOf(host: Element): ShadowRoot {
  const root = roots.get(host);
  if (!root) throw new Error('no shadow root recorded for this element');
  return root;
}

/** The control's main button. */
export const buttonOf = (host: Element) => shadowOf(host).querySelector('button')!;

/** The button's name as a screen reader reads it (its text), checked against its pressed state. */
export const nameOf = (button: Element) => {
  const name = button.textContent!.trim();
  if ((name === 'Saved') !== (button.getAttribute('aria-pressed') === 'true'))
    throw new Error(`"${name}" with aria-pressed=${button.getAttribute('aria-pressed')}`);
  return name;
};
