// PaperShelf's controls live in closed shadow roots (issue #10): page script, and so Playwright's locators,
// see only the host element. Tests read them as a screen reader does, through the DevTools protocol's
// Accessibility domain, and press them as a person does: a mouse click at their place on the screen.

/** @type {import('@playwright/test').Page | undefined} */
let front;

/** @type {WeakMap<import('@playwright/test').Page, Promise<import('@playwright/test').CDPSession>>} */
const sessions = new WeakMap();

function sessionOf(page) {
  let session = sessions.get(page);
  if (!session) {
    // Enabled once, the page keeps its accessibility tree up to date instead of building it for each query.
    session = page
      .context()
      .newCDPSession(page)
      .then(async (cdp) => {
        await cdp.send('Accessibility.enable');
        return cdp;
      });
    sessions.set(page, session);
  }
  return session;
}

/**
 * @typedef {{ name: string, pressed: boolean, disabled: boolean, status: string, undo: { name: string, box: Box } | null, inZotero: boolean, box: Box }} ControlState
 * @typedef {{ x: number, y: number, width: number, height: number }} Box
 */

/**
 * What assistive technology reads of the `nth` control of `id`: its button's name ("Save" / "Saved"),
 * pressed and disabled state, its status text, the Undo beside it if shown, and whether it says the paper is
 * in Zotero (issue #13); null when there is none.
 * @returns {Promise<ControlState | null>}
 */
export async function readControl(page, id, nth = 0) {
  const selector = JSON.stringify(`[data-papershelf-id="${id}"]`);
  return queryTree(page, `document.querySelectorAll(${selector})[${nth}] ?? null`, {}, async (nodes, cdp) => {
    const shown = nodes.filter((node) => !node.ignored);
    const property = (node, name) => node.properties?.find((p) => p.name === name)?.value?.value;
    const buttons = shown.filter((node) => node.role?.value === 'button');
    const save = buttons.find((node) => SAVE_NAME.test(node.name?.value ?? ''));
    if (!save) return null;
    const undo = buttons.find((node) => (node.name?.value ?? '').startsWith('Undo'));
    const status = shown.find((node) => node.role?.value === 'status');
    const statusText = shown
      .filter((node) => node.role?.value === 'StaticText' && status && node.parentId === status.nodeId)
      .map((node) => node.name?.value ?? '')
      .join('');
    return {
      name: save.name.value,
      pressed: ['true', true].includes(property(save, 'pressed')),
      disabled: property(save, 'disabled') === true,
      status: statusText,
      undo: undo ? { name: undo.name.value, box: await boxOf(cdp, undo.backendDOMNodeId) } : null,
      inZotero: save.description?.value === 'in Zotero',
      box: await boxOf(cdp, save.backendDOMNodeId),
    };
  });
}

/**
 * The names of every control's button on the page, in page order ("Save" / "Saved"), in one query.
 * @returns {Promise<string[]>}
 */
export async function readNames(page) {
  const names = await queryTree(page, 'document.body', { role: 'button' }, async (nodes) =>
    nodes.map((node) => node.name?.value ?? '').filter((name) => SAVE_NAME.test(name)),
  );
  return names ?? [];
}

/** A control's main button is named for its state. */
const SAVE_NAME = /^Saved?$/;

/**
 * The accessibility subtree of the element `expression` evaluates to (filtered by `query`, as
 * `Accessibility.queryAXTree` takes it), handed to `read`; null when the expression finds no element.
 */
async function queryTree(page, expression, query, read) {
  const cdp = await inFront(page);
  const { result } = await cdp.send('Runtime.evaluate', { expression });
  if (!result.objectId) return null;
  try {
    const { nodes } = await cdp.send('Accessibility.queryAXTree', { objectId: result.objectId, ...query });
    return await read(nodes, cdp);
  } finally {
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
  }
}

/**
 * The page's session, with the page in front. Chromium draws a tab that is not in front about once a
 * second, and the tree waits for a frame: read it in front, as a person would (a second a read otherwise).
 */
async function inFront(page) {
  const cdp = await sessionOf(page);
  if (front !== page) {
    await page.bringToFront();
    front = page;
  }
  return cdp;
}

async function boxOf(cdp, backendNodeId) {
  const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId });
  const [x1, y1, x2, , , y3] = model.border;
  return { x: x1, y: y1, width: x2 - x1, height: y3 - y1 };
}

/** A person's click at the centre of a box (page coordinates of the viewport). */
export async function clickBox(page, box) {
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}
