// Another publisher's JSON Feed in place of ours: its items open in Broadsheet's article view,
// built from the item itself, with its HTML read through the allow-list. Run: node --test tests/e2e/

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { eventually, expectText, failedToLoad, normalizeText, openSuite, serveAppShell, TEST_IMAGE_ORIGINS } from './harness.mjs';

const fixture = (name) =>
  readFile(new URL(`../fixtures/feeds/${name}`, import.meta.url), 'utf8').then(JSON.parse);

// A 1x1 transparent GIF for the foreign feed's pictures: nothing may leave this machine.
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

// Where the fixture's pictures are, an origin the test deployment lists in img-src
// (tests/e2e/image-origins.txt); and one it does not list.
const LISTED_ORIGIN = 'https://harbour-gazette.example';
const UNLISTED_ORIGIN = 'https://unlisted-pictures.example';

let suite;
let feed;

before(async () => {
  feed = await fixture('html-with-scripts.json');
  assert.ok(TEST_IMAGE_ORIGINS.includes(LISTED_ORIGIN), `image-origins.txt lists ${LISTED_ORIGIN}`);
  assert.ok(!TEST_IMAGE_ORIGINS.includes(UNLISTED_ORIGIN), `image-origins.txt does not list ${UNLISTED_ORIGIN}`);
  suite = await openSuite();
});

after(() => suite?.close());

/**
 * Serves `pages` (file name under /api/ to JSON Feed page; by default the fixture as feed.json)
 * as our API's feed, and answers every other origin with a pixel. Resolves to the list of
 * other-origin URLs the page requested.
 */
async function serveForeignFeed(page, pages = { 'feed.json': feed }) {
  const foreignRequests = [];
  for (const [name, body] of Object.entries(pages)) {
    await page.route(`**/api/${name}`, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) }),
    );
  }
  await page.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => {
      foreignRequests.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'image/gif', body: PIXEL });
    },
  );
  return foreignRequests;
}

/** The picture at `src` is on the page and loaded: the CSP let it through. */
async function assertPictureShown(page, src, foreignRequests) {
  const image = page.locator(`img[src="${src}"]`);
  await image.scrollIntoViewIfNeeded();
  await eventually(async () =>
    assert.equal(await image.evaluate((img) => img.complete && img.naturalWidth), 1, `${src} loaded`),
  );
  assert.ok(foreignRequests.includes(src), `${src} was requested`);
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
  await assertPictureShown(page, `${LISTED_ORIGIN}/img/ferry.jpg`, foreignRequests);
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
    }));

  it('opens a foreign item from its address, when loaded directly, under its publisher\'s name', () =>
    suite.withPage(
      async (page) => {
        const foreignRequests = await serveForeignFeed(page);
        const [item] = feed.items;
        await page.goto(`/news/${encodeURIComponent(item.id)}`);
        await assertForeignArticle(page, item, foreignRequests);
        // The feed that had the story is the publisher's, as All News would have shown.
        const name = page.locator('header.masthead a.masthead__name');
        await expectText(name, feed.title);
        assert.equal(await name.getAttribute('href'), feed.home_page_url);
      },
      // There is no article document for a foreign item: Chromium logs the API's 404 for it.
      { allowConsoleErrors: [failedToLoad(404, '/api/articles/')] },
    ));

  it('finds an item on a later page of the feed from its address, on the site and in an embed', () =>
    suite.withPage(
      async (page) => {
        const [item] = feed.items;
        const later = { ...item, image: `${LISTED_ORIGIN}/img/ferry-card.jpg` };
        const earlier = {
          ...item,
          id: `${item.id}-board-meeting`,
          url: `${item.url}-board-meeting`,
          title: 'Harbour board meets on Tuesday',
          content_html: '<p>The agenda is published.</p>',
        };
        const foreignRequests = await serveForeignFeed(page, {
          'feed.json': { ...feed, items: [earlier], next_url: 'feed-page-2.json' },
          'feed-page-2.json': { ...feed, items: [later] },
        });
        await page.goto(`/news/${encodeURIComponent(item.id)}`);
        await assertForeignArticle(page, item, foreignRequests);
        await assertPictureShown(page, later.image, foreignRequests);

        await page.goto(`/embed/news/${encodeURIComponent(item.id)}`);
        await expectText(page.locator('.embed-story h1'), `${item.title} (opens in a new tab)`);
        await assertPictureShown(page, later.image, foreignRequests);
      },
      // Neither has an article document: Chromium logs the API's 404 for each.
      { allowConsoleErrors: [failedToLoad(404, '/api/articles/')] },
    ));

  for (const id of ['https://harbour-gazette.example/2024/05/frontier-diary.html', 'index.php']) {
    it(`opens an item whose id ends like a file name (${id}) from its address, and again on reload`, () =>
      suite.withPage(
        async (page) => {
          const item = { ...feed.items[0], id };
          const foreignRequests = await serveForeignFeed(page, { 'feed.json': { ...feed, items: [item] } });
          await page.goto(`/news/${encodeURIComponent(id)}`);
          await assertForeignArticle(page, item, foreignRequests);
          await page.reload();
          await assertForeignArticle(page, item, foreignRequests);
        },
        { allowConsoleErrors: [failedToLoad(404, '/api/articles/')] },
      ));
  }

  it('blocks a picture from an origin the deployment does not list, and shows the rest', () => {
    const [item] = feed.items;
    const blockedSrc = `${UNLISTED_ORIGIN}/img/ferry.jpg`;
    const unlisted = { ...item, content_html: item.content_html.replace(`${LISTED_ORIGIN}/img/ferry.jpg`, blockedSrc) };
    // The browser's report of the violation: expected here, and only for this picture.
    const escaped = blockedSrc.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const violation = new RegExp(
      `^console\\.error: Loading the image '${escaped}' violates the following Content Security Policy directive: "img-src `,
    );
    return suite.withPage(
      async (page) => {
        const foreignRequests = await serveForeignFeed(page, { 'feed.json': { ...feed, items: [unlisted] } });
        const reported = page.waitForEvent('console', (message) => violation.test(`console.${message.type()}: ${message.text()}`));
        await page.goto(`/news/${encodeURIComponent(item.id)}`);
        const article = page.locator('main article');
        await expectText(article.locator('h1'), item.title);
        const image = page.locator(`main img[src="${blockedSrc}"]`);
        await image.scrollIntoViewIfNeeded();
        await reported;
        assert.equal(await image.evaluate((img) => img.naturalWidth), 0, 'the picture is not shown');
        assert.ok(!foreignRequests.some((url) => url.startsWith(UNLISTED_ORIGIN)), 'never requested');
        assert.ok(normalizeText(await article.textContent()).includes('The 07:15 sailing.'), 'its caption stays');
      },
      { allowConsoleErrors: [failedToLoad(404, '/api/articles/'), violation] },
    );
  });
});
