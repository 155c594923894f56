// Unit tests of public/embed.js, the script partners paste: it runs here in a VM context with a
// small stand-in for the partner's document, so the tests can hand its message listener forged
// messages and look at what it did to the iframes. (tests/e2e/embed.test.mjs covers the same
// script in Chromium, across two real origins.)

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import vm from 'node:vm';

const SOURCE = readFileSync(new URL('../../public/embed.js', import.meta.url), 'utf8');
const BROADSHEET = 'https://news.broadsheet.test';
const PARTNER = 'https://partner.example';

class FakeElement {
  constructor(tag, attributes = {}) {
    this.nodeType = 1;
    this.tagName = tag.toUpperCase();
    this.attributes = new Map(Object.entries(attributes));
    this.children = [];
    this.style = {};
    this.isConnected = true;
    // Each iframe gets a window of its own, as in a browser.
    this.contentWindow = tag === 'iframe' ? { name: 'frame window' } : null;
  }
  getAttribute(name) {
    return this.attributes.has(name) ? this.attributes.get(name) : null;
  }
  hasAttribute(name) {
    return this.attributes.has(name);
  }
  setAttribute(name, value) {
    this.attributes.set(name, String(value));
  }
  get firstChild() {
    return this.children[0] ?? null;
  }
  removeChild(child) {
    this.children = this.children.filter((c) => c !== child);
  }
  appendChild(child) {
    this.children.push(child);
  }
  querySelectorAll(selector) {
    assert.equal(selector, '[data-broadsheet-embed]', 'the script looks only for its placeholders');
    const found = [];
    const walk = (element) => {
      for (const child of element.children) {
        if (child.hasAttribute('data-broadsheet-embed')) found.push(child);
        walk(child);
      }
    };
    walk(this);
    return found;
  }
}

/** A partner page with the given placeholders, and embed.js loaded from `scriptSrc`. */
function partnerPage(placeholders, { scriptSrc = `${BROADSHEET}/embed.js`, pageOrigin = PARTNER } = {}) {
  const body = new FakeElement('body');
  placeholders.forEach((p) => body.appendChild(p));
  const listeners = [];
  const observers = [];
  const warnings = [];
  const document = {
    nodeType: 9,
    currentScript: { src: scriptSrc },
    documentElement: body,
    createElement: (tag) => new FakeElement(tag),
    querySelectorAll: (selector) => body.querySelectorAll(selector),
  };
  const window = {
    addEventListener(type, listener) {
      if (type === 'message') listeners.push(listener);
    },
  };
  const context = vm.createContext({
    window,
    document,
    location: { href: `${pageOrigin}/news-page`, origin: pageOrigin },
    URL,
    console: { warn: (message) => warnings.push(message) },
    MutationObserver: class {
      constructor(callback) {
        this.callback = callback;
        observers.push(this);
      }
      observe() {}
    },
  });
  const run = () => vm.runInContext(SOURCE, context);
  run();
  return {
    body,
    listeners,
    warnings,
    run,
    frames: () => body.querySelectorAll('[data-broadsheet-embed]').flatMap((p) => p.children.filter((c) => c.tagName === 'IFRAME')),
    /** Delivers a message to every listener the script registered, as the browser would. */
    post(event) {
      listeners.forEach((listener) => listener(event));
    },
    /** Adds a placeholder later, as a partner's own script would, and tells the observers. */
    add(placeholder) {
      body.appendChild(placeholder);
      observers.forEach((o) => o.callback([{ addedNodes: [placeholder] }]));
    },
  };
}

function embedIdOf(frame) {
  return new URL(frame.getAttribute('src')).searchParams.get('embed_id');
}

function resize(frame, height, overrides = {}) {
  return {
    origin: BROADSHEET,
    source: frame.contentWindow,
    data: { type: 'broadsheet:resize', id: embedIdOf(frame), height },
    ...overrides,
  };
}

describe('embed.js', () => {
  it('turns each placeholder into a titled, lazy, sandboxed iframe of the embed route', () => {
    const feed = new FakeElement('div', {
      'data-broadsheet-embed': 'feed',
      'data-limit': '3',
      'data-section': 'World & Europe',
      'data-theme': 'dark',
      'data-accent': '#0b4f8a',
    });
    feed.appendChild(new FakeElement('a', { href: `${BROADSHEET}/` }));
    const story = new FakeElement('div', { 'data-broadsheet-embed': 'article', 'data-id': 'a/b?c' });
    const page = partnerPage([feed, story]);
    const [feedFrame, storyFrame] = page.frames();

    assert.equal(feed.children.length, 1, 'the fallback link gives way to the iframe');
    const feedSrc = new URL(feedFrame.getAttribute('src'));
    assert.equal(feedSrc.origin + feedSrc.pathname, `${BROADSHEET}/embed/feed`);
    assert.equal(feedSrc.searchParams.get('limit'), '3');
    assert.equal(feedSrc.searchParams.get('section'), 'World & Europe');
    assert.equal(feedSrc.searchParams.get('theme'), 'dark');
    assert.equal(feedSrc.searchParams.get('accent'), '#0b4f8a');
    assert.equal(new URL(storyFrame.getAttribute('src')).pathname, '/embed/news/a%2Fb%3Fc');

    for (const frame of [feedFrame, storyFrame]) {
      assert.ok(frame.getAttribute('title'), 'every iframe has a title');
      assert.equal(frame.getAttribute('loading'), 'lazy');
      const sandbox = frame.getAttribute('sandbox').split(' ').sort();
      assert.deepEqual(sandbox, ['allow-popups', 'allow-popups-to-escape-sandbox', 'allow-same-origin', 'allow-scripts']);
    }
    assert.notEqual(embedIdOf(feedFrame), embedIdOf(storyFrame), 'each embed has its own id');
  });

  it('sizes an iframe from its own resize message, clamped', () => {
    const page = partnerPage([new FakeElement('div', { 'data-broadsheet-embed': 'feed' })]);
    const [frame] = page.frames();
    page.post(resize(frame, 612.4));
    assert.equal(frame.style.height, '612px');
    page.post(resize(frame, 1e9));
    assert.equal(frame.style.height, '4000px');
    page.post(resize(frame, -50));
    assert.equal(frame.style.height, '60px');
  });

  it('ignores messages from another origin, another window, or about another embed', () => {
    const page = partnerPage([
      new FakeElement('div', { 'data-broadsheet-embed': 'feed' }),
      new FakeElement('div', { 'data-broadsheet-embed': 'article', 'data-id': 'x' }),
    ]);
    const [first, second] = page.frames();
    page.post(resize(first, 300));
    const forged = [
      resize(first, 9999, { origin: PARTNER }),
      resize(first, 9999, { origin: 'null' }),
      resize(first, 9999, { source: { name: 'the partner page itself' } }),
      resize(first, 9999, { source: second.contentWindow }),
      resize(first, 9999, { data: { type: 'broadsheet:resize', id: embedIdOf(second), height: 9999 } }),
      resize(first, 9999, { data: { type: 'other', id: embedIdOf(first), height: 9999 } }),
      resize(first, 9999, { data: `{"type":"broadsheet:resize","height":9999}` }),
      resize(first, 9999, { data: null }),
      resize(first, '9999'),
      resize(first, Number.NaN),
      resize(first, Number.POSITIVE_INFINITY),
    ];
    forged.forEach((event) => page.post(event));
    assert.equal(first.style.height, '300px', 'no forged message changed the first iframe');
    assert.equal(second.style.height, '150px', 'nor the second');
  });

  it('mounts once when included twice, and mounts placeholders added later', () => {
    const page = partnerPage([new FakeElement('div', { 'data-broadsheet-embed': 'feed' })]);
    page.run();
    assert.equal(page.frames().length, 1, 'the second copy did not mount the placeholder again');
    assert.equal(page.listeners.length, 1, 'one message listener');

    const later = new FakeElement('div', { 'data-broadsheet-embed': 'article', 'data-id': 'later' });
    page.add(later);
    assert.equal(page.frames().length, 2);
    const [, laterFrame] = page.frames();
    page.post(resize(laterFrame, 420));
    assert.equal(laterFrame.style.height, '420px');
  });

  it('forgets removed iframes and leaves unknown placeholders alone, with a warning', () => {
    const odd = new FakeElement('div', { 'data-broadsheet-embed': 'weather' });
    const storyWithoutId = new FakeElement('div', { 'data-broadsheet-embed': 'article' });
    const page = partnerPage([odd, storyWithoutId, new FakeElement('div', { 'data-broadsheet-embed': 'feed' })]);
    assert.equal(odd.children.length, 0);
    assert.equal(storyWithoutId.children.length, 0);
    assert.equal(page.warnings.length, 2);

    const [frame] = page.frames();
    frame.isConnected = false;
    page.post(resize(frame, 500));
    assert.equal(frame.style.height, '150px', 'a removed iframe is not sized');
  });

  it("sandboxes nothing on Broadsheet's own pages, where a sandbox could be lifted", () => {
    const page = partnerPage([new FakeElement('div', { 'data-broadsheet-embed': 'feed' })], { pageOrigin: BROADSHEET });
    const [frame] = page.frames();
    assert.equal(frame.getAttribute('sandbox'), null);
    page.post(resize(frame, 321));
    assert.equal(frame.style.height, '321px');
  });

  it('needs to know where it was loaded from', () => {
    const page = partnerPage([new FakeElement('div', { 'data-broadsheet-embed': 'feed' })], { scriptSrc: '' });
    assert.equal(page.frames().length, 0);
    assert.equal(page.listeners.length, 0);
  });
});
