/* global self, caches, indexedDB */
/**
 * The village agent app's service worker (代办员工作台离线, issue 8 §4). Hand-written and copied as it is into the
 * build (web/public), so it never counts toward the page's 300 KB of JavaScript and needs no build step.
 *
 * Registered only from a secure context (HTTPS, or localhost while testing) by
 * web/src/agent/offline/register-worker.ts, with scope /agent: the console at /staff is never touched. It does
 * three things for the pages it controls:
 * 1. keeps the app shell (agent.html and the hashed files it names), so a reload with no signal shows the app;
 * 2. keeps the last answer of GET /api/auth/me, so that app opens signed in (the server still decides: the first
 *    call that reaches it with an expired session brings the sign-in form back);
 * 3. keeps a queue of registrations (POST /api/cases) the network did not carry, in IndexedDB, and sends each again
 *    with its own Idempotency-Key when the network is back: the server answers a key it has seen with the case it
 *    registered then, so sending twice never registers a villager twice. Only registrations are queued: they are
 *    what an agent takes down in a villager's home; every other action needs the case as the server has it now.
 * Background Sync is used where the browser has it; the page also asks for a replay when it opens and on every
 * `online` event, since many phones' browsers have no Background Sync.
 */

const SHELL = 'bianmin-agent-shell-v1';
const PAGE = '/agent';
const ME = '/api/auth/me';
const QUEUED = '/api/cases';
/** a navigation waits this long for the network before the kept shell is shown (a weak signal can hang for minutes) */
const NAVIGATION_WAIT_MS = 6000;

/** A proxy's "the server is not there" (nginx with the app stopped) is no answer from the server: as with no network. */
const unreachable = (status) => status === 502 || status === 503 || status === 504;

// ------------------------------------------------------------------------------------------------ the shell

/** The hashed scripts and styles a built page names (Vite writes them into the HTML as /assets/…). */
const assetsOf = (html) => [...new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]))];

/** Keeps this page and everything it names; drops the assets of older builds no page names any more. */
async function keepShell(response) {
  const html = await response.clone().text();
  const cache = await caches.open(SHELL);
  const wanted = assetsOf(html);
  const kept = await cache.keys();
  await Promise.all(wanted.map(async (path) => (await cache.match(path)) || cache.add(path)));
  await cache.put(PAGE, response);
  for (const request of kept) {
    const path = new URL(request.url).pathname;
    if (path.startsWith('/assets/') && !wanted.includes(path)) await cache.delete(request);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const response = await fetch(PAGE, { cache: 'no-cache', credentials: 'same-origin' });
      if (!response.ok) throw new Error(`代办员工作台页面 ${response.status}`);
      await keepShell(response);
      await (await caches.open(SHELL)).add('/favicon.svg').catch(() => undefined);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith('bianmin-agent-') && name !== SHELL) await caches.delete(name);
      await self.clients.claim();
      await flush();
    })(),
  );
});

/** The network's page when it answers in time, else the kept one; a late answer still refreshes what is kept. */
function navigate(event) {
  const network = fetch(event.request).then((response) => {
    if (response.ok) event.waitUntil(keepShell(response.clone()));
    return response;
  });
  const kept = () => caches.open(SHELL).then((cache) => cache.match(PAGE));
  const late = new Promise((resolve) => setTimeout(resolve, NAVIGATION_WAIT_MS)).then(kept);
  event.waitUntil(network.catch(() => undefined));
  return Promise.race([
    network.then(async (response) => (response.status >= 500 && (await kept())) || response),
    late.then((response) => response || network),
  ]).catch(async () => (await kept()) || Response.error());
}

/** Hashed files never change: the kept copy when there is one, else the network's (kept for next time). */
async function asset(request) {
  const cache = await caches.open(SHELL);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

/**
 * Who is signed in on this phone, as the server last said; forgotten when it says nobody is. The app asks when it
 * opens and after signing in: the moment to tell it what waits, and to send it.
 */
async function me(event) {
  const request = event.request;
  const cache = await caches.open(SHELL);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(ME, response.clone());
    else if (response.status === 401) await cache.delete(ME);
    return (unreachable(response.status) && (await cache.match(ME))) || response;
  } catch {
    return (await cache.match(ME)) || Response.error();
  } finally {
    // once the phone knows who is signed in now (only their own registrations go); offline it tells the page what waits
    event.waitUntil(flush());
  }
}

/** Who the server last said is signed in on this phone ({ id, name }), or null. */
async function signedIn() {
  const kept = await (await caches.open(SHELL)).match(ME);
  const user = kept ? (await kept.json().catch(() => ({}))).user : null;
  return user?.id ? { id: user.id, name: user.name ?? '' } : null;
}

// ------------------------------------------------------------------------------------------------ the queue

/** IndexedDB, one store of waiting registrations keyed by their Idempotency-Key. */
function store(mode, use) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('bianmin-agent', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('queue', { keyPath: 'key' });
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('queue', mode);
      const request = use(tx.objectStore('queue'));
      tx.oncomplete = () => (db.close(), resolve(request?.result));
      tx.onerror = () => (db.close(), reject(tx.error));
    };
  });
}
const all = () => store('readonly', (queue) => queue.getAll());
const put = (entry) => store('readwrite', (queue) => queue.put(entry));
const remove = (key) => store('readwrite', (queue) => queue.delete(key));

/** An entry is waiting until the server has answered: `caseNo` once it accepted, `problem` once it refused. */
const waiting = (entry) => !entry.problem && !entry.caseNo;
/** Only the agent who took the request sends it, under their own session: never another agent's on a shared phone. */
const mayBeSentBy = (entry, user) => user !== null && (entry.byId ?? user.id) === user.id;
const oldestFirst = (entries) => entries.sort((a, b) => a.at.localeCompare(b.at));

/** How long a line saying "uploaded" stays when the agent does not tap 知道了 */
const UPLOADED_SHOWN_MS = 24 * 3600 * 1000;

/**
 * What the page shows of each, in the agent's words (the page only lays it out, to stay small): the villager's
 * name, the item's code (the page knows its name), where it stands and what to do — never the ID number.
 */
function shown(entry, user) {
  const line = { key: entry.key, name: entry.name, itemCode: entry.itemCode };
  if (waiting(entry) && !mayBeSentBy(entry, user)) {
    return { ...line, tag: '待上传', tone: 'blue', note: `由${entry.byName || '另一位代办员'}暂存，须其本人登录后才能上传。` };
  }
  if (entry.problem) return { ...line, tag: '未被受理', tone: 'red', note: `${entry.problem}（这件申请没有登记，请按提示在“新请求”里重新登记。）` };
  if (entry.caseNo) return { ...line, tag: '已上传', tone: 'green', note: `已登记，办件编号 ${entry.caseNo}` };
  return { ...line, tag: '待上传', tone: 'blue', note: '已暂存在本机，联网后自动上传，不会重复登记。' };
}

/** Tells every open page of the app what waits, what went and what was refused (lines of uploads a day old go). */
async function tellQueue() {
  const entries = await all();
  const now = Date.now();
  for (const entry of entries) if (entry.caseNo && now - Date.parse(entry.doneAt) > UPLOADED_SHOWN_MS) await remove(entry.key);
  const user = await signedIn();
  const lines = oldestFirst(entries.filter((entry) => !entry.caseNo || now - Date.parse(entry.doneAt) <= UPLOADED_SHOWN_MS)).map((entry) => shown(entry, user));
  for (const client of await self.clients.matchAll({ type: 'window', includeUncontrolled: true })) client.postMessage(lines);
}


async function queue(event) {
  const request = event.request;
  const body = await request.clone().text();
  try {
    const response = await fetch(request);
    if (!unreachable(response.status)) return response;
  } catch {
    // no network: kept below
  }
  let parsed = {};
  try {
    parsed = JSON.parse(body);
  } catch {
    // the page always sends JSON; a name is only for showing
  }
  const key = request.headers.get('idempotency-key');
  // whose registration it is: only that agent's session sends it (a phone may be shared by the village's agents)
  const by = await signedIn();
  await put({ key, url: request.url, body, at: new Date().toISOString(), name: parsed.applicant?.name ?? '', itemCode: parsed.itemCode ?? '', byId: by?.id ?? null, byName: by?.name ?? '' });
  await self.registration.sync?.register('agent-queue').catch(() => undefined);
  event.waitUntil(tellQueue());
  return new Response(JSON.stringify({ queued: true, key }), { status: 202, headers: { 'content-type': 'application/json' } });
}

/** A refusal in the server's own words (problem+json title), or a plain one. */
async function refusal(response) {
  try {
    const problem = await response.json();
    if (typeof problem.title === 'string' && problem.title) return problem.title;
  } catch {
    // not JSON: the plain words below
  }
  return '服务器没有接受这件申请，请核对填写的内容后重新登记。';
}

let flushing = null;
/** asked again while a round was under way (the network came back while it was failing): one more round after it */
let again = false;

/**
 * Sends every waiting registration, oldest first, each with its own key; one at a time, and never two rounds at
 * once (the page, the network coming back and Background Sync may all ask together). The server's answer to each:
 * accepted (201, or 200 for a key it has already seen) — off the queue, the page says it went; refused (4xx) — kept with the server's
 * words for the agent to read and act on, never dropped unseen; no network, no session (401), the same key still
 * being written (409), too many requests (429) or a server error — the round stops and the rest waits for the next.
 */
function flush() {
  if (flushing) {
    again = true;
    return flushing;
  }
  flushing = round()
    .finally(() => {
      flushing = null;
    })
    .then(() => {
      if (!again) return undefined;
      again = false;
      return flush();
    });
  return flushing;
}

/** One round through the queue (see flush). */
async function round() {
  try {
    const user = await signedIn();
    for (const entry of oldestFirst(await all())) {
      if (!waiting(entry) || !mayBeSentBy(entry, user)) continue;
      let response;
      try {
        response = await fetch(entry.url, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'Idempotency-Key': entry.key },
          body: entry.body,
        });
      } catch {
        break;
      }
      if (response.ok) {
        // kept (without what was sent) only to say on the page that it went, and under which number
        const created = await response.json().catch(() => ({}));
        await put({ key: entry.key, name: entry.name, itemCode: entry.itemCode, at: entry.at, caseNo: created.caseNo ?? '—', doneAt: new Date().toISOString() });
      } else if ([401, 408, 409, 429].includes(response.status) || response.status >= 500) {
        break;
      } else {
        await put({ ...entry, problem: await refusal(response) });
      }
    }
  } finally {
    await tellQueue();
  }
}

/** Whether something the server has not refused still waits. */
const stillWaiting = async () => {
  const user = await signedIn();
  return (await all()).some((entry) => waiting(entry) && mayBeSentBy(entry, user));
};

// Background Sync (Chrome on Android): fired when the phone is online again, even with the app closed; failing
// while something still waits makes the browser try again later.
self.addEventListener('sync', (event) => {
  if (event.tag !== 'agent-queue') return;
  event.waitUntil(
    flush().then(async () => {
      if (await stillWaiting()) throw new Error('待上传的申请还没有送达');
    }),
  );
});

/**
 * A weak signal may never fire an `online` event: any request the app makes is a chance to send what waits (at
 * most one try every ten seconds, so a page busy with a failing server does not send the queue on every call).
 */
let lastTry = 0;
function nudge(event) {
  if (Date.now() - lastTry < 10_000) return;
  lastTry = Date.now();
  event.waitUntil(stillWaiting().then((waiting) => waiting && flush()));
}

self.addEventListener('message', (event) => {
  const message = event.data ?? {};
  if (message.type === 'flush') event.waitUntil(flush());
  // the agent has read the server's refusal, or seen that it went
  if (message.type === 'dismiss') event.waitUntil(remove(message.key).then(tellQueue));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    if (url.pathname === PAGE || url.pathname.startsWith(`${PAGE}/`)) event.respondWith(navigate(event));
  } else if (request.method === 'GET' && (url.pathname.startsWith('/assets/') || url.pathname === '/favicon.svg')) {
    event.respondWith(asset(request));
  } else if (request.method === 'GET' && url.pathname === ME) {
    event.respondWith(me(event));
  } else if (request.method === 'POST' && url.pathname === QUEUED && request.headers.has('idempotency-key')) {
    event.respondWith(queue(event));
  } else if (request.method === 'POST' && url.pathname === '/api/auth/logout') {
    // signed out: the next person on this phone must sign in (the queue stays: unsent villagers are never lost, and
    // wait for the agent who took them)
    event.waitUntil(caches.open(SHELL).then((cache) => cache.delete(ME)));
  } else if (request.method === 'GET' && url.pathname.startsWith('/api/')) {
    nudge(event);
  }
});
