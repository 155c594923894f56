// Broadsheet's service worker: offline reading (README, "Offline reading"). Registered by
// public/offline.js after the page has loaded, never on a partner's embed. Plain script, no
// library: what it does is small enough to read here.
//
// Caches (Cache Storage, on the device only):
// - `broadsheet-app-<version>`: this deploy's files, precached at install from the list the build
//   writes below (scripts/external-boot-script.mjs). A deploy has its own cache, removed when the
//   next one takes over, so a page never runs one deploy's script with another's wasm.
// - `broadsheet-pages`: pages and JSON as last loaded (network first).
// - `broadsheet-images`: images (cache first), at most IMAGE_CAP of them, the oldest evicted.
// - `broadsheet-saved`: the stories a reader saved for later, with their images; never evicted.
// Requests to other origins and everything an embed asks for go to the network untouched.

// The build replaces this line with this deploy's version and files; as written, it is a
// development build's, which precaches nothing.
const BUILD = { version: 'dev', files: [] };

const APP_CACHE = `broadsheet-app-${BUILD.version}`;
const PAGES_CACHE = 'broadsheet-pages';
const IMAGES_CACHE = 'broadsheet-images';
const SAVED_CACHE = 'broadsheet-saved';
/** Images kept for offline reading outside saved stories: about 10 MB at the sample's sizes. */
const IMAGE_CAP = 100;
/** How long a page or JSON may take before the copy on the device is shown instead. */
const NETWORK_TIMEOUT_MS = 3000;
/** Written by the pre-render, as is the Saved page; the answer for a page the device does not have. */
const OFFLINE_PAGE = '/offline.html';
/** Files every page loads that are not named by hash; the deploy's copies go with its cache. */
const SHELL_FILES = ['/theme.js', '/offline.js', '/manifest.json'];
const OPTIONAL_FILES = [OFFLINE_PAGE, '/saved', '/app-shell.html'];
// A file named by content hash, at the top level: Trunk's hash is up to 16 hex digits (it writes
// the number without its leading zeros). Its name without the hash is `$1$2`.
const HASHED = /^(\/[^/]+)-[0-9a-f]{1,16}((?:_bg)?\.(?:js|wasm|css|svg))$/;
// Stored copies are matched by address: the encoding they were sent in does not matter.
const MATCH = { ignoreVary: true };

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(APP_CACHE).then(async (cache) => {
      await cache.addAll([...BUILD.files, ...SHELL_FILES]);
      // Without a pre-render there is no offline page: offline, the browser's error then.
      await Promise.all(OPTIONAL_FILES.map((file) => cache.add(file).catch(() => {})));
    }),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('broadsheet-app-') && name !== APP_CACHE) await caches.delete(name);
      }
      // The page that registered the worker is read offline too, from its first visit.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  const message = event.data ?? {};
  if (message.type === 'skip-waiting') self.skipWaiting();
  else if (message.type === 'keep') event.waitUntil(keep(message.pages, message.images));
  else if (message.type === 'save') event.waitUntil(save(message.urls));
  else if (message.type === 'forget') event.waitUntil(forget(message.urls));
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/embed/')) return;
  if (request.mode === 'navigate') {
    event.respondWith(page(event));
    return;
  }
  event.respondWith(
    fromEmbed(event).then((embed) => {
      if (embed) return fetch(request);
      if (HASHED.test(url.pathname) || SHELL_FILES.includes(url.pathname)) return appFile(request);
      if (request.destination === 'image') return image(request);
      return networkFirst(event, PAGES_CACHE);
    }),
  );
});

/** Whether the request comes from a partner's embed, whose reader we store nothing for. */
async function fromEmbed(event) {
  const client = event.clientId ? await self.clients.get(event.clientId) : null;
  return Boolean(client && new URL(client.url).pathname.startsWith('/embed/'));
}

/** A page: the network's, else the copy on the device, else the offline page. */
async function page(event) {
  try {
    return await networkFirst(event, PAGES_CACHE);
  } catch {
    return (await caches.match(OFFLINE_PAGE, MATCH)) ?? Response.error();
  }
}

/**
 * The network's answer, stored for next time; the stored copy if the network fails or takes
 * longer than NETWORK_TIMEOUT_MS (the network's answer, when it comes, is still stored).
 * Rejects when there is neither.
 */
function networkFirst(event, cacheName) {
  const { request } = event;
  const fromNetwork = fetch(request).then(async (response) => {
    if (response.ok && !response.redirected) {
      const copy = response.clone();
      await (await caches.open(cacheName)).put(request, copy);
    }
    return response;
  });
  event.waitUntil(fromNetwork.catch(() => {}));
  // Any cache: a saved story's page is in the saved cache.
  const stored = () => caches.match(request, MATCH);
  return new Promise((resolve, reject) => {
    let settled = false;
    const fallBack = async (error) => {
      const copy = await stored();
      if (copy) {
        settled = true;
        resolve(copy);
      } else if (error) {
        reject(error);
      }
    };
    const timer = setTimeout(() => fallBack(null), NETWORK_TIMEOUT_MS);
    fromNetwork.then(
      (response) => {
        clearTimeout(timer);
        if (!settled) resolve(response);
      },
      (error) => {
        clearTimeout(timer);
        if (!settled) fallBack(error);
      },
    );
  });
}

/**
 * One of a deploy's files: this deploy's copy. A page stored under an earlier deploy names that
 * deploy's files, gone with its cache: offline it gets this deploy's file of the same kind
 * (`main-<hash>.css` for `main-<old hash>.css`), so its boot script starts a whole app, one
 * deploy's script with the same deploy's wasm.
 */
async function appFile(request) {
  const cache = await caches.open(APP_CACHE);
  const copy = await cache.match(request, MATCH);
  if (copy) return copy;
  try {
    return await fetch(request);
  } catch (error) {
    const kind = new URL(request.url).pathname.replace(HASHED, '$1$2');
    const current = BUILD.files.find((file) => file.replace(HASHED, '$1$2') === kind);
    const standIn = current && (await cache.match(current, MATCH));
    if (standIn) return standIn;
    throw error;
  }
}

/** An image: the device's copy if there is one (saved or not), else the network's, kept. */
async function image(request) {
  const copy = await caches.match(request, MATCH);
  if (copy) return copy;
  const response = await fetch(request);
  if (response.ok) await keepImage(request, response.clone());
  return response;
}

/** Stores an image, then evicts the oldest beyond IMAGE_CAP (a cache lists in insertion order). */
async function keepImage(request, response) {
  const cache = await caches.open(IMAGES_CACHE);
  await cache.put(request, response);
  const stored = await cache.keys();
  for (const old of stored.slice(0, Math.max(0, stored.length - IMAGE_CAP))) await cache.delete(old);
}

/** Stores what a page loaded before the worker ran: the page and its data, and its images. */
async function keep(pages = [], images = []) {
  const pagesCache = await caches.open(PAGES_CACHE);
  await Promise.all(
    pages.filter(sameOrigin).map(async (url) => {
      const response = await fetch(url).catch(() => null);
      if (response?.ok && !response.redirected) await pagesCache.put(url, response);
    }),
  );
  for (const url of images.filter(sameOrigin)) {
    if (await caches.match(url, MATCH)) continue;
    const response = await fetch(url).catch(() => null);
    if (response?.ok) await keepImage(new Request(url), response);
  }
}

/** Saves a story for later: its page, its data and its images, outside every eviction. */
async function save(urls = []) {
  const cache = await caches.open(SAVED_CACHE);
  await Promise.all(
    urls.filter(sameOrigin).map(async (url) => {
      const response = (await fetch(url).catch(() => null)) ?? (await caches.match(url, MATCH));
      if (response?.ok) await cache.put(url, response);
    }),
  );
}

/** Removes a saved story's copies. */
async function forget(urls = []) {
  const cache = await caches.open(SAVED_CACHE);
  await Promise.all(urls.map((url) => cache.delete(url, MATCH)));
}

function sameOrigin(url) {
  try {
    return new URL(url, self.location.href).origin === self.location.origin;
  } catch {
    return false;
  }
}
