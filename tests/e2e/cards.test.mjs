// End-to-end tests of what a story's card shows from its feed item (issue 15's card side): tag
// links to the tag view (`/?tag=`) with its heading, paging and Back, by keyboard; the item's
// language and direction; pictures that fit (srcset and sizes, and the small variant chosen at
// 1x); axe on the tag view and on a multilingual feed in both themes.
// Run: node --test tests/e2e/cards.test.mjs
//
// Expected content comes from the sample feed in dist/api/ and from the fixtures in
// tests/fixtures/feeds/, never from literals; the interface's words ("All News", "Load more")
// and the " — Broadsheet" title suffix are the only ones.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { appStarted, axeViolations, eventually, expectText, nextFrames, openSuite, readSiteJson, serveAppShell, TEST_IMAGE_ORIGINS } from './harness.mjs';

// A 1x1 transparent GIF for another publisher's pictures: nothing may leave this machine.
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const LISTED_ORIGIN = 'https://harbour-gazette.example';

/** Everything but RFC 3986's unreserved characters escaped, as the app's links are (routes.rs). */
const encode = (text) =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const tagHref = (tag) => `/?tag=${encode(tag)}`;
const articleHref = (id) => `/news/${encode(id)}`;
const linkTo = (href) => `a[href=${JSON.stringify(href)}]`;
const cards = (page) => page.locator('main article.feed-item');
const cardOf = (page, id) => cards(page).filter({ has: page.locator(`h3 ${linkTo(articleHref(id))}`) });
const shownIds = (page) =>
  page.locator('main article.feed-item h3 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));

let suite;
let feed;
let feed2;
let multilingual;

before(async () => {
  [feed, feed2, multilingual] = await Promise.all([
    readSiteJson('api/feed.json'),
    readSiteJson('api/feed-2.json'),
    readFile(new URL('../fixtures/feeds/multilingual.json', import.meta.url), 'utf8').then(JSON.parse),
  ]);
  assert.ok(TEST_IMAGE_ORIGINS.includes(LISTED_ORIGIN), `image-origins.txt lists ${LISTED_ORIGIN}`);
  // The fixture's pictures, moved to an origin the test deployment's CSP lets through.
  for (const item of multilingual.items) {
    if (item.image) item.image = `${LISTED_ORIGIN}${new URL(item.image).pathname}`;
  }
  suite = await openSuite();
});

after(() => suite?.close());

/** axe in light and dark at phone and desktop widths; no violation of any impact. */
async function assertAccessible(page, name) {
  const found = [];
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await nextFrames(page);
      const violations = await axeViolations(page);
      for (const v of violations) found.push({ colorScheme, width, ...v });
    }
  }
  assert.equal(found.length, 0, `axe found violations on ${name}:\n${JSON.stringify(found, null, 2)}`);
}

/** Serves `doc` as our feed's first page and a pixel for every other origin. */
async function serveFeed(page, doc) {
  await page.route('**/api/feed.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(doc) }),
  );
  await page.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => route.fulfill({ status: 200, contentType: 'image/gif', body: PIXEL }),
  );
}

describe('tags', () => {
  it('a card\'s tag link, by keyboard, opens the tag view; Load more pages it to the end; Back returns', () =>
    suite.withPage(async (page) => {
      const [first] = feed.items;
      // A tag of the first story that later pages have too.
      const tag = first.tags.find((t) => feed2.items.some((i) => i.tags?.includes(t)));
      assert.ok(tag, 'the sample has a tag on both pages');
      const onFirst = feed.items.filter((i) => i.tags?.includes(tag)).map((i) => articleHref(i.id));
      const onSecond = feed2.items.filter((i) => i.tags?.includes(tag)).map((i) => articleHref(i.id));

      await page.goto('/');
      await appStarted(page);
      const card = cardOf(page, first.id);
      await card.locator('h3 a').focus();
      const target = card.locator(`.feed-item__tags ${linkTo(tagHref(tag))}`);
      for (let presses = 0; presses < 12 && !(await target.evaluate((a) => a === document.activeElement)); presses += 1) {
        await page.keyboard.press('Tab');
      }
      assert.ok(await target.evaluate((a) => a === document.activeElement), 'Tab reaches the tag link');
      assert.notEqual(
        await target.evaluate((a) => getComputedStyle(a).outlineStyle),
        'none',
        'the focused tag link shows its focus',
      );
      await page.keyboard.press('Enter');

      await eventually(async () => assert.equal(new URL(page.url()).search, tagHref(tag).slice(1)));
      await expectText(page.locator('main h1'), tag);
      await eventually(async () => assert.equal(await page.title(), `${tag} — Broadsheet`));
      await eventually(async () => assert.deepEqual(await shownIds(page), onFirst));
      assert.equal(await page.locator('nav.section-nav [aria-current]').count(), 0, 'no section is current');

      await page.locator('main .feed__more').getByRole('button', { name: 'Load more' }).click();
      await eventually(async () => assert.deepEqual(await shownIds(page), [...onFirst, ...onSecond]));
      await page.locator('main p.feed__end').waitFor();

      await page.goBack();
      await expectText(page.locator('main h1'), 'All News');
      await eventually(async () => assert.equal(await cards(page).count(), feed.items.length + feed2.items.length));
    }));

  it('a tag loaded directly follows next_url past pages without it until it finds its stories', () =>
    suite.withPage(async (page) => {
      // Page 2 without the tag's stories, and a third page with them.
      const tag = feed2.items.flatMap((i) => i.tags ?? []).find((t) => !feed.items.some((i) => i.tags?.includes(t)));
      assert.ok(tag, 'the sample has a tag only on its second page');
      const tagged = feed2.items.filter((i) => i.tags.includes(tag));
      const untagged = feed2.items.filter((i) => !i.tags.includes(tag));
      const requested = [];
      page.on('request', (r) => requested.push(new URL(r.url()).pathname));
      await page.route('**/api/feed-2.json', (route) =>
        route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...feed2, items: untagged, next_url: 'feed-3.json' }) }),
      );
      await page.route('**/api/feed-3.json', (route) =>
        route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...feed2, items: tagged }) }),
      );
      await page.goto(tagHref(tag));
      await expectText(page.locator('main h1'), tag);
      assert.equal(await cards(page).count(), 0);
      await page.locator('main .feed__more').getByRole('button', { name: 'Load more' }).click();
      await eventually(async () => assert.deepEqual(await shownIds(page), tagged.map((i) => articleHref(i.id))));
      assert.ok(requested.includes('/api/feed-3.json'), 'one press went on to the third page');
      await page.locator('main p.feed__end').waitFor();
      await assertAccessible(page, `the tag view ${tag}`);
    }));

  it('an article\'s tags link to their views', () =>
    suite.withPage(async (page) => {
      const [first] = feed.items;
      await page.goto(articleHref(first.id));
      const links = await page
        .locator('.article__footer .tags a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.deepEqual(links, first.tags.map(tagHref));
    }));
});

describe('languages', () => {
  it('a multilingual feed: each card in its item\'s language and direction, axe clean in both themes', () =>
    suite.withPage(async (page) => {
      await serveAppShell(page, '/');
      await serveFeed(page, multilingual);
      await page.goto('/');
      await cards(page).first().waitFor();
      for (const item of multilingual.items) {
        const lang = item.language ?? multilingual.language;
        const card = cardOf(page, item.id);
        assert.equal(await card.getAttribute('lang'), lang, item.id);
        const dir = await card.getAttribute('dir');
        assert.equal(dir, /^ar\b/.test(lang) ? 'rtl' : 'ltr', item.id);
        assert.equal(await card.evaluate((el) => getComputedStyle(el).direction), dir, item.id);
        assert.equal(await card.locator('time').getAttribute('dir'), 'auto', `${item.id}: its date stands apart`);
      }
      await assertAccessible(page, 'a multilingual feed');
    }));
});

describe('pictures that fit', () => {
  it('All News\'s thumbnails at 1x on a desktop take the 160 px variant', () =>
    suite.withPage(async (page) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto('/');
      const images = page.locator('main .feed-item__image');
      assert.equal(await images.count(), feed.items.length);
      for (const image of await images.all()) {
        await image.scrollIntoViewIfNeeded();
        assert.match(await image.getAttribute('srcset'), / 160w, .* 320w/);
        assert.ok(await image.getAttribute('sizes'));
        await eventually(async () => assert.match(await image.evaluate((img) => img.currentSrc), /-160\.jpg$/));
      }
    }));

  it('a partner\'s embed takes the 160 px variant for its 96 px thumbnails', () =>
    suite.withPage(async (page) => {
      await page.setViewportSize({ width: 400, height: 800 });
      await page.goto('/embed/feed?limit=5');
      const images = page.locator('.embed-feed__image');
      await images.first().waitFor();
      for (const image of await images.all()) {
        await image.scrollIntoViewIfNeeded();
        assert.equal(await image.getAttribute('sizes'), '96px');
        await eventually(async () => assert.match(await image.evaluate((img) => img.currentSrc), /-160\.jpg$/));
      }
    }));
});
