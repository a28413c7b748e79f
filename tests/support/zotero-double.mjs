/**
 * A protocol double of the Zotero desktop app's local server (issue #13): its connector endpoints
 * (`/connector/ping`, `/connector/saveItems`) and its local API (`/api/users/0/items[/top]`), written from
 * Zotero's source (zotero/zotero `xpcom/server/server.js`, `server_connector.js`, `server_localAPI.js`,
 * `xpcom/data/search.js`) and its item schema (zotero-schema.json beside this file).
 *
 * It checks every request in the order Zotero's server does (Host header, endpoint, method, the header a
 * browser's request must carry, content type, JSON), and each item more strictly than Zotero: a field the
 * schema does not give a preprint, an unknown item or creator type, a malformed tag, note or attachment is
 * refused with Zotero's 500 and written down in `problems` (Zotero itself would move an unknown field into
 * Extra; a test wants to know). It answers as Zotero answers, and records what it received.
 *
 * `answer(request)` is the whole protocol, pure; `listen()` serves it over HTTP on 127.0.0.1, and
 * `fetchFor()` hands it to unit tests as a `fetch`.
 */
import http from 'node:http';
import SCHEMA from './zotero-schema.json' with { type: 'json' };

const PREPRINT_FIELDS = new Set([...SCHEMA.preprint.fields, ...Object.keys(SCHEMA.preprint.baseFields)]);
/** Keys of an item in translator JSON that are not fields: Zotero takes them apart before `fromJSON`. */
const ITEM_KEYS = new Set(['itemType', 'id', 'creators', 'tags', 'notes', 'attachments', 'seeAlso']);
const ZOTERO_VERSION = '7.0.15';
const BASE_HEADERS = { 'X-Zotero-Version': ZOTERO_VERSION, 'X-Zotero-Connector-API-Version': '3' };
const LOCAL_API_HEADERS = { 'Zotero-API-Version': '3' };
const QMODES = new Set(['titleCreatorYear', 'titleCreatorYearNote', 'fields', 'everything']);

/**
 * @typedef {{ method: string, path: string, headers: Record<string, string>, body: string }} DoubleRequest
 * @typedef {{ status: number, headers: Record<string, string>, body: string, delayMs?: number } | { drop: true }} DoubleAnswer
 * @typedef {'html' | 'huge' | 'redirect' | 'slow' | 'not-zotero' | 'malformed-json'} Hostility
 */

const text = (status, body, headers = {}) => ({ status, headers: { ...BASE_HEADERS, 'Content-Type': 'text/plain', ...headers }, body });
const json = (status, value, headers = {}) => ({
  status,
  headers: { ...BASE_HEADERS, 'Content-Type': 'application/json', ...headers },
  body: value === undefined ? '' : JSON.stringify(value, null, 4),
});
/** Zotero's answer to an exception inside an endpoint: 500, no body, no type (server.js passes its text to the wrong call). */
const failure = () => ({ status: 500, headers: { ...BASE_HEADERS }, body: '' });

export function createZoteroDouble() {
  const initial = () => ({
    /** Whether Zotero runs: when not, nothing answers (a connection refused). */
    running: true,
    /** `current`: Zotero 7; `old`: a Zotero without these endpoints (every one 404s). */
    version: 'current',
    /** The user's opt-in in Zotero's settings. */
    localApi: true,
    /** Zotero's save failing (500), as it does when a save throws. */
    busy: false,
    /** Saving, but answering a minute late (past any client's patience). */
    slowSave: false,
    /** Failing only the n-th save from now (1 = the next), for a partial success. */
    failSaveNumber: 0,
    /** @type {Hostility | undefined} What answers instead of Zotero. */
    hostile: undefined,
    /** Every request, as received. */
    /** @type {DoubleRequest[]} */
    requests: [],
    /** Items of accepted saves, in order. */
    /** @type {Record<string, unknown>[]} */
    received: [],
    /** Why requests were refused. */
    /** @type {string[]} */
    problems: [],
    /** Zotero's library, as the local API shows it. */
    /** @type {{ key: string, data: Record<string, unknown> }[]} */
    library: [],
    sessions: new Set(),
  });
  const state = initial();

  /** @param {DoubleRequest} request @returns {DoubleAnswer} */
  function answer(request) {
    if (!state.running) return { drop: true };
    state.requests.push(request);
    if (state.hostile) return hostileAnswer(state.hostile);
    const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value]));
    if (!/^(?:127\.0\.0\.1|\[::1\]|localhost)(?::[0-9]+)?$/i.test(headers.host ?? ''))
      return refuse(text(400, 'Invalid Host header\n'), 'host');
    const url = new URL(request.path, 'http://127.0.0.1');
    const endpoint = endpointOf(url.pathname);
    if (!endpoint || state.version === 'old') return refuse(text(404, 'No endpoint found\n'), `no endpoint ${url.pathname}`);
    if (request.method === 'HEAD' || request.method === 'OPTIONS')
      return { status: 200, headers: { ...BASE_HEADERS, 'Content-Length': '0' }, body: '' };
    if (request.method === 'POST' && !/^[0-9]+$/.test(headers['content-length'] ?? ''))
      return refuse(text(400, 'Content-length not provided\n'), 'length');
    if (!endpoint.methods.includes(request.method))
      return refuse(text(400, 'Endpoint does not support method\n'), `method ${request.method}`);
    const fromBrowser = (headers['user-agent'] ?? '').startsWith('Mozilla/') || 'origin' in headers;
    if (fromBrowser && !headers['x-zotero-connector-api-version'] && !headers['zotero-allowed-request']) {
      state.problems.push('a browser request without X-Zotero-Connector-API-Version or Zotero-Allowed-Request');
      return { drop: true };
    }
    let data = null;
    if (request.method === 'POST' && headers['content-type']) {
      const type = headers['content-type'].split(';')[0].trim();
      if (!endpoint.types.includes(type)) return refuse(text(400, 'Endpoint does not support content-type\n'), `content type ${type}`);
      try {
        data = type === 'application/json' ? JSON.parse(request.body) : request.body;
      } catch {
        return refuse(text(400, 'Invalid JSON provided\n'), 'JSON');
      }
    }
    return endpoint.run({ request, headers, url, data });
  }

  function refuse(reply, why) {
    state.problems.push(why);
    return reply;
  }

  function endpointOf(path) {
    if (path === '/connector/ping') return { methods: ['GET', 'POST'], types: ['application/json', 'text/plain'], run: ping };
    if (path === '/connector/saveItems') return { methods: ['POST'], types: ['application/json'], run: saveItems };
    const items = /^\/api\/users\/([^/]+)\/items(\/top)?$/.exec(path);
    if (items) return { methods: ['GET'], types: [], run: (call) => searchItems(call, items[1]) };
    return undefined;
  }

  function ping({ request }) {
    if (request.method === 'GET')
      return {
        status: 200,
        headers: { ...BASE_HEADERS, 'Content-Type': 'text/html' },
        body: '<!DOCTYPE html><html><body>Zotero is running</body></html>',
      };
    return json(200, {
      prefs: {
        automaticSnapshots: true,
        downloadAssociatedFiles: true,
        supportsAttachmentUpload: true,
        translatorsHash: 'x',
        sortedTranslatorHash: 'y',
      },
    });
  }

  function saveItems({ headers, data }) {
    const version = headers['x-zotero-connector-api-version'];
    if (version !== undefined && !(version >= 3)) return refuse(json(400, { error: 'CONNECTOR_VERSION_OUTDATED' }), 'connector version');
    if (data === null || typeof data !== 'object') return refuse(failure(), 'no JSON body');
    const sessionID = data.sessionID ?? `session-${state.sessions.size}`;
    if (state.sessions.has(sessionID)) return refuse(json(409, { error: 'SESSION_EXISTS' }), `session ${sessionID} used before`);
    state.sessions.add(sessionID);
    if (state.failSaveNumber > 0 && --state.failSaveNumber === 0) return refuse(failure(), 'save failed as asked (partial success)');
    if (state.busy) return refuse(failure(), 'busy');
    if (!Array.isArray(data.items)) return refuse(failure(), 'items is not an array');
    const problems = data.items.flatMap(itemProblems);
    if (problems.length > 0) return refuse(failure(), problems.join('; '));
    for (const item of data.items) {
      state.received.push(item);
      const { id: _connectorKey, creators, tags, notes: _notes, attachments: _attachments, ...fields } = item;
      const key = `K${String(state.library.length + 1).padStart(7, '0')}`;
      state.library.push({
        key,
        data: { key, itemType: item.itemType, ...fields, creators, tags: tags.map((tag) => (typeof tag === 'string' ? { tag } : tag)) },
      });
    }
    return state.slowSave ? { ...json(201, undefined), delayMs: 60_000 } : json(201, undefined);
  }

  // `/items` and `/items/top` answer alike: the double's library holds top-level items only (no notes, no attachments).
  function searchItems({ headers, url }, userID) {
    const apiHeaders = { ...LOCAL_API_HEADERS };
    if (!state.localApi) return text(403, 'Local API is not enabled', apiHeaders);
    if (headers['zotero-api-version'] && headers['zotero-api-version'] !== '3')
      return text(501, `API version not implemented: ${headers['zotero-api-version']}`, apiHeaders);
    if (userID !== '0') return text(400, 'Only data for the logged-in user is available locally -- use userID 0', apiHeaders);
    const format = url.searchParams.get('format') ?? 'json';
    if (format !== 'json') return refuse(text(400, `Invalid 'format' value '${format}'`, apiHeaders), `format ${format}`);
    const qmode = url.searchParams.get('qmode') ?? 'titleCreatorYear';
    if (!QMODES.has(qmode)) return refuse(failure(), `qmode ${qmode}`);
    const q = (url.searchParams.get('q') ?? '').toLowerCase();
    const words = q.split(/\s+/).filter(Boolean);
    // `titleCreatorYear` searches no DOI, archive id or URL (xpcom/data/search.js); `fields` searches every field and tag.
    const searched = (item) =>
      qmode === 'titleCreatorYear' || qmode === 'titleCreatorYearNote'
        ? [item.data.title ?? '', ...(item.data.creators ?? []).map((creator) => `${creator.firstName} ${creator.lastName}`)]
        : [...Object.values(item.data).filter((value) => typeof value === 'string'), ...(item.data.tags ?? []).map((tag) => tag.tag)];
    const matches = state.library.filter((item) =>
      words.every((word) => searched(item).some((value) => value.toLowerCase().includes(word))),
    );
    const limit = Number(url.searchParams.get('limit')) || matches.length;
    const page = matches
      .slice(0, limit)
      .map((item) => ({ key: item.key, version: 1, library: { type: 'user', id: 0, name: 'My Library' }, data: item.data }));
    return json(200, page, { ...apiHeaders, 'Total-Results': String(matches.length) });
  }

  /** What the schema gives a preprint, and the shapes of creators, tags, notes and link attachments. */
  function itemProblems(item, index) {
    const at = `items[${index}]`;
    if (typeof item !== 'object' || item === null) return [`${at} is not an object`];
    const problems = [];
    if (!SCHEMA.itemTypes.includes(item.itemType)) problems.push(`${at}.itemType ${item.itemType} is not a Zotero item type`);
    if (item.itemType !== 'preprint') problems.push(`${at}.itemType ${item.itemType}: the double checks preprints only`);
    for (const [key, value] of Object.entries(item)) {
      if (ITEM_KEYS.has(key)) continue;
      if (!PREPRINT_FIELDS.has(key)) problems.push(`${at}.${key} is not a field of a preprint`);
      else if (typeof value !== 'string') problems.push(`${at}.${key} is not a string`);
    }
    if (typeof item.title !== 'string' || !item.title) problems.push(`${at} has no title`);
    for (const creator of item.creators ?? []) {
      if (!SCHEMA.preprint.creatorTypes.includes(creator.creatorType)) problems.push(`${at} creator type ${creator.creatorType}`);
      if (!('lastName' in creator) && !('name' in creator)) problems.push(`${at} a creator without a name`);
    }
    if (!Array.isArray(item.tags ?? [])) problems.push(`${at}.tags is not an array`);
    for (const tag of item.tags ?? [])
      if (typeof tag !== 'string' && typeof tag?.tag !== 'string') problems.push(`${at} a tag that is not a tag`);
    for (const note of item.notes ?? [])
      if (typeof note !== 'string' && typeof note?.note !== 'string') problems.push(`${at} a note that is not a note`);
    for (const attachment of item.attachments ?? []) {
      if (typeof attachment?.url !== 'string' || !/^https?:\/\//.test(attachment.url))
        problems.push(`${at} an attachment without an http(s) URL`);
    }
    return problems;
  }

  return {
    state,
    answer,
    /** Zotero as it was made: running, current, the local API on, nothing received. */
    reset() {
      Object.assign(state, initial());
    },
    /**
     * Answers one Node HTTP request (its URL a path, or the absolute URL a proxy is asked for): a dropped
     * connection is the socket destroyed, as Zotero's server does.
     */
    serve(req, res) {
      const chunks = [];
      req.on('data', (chunk) => chunks.push(chunk));
      req.on('end', () => {
        const { pathname, search } = new URL(req.url ?? '/', 'http://127.0.0.1');
        const reply = answer({
          method: req.method ?? 'GET',
          path: `${pathname}${search}`,
          headers: flatHeaders(req.headers),
          body: Buffer.concat(chunks).toString('utf8'),
        });
        if ('drop' in reply) return void req.socket.destroy();
        const timer = setTimeout(() => {
          res.writeHead(reply.status, reply.headers);
          res.end(reply.body);
        }, reply.delayMs ?? 0);
        res.on('close', () => clearTimeout(timer));
      });
    },
    /** Serves the protocol on 127.0.0.1 (`port` 0: any free one); resolves with its origin. */
    async listen(port = 0) {
      const server = http.createServer((req, res) => this.serve(req, res));
      this.server = server;
      await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
      return `http://127.0.0.1:${server.address().port}`;
    },
    close() {
      this.server?.closeAllConnections();
      return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    },
    /** The protocol as a `fetch` (unit tests): a dropped connection rejects, as a browser's fetch does; a delay honours the signal. */
    fetchFor() {
      return async (url, init = {}) => {
        const { pathname, search, host } = new URL(url);
        const body = typeof init.body === 'string' ? init.body : '';
        const headers = { host, 'user-agent': 'Mozilla/5.0', ...Object.fromEntries(new Headers(init.headers).entries()) };
        if (init.method === 'POST') headers['content-length'] = String(Buffer.byteLength(body));
        const reply = answer({ method: init.method ?? 'GET', path: `${pathname}${search}`, headers, body });
        if ('drop' in reply) throw new TypeError('Failed to fetch');
        if (reply.delayMs) {
          await new Promise((resolve, reject) => {
            const timer = setTimeout(resolve, reply.delayMs);
            init.signal?.addEventListener('abort', () => (clearTimeout(timer), reject(init.signal.reason)));
          });
        }
        if (reply.status >= 300 && reply.status < 400 && init.redirect === 'manual') return Response.redirect('https://example.com/', 302);
        return new Response(reply.body || null, { status: reply.status, headers: reply.headers });
      };
    },
  };
}

function flatHeaders(headers) {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]),
  );
}

/** Answers that are not Zotero's, for the tests that PaperShelf reports them and changes nothing. */
function hostileAnswer(hostility) {
  switch (hostility) {
    case 'html':
      return {
        status: 200,
        headers: { 'Content-Type': 'text/html' },
        body: '<!DOCTYPE html><html><body><script>alert(1)</script>Not Zotero</body></html>',
      };
    case 'not-zotero':
      return { status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"prefs":{}}' };
    case 'malformed-json':
      return { status: 200, headers: { ...BASE_HEADERS, 'Content-Type': 'application/json' }, body: '{"prefs": [' };
    case 'huge':
      return {
        status: 200,
        headers: { ...BASE_HEADERS, 'Content-Type': 'application/json' },
        body: `{"prefs":{"x":"${'x'.repeat(3_000_000)}"}}`,
      };
    case 'redirect':
      return { status: 302, headers: { ...BASE_HEADERS, Location: 'https://evil.example/steal' }, body: '' };
    case 'slow':
      return { ...json(200, { prefs: {} }), delayMs: 60_000 };
  }
  throw new Error(`unknown hostility ${hostility}`);
}
