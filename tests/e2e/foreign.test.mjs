// Another publisher's JSON Feed in place of ours: its items open in Broadsheet's article view,
// built from the item itself, with its HTML read through the allow-list. Run: node --test tests/e2e/

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { failedToLoad, normalizeText, openSuite, serveAppShell } from './harness.mjs';

const fixture = (name) =>
  readFile(new URL(`../fixtures/feeds/${name}`, import.meta.url), 'utf8').then(JSON.parse);

// A 1x1 transparent GIF for the foreign feed's pictures: nothing may leave this machine.
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

let suite;
let feed;

before(async () => {
  feed = await fixture('html-with-scripts.json');
  suite = await openSuite();
});

after(() => suite?.close());

// The test site's CSP (deploy/nginx/) lists no other publisher's origin in img-src, so Chromium
// blocks the item's pictures and says so: a deployment that shows a foreign feed lists its
// image origins (deploy/README.md).
const blockedForeignImage = /^console\.error: Loading the image 'https:\/\/harbour-gazette\.example\/[^']*' violates the following Content Security Policy directive: "img-src /;

/** Serves the foreign feed as our API's feed, and answers every other origin with a pixel. */
async function serveForeignFeed(page) {
  const foreignRequests = [];
  await page.route('**/api/feed.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(feed) }),
  );
  await page.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => {
      foreignRequests.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'image/gif', body: PIXEL });
    },
  );
  return foreignRequests;
}

async function assertForeignArticle(page, item, foreignRequests) {
  const article = page.locator('main article');
  await article.locator('h1').waitFor();
  assert.equal(normalizeText(await article.locator('h1').textContent()), item.title);
  assert.equal(await article.getAttribute('lang'), feed.language);
  const body = normalizeText(await article.locator('.article__body').textContent());
  for (const kept of ['winter timetable', 'full week', 'a trap', 'What changes', '09:30 moves to 10:00']) {
    assert.ok(body.includes(kept), `"${kept}" is shown`);
  }
  // The item's h3 comes right under the headline, so it is shown one level down: an h2.
  assert.equal(await article.locator('.article__body h2', { hasText: 'What changes' }).count(), 1);
  assert.ok((await article.locator('blockquote').count()) === 1);
  assert.equal(await page.locator('main :is(script, iframe, style, [onclick], [onerror])').count(), 0,
    'no script, frame, style or handler from the item');
  const hrefs = await page.locator('main a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.every((href) => !/^\s*javascript:/i.test(href)), `hrefs: ${hrefs}`);
  assert.ok(hrefs.includes(item.url), 'a link to the original');
  assert.equal(await page.evaluate(() => window.__xss), undefined, 'no payload ran');
  assert.notEqual(await page.title(), 'owned');
  assert.ok(foreignRequests.every((url) => !url.includes('tracker.example')), 'the iframe never loaded');
}

describe('Another publisher\'s feed', () => {
  it('lists its items and opens one in the article view with its scripts removed', () =>
    suite.withPage(async (page) => {
      const foreignRequests = await serveForeignFeed(page);
      const [item] = feed.items;
      // Another publisher's API behind the same site: the app's own All News, not our pre-render.
      await serveAppShell(page, '/');
      await page.goto('/');
      const link = page.locator('main h3 a', { hasText: item.title });
      await link.waitFor();
      await page.evaluate(() => (window.__marker = 1));
      await link.click();
      await assertForeignArticle(page, item, foreignRequests);
      assert.equal(await page.evaluate(() => window.__marker), 1, 'opened client-side');
    }, { allowConsoleErrors: [blockedForeignImage] }));

  it('opens a foreign item from its address, when loaded directly', () =>
    suite.withPage(
      async (page) => {
        const foreignRequests = await serveForeignFeed(page);
        const [item] = feed.items;
        await page.goto(`/news/${encodeURIComponent(item.id)}`);
        await assertForeignArticle(page, item, foreignRequests);
      },
      // There is no article document for a foreign item: Chromium logs the API's 404 for it.
      { allowConsoleErrors: [failedToLoad(404, '/api/articles/'), blockedForeignImage] },
    ));
});
