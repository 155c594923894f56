// The service worker's cache rules (public/sw.js), run in a VM with stand-ins for Cache Storage,
// fetch and the worker's global: images cache first and capped, the oldest evicted; what a
// partner's embed asks for never stored; a deploy's own cache, the earlier deploy's removed.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import vm from 'node:vm';

const SOURCE = await readFile(new URL('../../public/sw.js', import.meta.url), 'utf8');
const IMAGE_CAP = Number(/const IMAGE_CAP = (\d+);/.exec(SOURCE)[1]);
const ORIGIN = 'https://news.example';

/** A Cache: entries in insertion order, as the Cache Storage spec keeps them. */
class FakeCache {
  entries = new Map();
  key = (request) => new URL(typeof request === 'string' ? request : request.url, ORIGIN).href;
  async match(request) {
    return this.entries.get(this.key(request))?.clone();
  }
  async put(request, response) {
    this.entries.delete(this.key(request));
    this.entries.set(this.key(request), response);
  }
  async add(url) {
    await this.put(url, new Response(url));
  }
  async addAll(urls) {
    for (const url of urls) await this.add(url);
  }
  async keys() {
    return [...this.entries.keys()].map((url) => new Request(url));
  }
  async delete(request) {
    return this.entries.delete(this.key(request));
  }
}

/**
 * The worker loaded fresh, with its own caches; `fetched` lists every URL it asked the network
 * for. `files` are its deploy's own files, as the release build writes them into it; the
 * network fails while `network.offline` is set.
 */
function loadWorker({ clients = {}, files = [] } = {}) {
  const stores = new Map();
  const caches = {
    async open(name) {
      if (!stores.has(name)) stores.set(name, new FakeCache());
      return stores.get(name);
    },
    async keys() {
      return [...stores.keys()];
    },
    async delete(name) {
      return stores.delete(name);
    },
    async match(request) {
      for (const cache of stores.values()) {
        const found = await cache.match(request);
        if (found) return found;
      }
      return undefined;
    },
  };
  const handlers = {};
  const fetched = [];
  const network = { offline: false };
  const self = {
    location: new URL(`${ORIGIN}/sw.js`),
    addEventListener: (type, handler) => (handlers[type] = handler),
    clients: { get: async (id) => clients[id] ?? null, claim: async () => {} },
    skipWaiting: () => {},
  };
  const context = vm.createContext({
    self,
    caches,
    fetch: async (request) => {
      const url = typeof request === 'string' ? request : request.url;
      fetched.push(url);
      if (network.offline) throw new TypeError('Failed to fetch');
      return new Response(`bytes of ${url}`, { status: 200 });
    },
    Request,
    Response,
    URL,
    setTimeout,
    clearTimeout,
    console,
  });
  const build = `const BUILD = { version: 'dev', files: ${JSON.stringify(files)} };`;
  assert.ok(SOURCE.includes("const BUILD = { version: 'dev', files: [] };"), 'the line the build fills in');
  vm.runInContext(SOURCE.replace("const BUILD = { version: 'dev', files: [] };", build), context);

  /** Dispatches an event to the worker and waits for everything it asked to wait for. */
  async function dispatch(type, fields = {}) {
    const pending = [];
    let answer;
    handlers[type]({
      ...fields,
      respondWith: (promise) => (answer = promise),
      waitUntil: (promise) => pending.push(promise),
    });
    const response = await answer;
    await Promise.all(pending);
    return response;
  }
  const getImage = (url, clientId = '') =>
    dispatch('fetch', { request: { url: `${ORIGIN}${url}`, method: 'GET', mode: 'no-cors', destination: 'image' }, clientId });
  const getFile = (url) =>
    dispatch('fetch', { request: { url: `${ORIGIN}${url}`, method: 'GET', mode: 'cors', destination: 'script' }, clientId: '' });
  return { stores, fetched, network, dispatch, getImage, getFile };
}

describe('the service worker', () => {
  it(`keeps at most ${IMAGE_CAP} images, evicting the oldest first`, async () => {
    const worker = loadWorker();
    const extra = 3;
    for (let i = 0; i < IMAGE_CAP + extra; i++) await worker.getImage(`/images/${i}.jpg`);
    const kept = [...worker.stores.get('broadsheet-images').entries.keys()];
    assert.equal(kept.length, IMAGE_CAP);
    assert.deepEqual(kept.slice(0, 2), [`${ORIGIN}/images/${extra}.jpg`, `${ORIGIN}/images/${extra + 1}.jpg`], 'the oldest went first');
    assert.equal(kept.at(-1), `${ORIGIN}/images/${IMAGE_CAP + extra - 1}.jpg`, 'the newest is kept');
  });

  it('answers an image from the device before the network', async () => {
    const worker = loadWorker();
    await worker.getImage('/images/hero.jpg');
    const again = await worker.getImage('/images/hero.jpg');
    assert.equal(await again.text(), `bytes of ${ORIGIN}/images/hero.jpg`);
    assert.deepEqual(worker.fetched, [`${ORIGIN}/images/hero.jpg`], 'asked the network once');
  });

  it('takes a picture whose name ends in its width for a picture, not for a build file', async () => {
    const worker = loadWorker();
    await worker.getImage('/images/vienna-skyline-1280.jpg');
    const kept = [...(worker.stores.get('broadsheet-images')?.entries.keys() ?? [])];
    assert.deepEqual(kept, [`${ORIGIN}/images/vienna-skyline-1280.jpg`]);
  });

  // Trunk writes its hash as a number, without leading zeros: one build in sixteen has 15 digits.
  it("offline, answers another deploy's build file with this deploy's, however many digits their hashes have", async () => {
    const files = ['/broadsheet-0a1b2c3d4e5f6a7_bg.wasm', '/broadsheet-0a1b2c3d4e5f6a7.js', '/main-1234567890abcdef.css'];
    const worker = loadWorker({ files });
    await worker.dispatch('install');
    worker.network.offline = true;
    const wasm = await worker.getFile('/broadsheet-fedcba9876543210_bg.wasm');
    assert.equal(await wasm.text(), files[0], "the copy this deploy precached");
    const glue = await worker.getFile('/broadsheet-fedcba987654321.js');
    assert.equal(await glue.text(), files[1], "the copy this deploy precached");
  });

  it("stores nothing a partner's embed asks for", async () => {
    const worker = loadWorker({ clients: { embed: { url: `${ORIGIN}/embed/feed?limit=3` } } });
    const response = await worker.getImage('/images/hero.jpg', 'embed');
    assert.equal(response.status, 200, 'the embed still gets its image');
    assert.deepEqual([...worker.stores.keys()], []);
  });

  it("precaches its deploy's files in a cache of its own and removes the earlier deploy's", async () => {
    const worker = loadWorker();
    worker.stores.set('broadsheet-app-0123456789abcdef', new FakeCache());
    await worker.dispatch('install');
    await worker.dispatch('activate');
    assert.deepEqual([...worker.stores.keys()], ['broadsheet-app-dev']);
    assert.ok((await worker.stores.get('broadsheet-app-dev').keys()).length > 0);
  });
});
