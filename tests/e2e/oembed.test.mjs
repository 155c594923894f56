// Discovery, as feed readers and partners' CMSs do it: from an article's page to its oEmbed
// document (read from another origin, as a CMS reads it), whose `html` a partner's page on a
// second loopback origin then shows as our story card, sized to its content; and from any page
// to the JSON Feed it shows.
//
// The pre-render writes absolute addresses on the origin the deployment names (`--site`);
// scripts/test names `http://broadsheet.test`. When that is not the server under test, the
// partner's page runs in a browser that resolves the named host to the server under test, as DNS
// would resolve a deployment's: the pages keep the named origin, another than the partner's.

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import {
  eventually,
  expectText,
  launchBrowser,
  listenOnLoopback,
  openSuite,
  readSiteJson,
  TIMEOUT_MS,
  watchErrors,
} from './harness.mjs';

/**
 * A partner's page, from an origin of its own, with `html` pasted into a column `width` px wide,
 * as a CMS does with an oEmbed document.
 */
async function startPartner(html, width) {
  const page = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>A partner's story</title>
<style>main { width: ${width}px; }</style></head>
<body>
  <main>
    <h1>Partner news desk</h1>
    ${html}
  </main>
</body>
</html>`;
  const server = createServer((req, res) => {
    if (req.url === '/') res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
    else res.writeHead(404).end();
  });
  return listenOnLoopback(server);
}

/**
 * The `href` (resolved against the page) and `title` of the page's one alternate link of `type`;
 * `hint` says what to do when there is none.
 */
async function alternate(page, type, hint = '') {
  const links = page.locator(`head link[rel="alternate"][type="${type}"]`);
  assert.equal(await links.count(), 1, `one ${type} link on ${page.url()}${hint}`);
  return links.evaluate((link) => ({ href: link.href, title: link.getAttribute('title') }));
}

describe('discovery: oEmbed and the feed', () => {
  let suite;
  let id;
  let article;
  let partner;

  before(async () => {
    suite = await openSuite();
    // A story of the feed's first page: the stories the partners' page offers.
    const [item] = (await readSiteJson('api/feed.json')).items;
    id = item.id;
    article = await readSiteJson(`api/${item._broadsheet.article}`);
  });
  after(async () => {
    await partner?.close();
    await suite?.close();
  });

  /** The server under test, for `url` on the site's named origin. */
  const served = (url) => {
    const { pathname, search } = new URL(url);
    return `${suite.baseURL}${pathname}${search}`;
  };

  /**
   * Runs `fn(page)` in a browser where `site` (the origin the pre-render named, http) is the
   * server under test, and fails if the page reported any error, as `suite.withPage` does.
   */
  async function withSitePage(site, fn) {
    if (site === suite.baseURL) return suite.withPage(fn);
    const { hostname, port } = new URL(site);
    assert.ok(site.startsWith('http://') && port === '', `an http origin on port 80 to map: ${site}`);
    const browser = await launchBrowser({ args: [`--host-resolver-rules=MAP ${hostname} ${new URL(suite.baseURL).host}`] });
    try {
      const page = await browser.newPage();
      page.context().setDefaultTimeout(TIMEOUT_MS);
      const watcher = watchErrors(page);
      await fn(page);
      watcher.assertNone();
    } finally {
      await browser.close();
    }
  }

  it("finds an article's oEmbed document, and a partner's page on another origin shows its card, sized", () =>
    suite.withPage(async (page) => {
      await page.goto(`/news/${id}`);
      const discovered = await alternate(
        page,
        'application/json+oembed',
        ': only a pre-render with --site writes oEmbed documents (scripts/test names one)',
      );
      assert.equal(discovered.title, article.headline);
      const site = new URL(discovered.href).origin;
      assert.equal(new URL(discovered.href).pathname, `/oembed/${id}.json`);

      // As served: the type the oEmbed spec asks of JSON, revalidated, readable by any origin.
      const response = await fetch(served(discovered.href), { headers: { Origin: 'https://cms.example' } });
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type'), /^application\/json(;|$)/);
      assert.equal(response.headers.get('access-control-allow-origin'), '*');
      assert.equal(response.headers.get('cache-control'), 'no-cache');
      const doc = await response.json();
      assert.equal(doc.version, '1.0');
      assert.equal(doc.type, 'rich');
      assert.equal(doc.title, article.headline);
      assert.equal(doc.provider_name, 'Broadsheet');
      assert.equal(doc.provider_url, `${site}/`);
      for (const key of ['width', 'height']) assert.ok(Number.isInteger(doc[key]) && doc[key] > 0, `${key}: ${doc[key]}`);

      // The html is the card snippet the partners' page gives for this story, to the byte.
      await page.goto('/partners/');
      await page.getByLabel('One story, as a card').check();
      const story = page.locator('#story');
      await eventually(async () => assert.ok((await story.locator(`option[value="${id}"]`).count()) === 1));
      await story.selectOption(id);
      const snippet = page.locator('#snippet');
      await eventually(async () => assert.match(await snippet.inputValue(), new RegExp(`data-id="${id}"`)));
      assert.equal(doc.html, (await snippet.inputValue()).replaceAll(suite.baseURL, site));

      partner = await startPartner(doc.html, doc.width);
      await withSitePage(site, (partnerPage) => showCard(partnerPage, discovered.href, doc));
    }));

  /** A partner's CMS reads the document from its own origin, then pastes the html: our card shows, sized. */
  async function showCard(page, href, doc) {
    const site = new URL(href).origin;
    await page.setViewportSize({ width: 1000, height: 2000 });
    await page.goto(partner.url);
    const read = await page.evaluate((address) => fetch(address).then((r) => r.json()), href);
    assert.deepEqual(read, doc, 'the browser lets another origin read it (CORS)');

    const iframe = page.locator('main iframe');
    await iframe.waitFor();
    assert.equal(new URL(await iframe.getAttribute('src')).origin, site);
    assert.ok(await iframe.getAttribute('title'), 'the iframe has a title');
    const frame = await (await iframe.elementHandle()).contentFrame();
    await expectText(frame.locator('.embed-story h1'), `${article.headline} (opens in a new tab)`);
    const height = await eventually(async () => {
      const outer = await iframe.evaluate((el) => el.getBoundingClientRect().height);
      const inner = await frame.evaluate(() => Math.ceil(document.querySelector('.embed').getBoundingClientRect().height));
      assert.equal(outer, inner, 'the iframe is as tall as the card');
      assert.ok(outer > 150, `grown from the placeholder height: ${outer}`);
      return outer;
    });
    const width = await iframe.evaluate((el) => el.getBoundingClientRect().width);
    assert.equal(width, doc.width, 'the card fills the column it is given');
    // The space a consumer keeps is the card's, give or take a line or two of text.
    console.log(`the card at ${width}px: ${height}px tall; the document says ${doc.height}px`);
    assert.ok(Math.abs(height - doc.height) < doc.height * 0.25, `${height}px against ${doc.height}px`);
  }

  for (const [name, pathname] of [
    ['an article', '/news/eight-hour-us-russia-talks'],
    ['All News', '/'],
    ['the app shell', '/no/such/page'],
  ]) {
    it(`links the JSON Feed from ${name}, where the page's API is`, () =>
      suite.withPage(async (page) => {
        await page.goto(pathname);
        const { href, title } = await alternate(page, 'application/feed+json');
        assert.ok(title, 'the link has a title');
        const api = await page.locator('meta[name="broadsheet:api"]').getAttribute('content');
        assert.equal(new URL(href).pathname, new URL('feed.json', new URL(api, suite.baseURL)).pathname);
        const response = await fetch(served(href));
        assert.equal(response.status, 200);
        assert.match(response.headers.get('content-type'), /^application\/json(;|$)/);
        const feed = await response.json();
        assert.match(feed.version, /^https:\/\/jsonfeed\.org\/version\/1(\.1)?$/);
        assert.ok(Array.isArray(feed.items) && feed.items.length > 0, 'a JSON Feed with items');
        assert.deepEqual(feed, await readSiteJson('api/feed.json'));
      }));
  }
});
