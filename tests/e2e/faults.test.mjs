// Fault injection, as a table: every bad answer the network can give, for each document the
// app fetches (the feed's first page, its next page, an article), through Playwright's request
// routing. For each the reader must see a clear message or the valid rest, the app must keep
// working (Retry, or navigating away and back), no payload may run, and the console stays clean
// apart from the browser's own line for the failure arranged.
// Run: node --test tests/e2e/faults.test.mjs (the summary of what the reader saw is printed last).
//
// The one-off error cases of feed.test.mjs and article.test.mjs check each page's own details
// (where the notice sits, the skeleton meanwhile); this file checks all faults on all documents.

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { articleHref, expectText, failedToLoad, gotoAppShell, normalizeText, openSuite, readSiteJson, TIMEOUT_MS } from './harness.mjs';

const SEED_ID = 'eight-hour-us-russia-talks';
const FEED_PATH = '/api/feed.json';
const FEED_2_PATH = '/api/feed-2.json';
const ARTICLE_PATH = `/api/articles/${SEED_ID}.json`;
/** The app abandons a request after this long (src/api.rs); the fake clock jumps past it. */
const APP_TIMEOUT_MS = 10_000;
const FIVE_MB = 5 * 1024 * 1024;

const linkTo = (href) => `a[href=${JSON.stringify(href)}]`;

// Each payload, wherever it lands (text, attribute, URL, HTML through the allow-list), would set
// window.__xss if it ran. Classic forms, mixed case, entity and whitespace tricks, mXSS.
const XSS_PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=1</script>',
  'javascript:window.__xss=1',
  '"><svg onload="window.__xss=1">',
  "'><iframe src=\"javascript:window.__xss=1\"></iframe>",
  ' JaVaScRiPt:window.__xss=1',
  '\tjava\nscript:window.__xss=1',
  '&#106;avascript:window.__xss=1',
  'data:text/html,<script>window.__xss=1</script>',
  '<a href="javascript:window.__xss=1">click</a>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1></style></mglyph></table></mtext></math>',
  '<details open ontoggle="window.__xss=1">',
  '<body onload="window.__xss=1">',
  '{{constructor.constructor("window.__xss=1")()}}',
];

/**
 * `doc` with every string replaced by a payload (in turn), except the values of `keep`'s keys.
 * Each payload also carries its index, so ids stay unique.
 */
function poison(doc, keep) {
  let next = 0;
  const visit = (value, key) => {
    if (typeof value === 'string') {
      if (keep.has(key)) return value;
      const payload = XSS_PAYLOADS[next % XSS_PAYLOADS.length];
      next += 1;
      return `${payload}${next}`;
    }
    if (Array.isArray(value)) return value.map((item) => visit(item, key));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visit(v, k)]));
    }
    return value;
  };
  return visit(doc, null);
}

let suite;
let feed1;
let feed2;
let seed;
/** A server that answers every request with half a body and then drops the connection. */
let dropServer;
/** What the reader saw in each case, printed after the suite for the quality note. */
const seen = [];

before(async () => {
  [feed1, feed2, seed] = await Promise.all([
    readSiteJson(FEED_PATH.slice(1)),
    readSiteJson(FEED_2_PATH.slice(1)),
    readSiteJson(ARTICLE_PATH.slice(1)),
  ]);
  assert.equal(new URL(feed1.next_url, `http://site.invalid${FEED_PATH}`).pathname, FEED_2_PATH);
  suite = await openSuite();
  dropServer = await startDroppingServer();
});

after(async () => {
  await dropServer?.close();
  await suite?.close();
  if (seen.length > 0) {
    console.log('\nWhat the reader saw, per fault and document:');
    for (const row of seen) console.log(`- ${row.fault} | ${row.target} | ${row.saw}`);
  }
});

async function startDroppingServer() {
  const sockets = new Set();
  const server = createServer((req, res) => {
    const body = JSON.stringify(seed);
    res.writeHead(200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      'Access-Control-Allow-Origin': '*',
    });
    res.write(body.slice(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const json = (doc) => ({ status: 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify(doc) });
const titleLink = (page, id) => page.locator(`main article.feed-item h3 ${linkTo(articleHref(id))}`);
const retryButton = (page, within) =>
  page.locator(`${within} .notice--error[role="alert"]`).getByRole('button', { name: 'Retry', exact: true });

/**
 * The documents the app fetches. `open` brings the page to the point where the document is
 * asked for; `shown` waits until the document is on screen; `valid` builds a healthy document,
 * from which the hostile ones are made; `within` is where its error notice appears.
 */
const TARGETS = [
  {
    name: 'the feed',
    kind: 'feed',
    path: FEED_PATH,
    within: 'main',
    valid: () => feed1,
    // The app's own handling of the feed, from the app shell: a pre-rendered All News would show
    // the bundled feed while the app's request fails (prerender.test.mjs covers that page).
    open: (page) => gotoAppShell(page, '/'),
    shown: (page, timeout) => titleLink(page, feed1.items[0].id).waitFor({ timeout }),
  },
  {
    name: "the feed's next page",
    kind: 'feed',
    path: FEED_2_PATH,
    within: 'main .feed__more',
    valid: () => feed2,
    async open(page) {
      await gotoAppShell(page, '/');
      await titleLink(page, feed1.items[0].id).waitFor();
      await page.locator('main .feed__more').getByRole('button', { name: /more/i }).click();
    },
    async shown(page, timeout) {
      await titleLink(page, feed2.items[0].id).waitFor({ timeout });
      await titleLink(page, feed1.items[0].id).waitFor({ state: 'attached' });
    },
  },
  {
    name: 'an article',
    kind: 'article',
    path: ARTICLE_PATH,
    within: 'main',
    valid: () => seed,
    // The app's own page, as a story without a page of its own gets it: a pre-rendered article
    // keeps what it shows when a request fails (prerender.test.mjs).
    open: (page) => gotoAppShell(page, articleHref(SEED_ID)),
    shown: (page, timeout) => expectText(page.locator('main article h1'), seed.headline, { timeout }),
  },
];

/** What stays valid in the "every text field" case: what the documents need to be read at all. */
const STRUCTURE = new Set(['version', 'type']);
const MACHINE_FIELDS = new Set([...STRUCTURE, 'kind', 'language', 'published', 'modified', 'date_published', 'date_modified']);
/** A payload in a URL field that reads as a relative URL (`{{...}}`, `&#106;...`) names a harmless
 * address on our own site; Chromium reports that the picture or page there is not found. */
const PAYLOAD_NOT_FOUND = /^console\.error: Failed to load resource: the server responded with a status of 404\b.*__xss/;

/**
 * The faults. `answer(route, target)` answers the first request for the target's document (all
 * of them with `always`); later requests reach the server. `expect` is what the reader gets, the
 * same for every document or by the target's kind (`{ feed, article }`):
 * - `error`: a notice saying `message`, with Retry, which then loads the document;
 * - `not-found`: the not-found page, with its way back to All News;
 * - `content`: the document's valid rest, and the app still navigates.
 */
const FAULTS = [
  {
    name: 'HTTP 500',
    answer: (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' }),
    expect: 'error',
    message: /had a problem answering/,
    allow: (target) => [failedToLoad(500, target.path)],
  },
  {
    name: 'HTTP 404 on every request',
    answer: (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' }),
    always: true,
    expect: { feed: 'error', article: 'not-found' },
    message: /couldn't find/,
    allow: (target) => [failedToLoad(404, target.path)],
  },
  {
    name: 'HTTP 503, then success',
    answer: (route) =>
      route.fulfill({ status: 503, headers: { 'Retry-After': '1' }, contentType: 'text/plain', body: 'Service Unavailable' }),
    expect: 'error',
    message: /had a problem answering/,
    allow: (target) => [failedToLoad(503, target.path)],
  },
  {
    name: 'an answer that never arrives',
    answer: () => {},
    fakeClock: true,
    expect: 'error',
    message: /took too long/,
  },
  {
    name: 'a body cut off mid-way (complete response, half the JSON)',
    answer: (route, target) => {
      const body = JSON.stringify(target.valid());
      return route.fulfill({ status: 200, contentType: 'application/json', body: body.slice(0, Math.floor(body.length / 2)) });
    },
    expect: 'error',
    message: /could not read/,
  },
  {
    name: 'a connection dropped mid-body',
    answer: (route) => route.continue({ url: `${dropServer.url}/drop` }),
    expect: 'error',
    message: /could not reach/,
    allow: () => [/^console\.error: Failed to load resource: net::ERR_(CONTENT_LENGTH_MISMATCH|EMPTY_RESPONSE|CONNECTION_RESET)\b/],
  },
  {
    name: 'invalid JSON',
    answer: (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"items": [,], "headline": }' }),
    expect: 'error',
    message: /could not read/,
  },
  {
    name: 'JSON of the wrong shape',
    answer: (route) =>
      route.fulfill(json([{ version: 42, items: 'none', headline: ['not', 'text'], body: { type: 'paragraph' } }])),
    expect: 'error',
    message: /could not read/,
  },
  {
    name: 'a 5 MB body',
    answer: (route, target) => {
      const doc = structuredClone(target.valid());
      const text = 'word '.repeat(FIVE_MB / 5);
      if (target.kind === 'feed') {
        doc.items.push({ ...doc.items[0], id: 'e2e-five-megabytes', url: '/news/e2e-five-megabytes', content_text: text });
      } else {
        doc.body.push({ type: 'paragraph', content: [{ text }] });
      }
      const body = JSON.stringify(doc);
      assert.ok(body.length > FIVE_MB, 'the body is over 5 MB');
      return route.fulfill({ status: 200, contentType: 'application/json', body });
    },
    expect: 'content',
    // Laying out five megabytes of text takes a busy 2-core machine a while.
    patience: 3 * TIMEOUT_MS,
  },
  {
    name: 'every string field an XSS payload',
    answer: (route, target) => route.fulfill(json(poison(target.valid(), STRUCTURE))),
    expect: { feed: 'content', article: 'error' },
    message: /could not read/,
    hostile: STRUCTURE,
    allow: () => [PAYLOAD_NOT_FOUND],
  },
  {
    name: 'every text and URL field an XSS payload (dates and language codes valid)',
    answer: (route, target) => route.fulfill(json(poison(target.valid(), MACHINE_FIELDS))),
    expect: 'content',
    hostile: MACHINE_FIELDS,
    allow: () => [PAYLOAD_NOT_FOUND],
  },
];

/**
 * Answers the first request for `target` with `fault` (every request, if `fault.always`, until
 * the returned state is `healed`), then lets requests through.
 */
async function injectFault(page, target, fault) {
  const state = { requests: 0, healed: false };
  await page.route(
    (url) => url.pathname === target.path,
    async (route) => {
      state.requests += 1;
      if (!state.healed && (state.requests === 1 || fault.always)) await fault.answer(route, target);
      else await route.fallback();
    },
  );
  return state;
}

/** Asserts that nothing hostile ran or was built, wherever the payloads ended up. */
async function assertNothingRan(page, dialogs) {
  const found = await page.evaluate(() => ({
    flag: typeof window.__xss,
    handlers: [...document.querySelectorAll('*')].flatMap((element) =>
      [...element.attributes].filter((attribute) => /^on/i.test(attribute.name)).map((a) => `${element.tagName} ${a.name}`),
    ),
    elements: [...document.querySelectorAll('body iframe, body object, body embed, body svg, body math, body details, body script')].map(
      (element) => element.outerHTML.slice(0, 80),
    ),
    // Data blocks (the pre-rendered page's JSON-LD) are never run; any other inline script is.
    inlineScripts: [...document.scripts].filter(
      (script) => !script.src && !/^application\/(ld\+)?json$/i.test(script.type),
    ).length,
    badUrls: [...document.querySelectorAll('[href], [src], [srcset], [action], [formaction]')]
      .flatMap((element) => ['href', 'src', 'srcset', 'action', 'formaction'].map((name) => element.getAttribute(name)))
      .filter((url) => url !== null && /^\s*(javascript|data|vbscript):/i.test(url.replace(/[\t\n\r]/g, ''))),
  }));
  assert.deepEqual(found, { flag: 'undefined', handlers: [], elements: [], inlineScripts: 0, badUrls: [] }, 'nothing hostile in the page');
  assert.deepEqual(dialogs, [], 'no dialog opened');
}

/** The text of the notice or heading that tells the reader what happened, for the summary. */
async function readerSaw(page, target) {
  const notice = page.locator(`${target.within} .notice[role="alert"], main .notice--not-found`).first();
  if (await notice.count()) return normalizeText(await notice.innerText());
  const heading = normalizeText((await page.locator('main h1').first().textContent()) ?? '');
  const items = await page.locator('main article.feed-item').count();
  return target.kind === 'feed' ? `"${heading}" with ${items} items listed` : `the article "${heading.slice(0, 60)}"`;
}

/**
 * Leaves for another route of the app client-side and comes Back: from an article to All News
 * by the header's link, from the feed to its first item by its title; then `back` must hold.
 */
async function navigateAwayAndBack(page, target, back) {
  const here = page.url();
  await page.evaluate(() => (window.__marker = 1));
  if (target.path === ARTICLE_PATH) {
    await page.locator('header').getByRole('link', { name: 'All News', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await titleLink(page, feed1.items[0].id).waitFor();
  } else {
    await page.locator('main article.feed-item h3 a').first().click();
    await page.waitForURL((url) => url.pathname.startsWith('/news/'));
    await page.locator('main h1').first().waitFor();
  }
  await page.goBack();
  await page.waitForURL(here);
  await back();
  assert.equal(await page.evaluate(() => window.__marker), 1, 'all of it happened in one document');
}

const expectationOf = (fault, target) => (typeof fault.expect === 'string' ? fault.expect : fault.expect[target.kind]);

for (const target of TARGETS) {
  describe(`Faults in ${target.name} (${target.path})`, () => {
    for (const fault of FAULTS) {
      const expectation = expectationOf(fault, target);
      const outcome = {
        error: 'a notice with Retry, which loads it',
        'not-found': 'the not-found page, and the app still navigates',
        content: 'the valid rest is shown, nothing runs, and the app still navigates',
      }[expectation];
      it(`${fault.name}: ${outcome}`, () => (expectation === 'error' ? runError(target, fault) : runOther(target, fault, expectation)));
    }
  });
}

/** Opens the target with the fault injected, watching for dialogs. */
async function openWithFault(page, target, fault) {
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  if (fault.fakeClock) await page.clock.install();
  const state = await injectFault(page, target, fault);
  await target.open(page);
  if (fault.fakeClock) {
    await expectRequestCount(state, 1);
    await page.clock.runFor(APP_TIMEOUT_MS + 500);
  }
  return { dialogs, state };
}

async function expectRequestCount(state, count) {
  for (let tries = 0; state.requests < count; tries += 1) {
    assert.ok(tries < 150, `the document was requested ${count} time(s)`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function runError(target, fault) {
  return suite.withPage(
    async (page) => {
      const { dialogs, state } = await openWithFault(page, target, fault);
      const alert = page.locator(`${target.within} .notice--error[role="alert"]`);
      await alert.waitFor({ state: 'visible' });
      const text = normalizeText(await alert.innerText());
      assert.match(text, fault.message, `the notice says what happened: "${text}"`);
      seen.push({ fault: fault.name, target: target.name, saw: text });
      if (target.path === FEED_2_PATH) {
        await titleLink(page, feed1.items[0].id).waitFor({ state: 'visible' });
      }
      if (fault.always) {
        // Retry while the fault lasts: the notice again, and the button still there.
        await retryButton(page, target.within).click();
        await expectRequestCount(state, 2);
        await alert.waitFor({ state: 'visible' });
        state.healed = true;
      }
      await retryButton(page, target.within).click();
      await target.shown(page);
      assert.equal(await alert.count(), 0, 'the notice is gone');
      assert.ok(state.requests >= 2, 'Retry asked again');
      await assertNothingRan(page, dialogs);
    },
    { allowConsoleErrors: fault.allow?.(target) ?? [] },
  );
}

function runOther(target, fault, expectation) {
  return suite.withPage(
    async (page) => {
      const { dialogs } = await openWithFault(page, target, fault);
      if (expectation === 'not-found') {
        await expectText(page.locator('main h1'), 'Page not found');
        seen.push({ fault: fault.name, target: target.name, saw: await readerSaw(page, target) });
        await page.evaluate(() => (window.__marker = 1));
        await page.locator('main .notice--not-found').locator(linkTo('/')).first().click();
        await titleLink(page, feed1.items[0].id).waitFor();
        assert.equal(await page.evaluate(() => window.__marker), 1, 'All News opened in the same document');
      } else if (fault.hostile) {
        const shownAsText = () => assertHostileShownAsText(page, target, fault.hostile);
        await shownAsText();
        seen.push({ fault: fault.name, target: target.name, saw: await readerSaw(page, target) });
        await assertNothingRan(page, dialogs);
        // All News keeps its loaded pages across Back; an article is fetched again, and only
        // the first answer was hostile.
        await navigateAwayAndBack(page, target, target.kind === 'feed' ? shownAsText : () => target.shown(page));
      } else {
        await target.shown(page, fault.patience);
        seen.push({ fault: fault.name, target: target.name, saw: await readerSaw(page, target) });
        await navigateAwayAndBack(page, target, () => target.shown(page, fault.patience));
      }
      await assertNothingRan(page, dialogs);
    },
    { allowConsoleErrors: fault.allow?.(target) ?? [] },
  );
}

/** The payloads that reached the screen are shown as the literal text they are. */
async function assertHostileShownAsText(page, target, keep) {
  const poisoned = poison(target.valid(), keep);
  const [selector, text] =
    target.path === ARTICLE_PATH ? ['main article h1', poisoned.headline] : ['main article.feed-item h3', poisoned.items[0].title];
  await page.waitForFunction(
    ({ selector, text }) => [...document.querySelectorAll(selector)].some((element) => element.textContent.includes(text)),
    { selector, text },
  );
}
