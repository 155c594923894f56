// End-to-end tests of the release build in dist/ (`trunk build --release` first), in Chromium.
// Run: node --test tests/e2e/
//
// Expected texts come from the sample API in dist/api/, never from literals, so a page that
// renders the wrong document (or nothing) fails.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { appStarted, articleHref, eventually, expectText, normalizeText, openSuite, readSiteJson } from './harness.mjs';

const SEED_ID = 'eight-hour-us-russia-talks';

const readArticle = (id) => readSiteJson(`api/articles/${encodeURIComponent(id)}.json`);
/** A CSS attribute selector for an exact href, quoted safely whatever the value holds. */
const linkTo = (href) => `a[href=${JSON.stringify(href)}]`;
/** The UTC calendar day of an RFC 3339 timestamp; the browser context runs in UTC too. */
const utcDay = (timestamp) => new Date(timestamp).toISOString().slice(0, 10);

let suite;
let feedPages; // the items of each page of the sample feed, in next_url order
let seed;

/** Reads the sample feed's pages from dist/api/, following next_url as the app does. */
async function readFeedPages() {
  const pages = [];
  const visited = new Set();
  // A stand-in origin: next_url may be relative to the page that holds it.
  let url = new URL('/api/feed.json', 'http://site.invalid');
  for (;;) {
    assert.ok(!visited.has(url.href), `the sample feed's next_url loops back to ${url.pathname}`);
    visited.add(url.href);
    const page = await readSiteJson(decodeURIComponent(url.pathname.slice(1)));
    pages.push(page.items);
    if (!page.next_url) return pages;
    url = new URL(page.next_url, url);
  }
}

before(async () => {
  [feedPages, seed] = await Promise.all([readFeedPages(), readArticle(SEED_ID)]);
  suite = await openSuite();
});

after(() => suite?.close());

/** Marks the current document, so a later check can tell a client-side route from a reload. */
const markDocument = (page) => page.evaluate(() => (window.__marker = 1));
const documentIsMarked = (page) => page.evaluate(() => window.__marker === 1);

const itemLinks = (page, id) => page.locator(`main ${linkTo(articleHref(id))}`);
/** The feed's control that loads the next page (worded by the app, so matched loosely). */
const moreButton = (page) => page.locator('main').getByRole('button', { name: /more/i });

/** Opens `/` and waits until the first feed item is listed. */
async function openFeed(page) {
  await page.goto('/');
  await itemLinks(page, feedPages[0][0].id).first().waitFor();
  // Until the app runs, a link is an ordinary link to the next page (ADR 5).
  await appStarted(page);
}

/** Loads the feed's next page with its button and waits for that page's first item. */
async function loadNextPage(page, pageIndex) {
  await moreButton(page).click();
  await itemLinks(page, feedPages[pageIndex][0].id).first().waitFor();
}

/** Opens `/`, loads pages until the item `id` is listed, and clicks its title. */
async function openFeedAndClick(page, id) {
  const pageIndex = feedPages.findIndex((items) => items.some((item) => item.id === id));
  assert.ok(pageIndex >= 0, `the sample feed lists ${id}`);
  await openFeed(page);
  for (let index = 1; index <= pageIndex; index += 1) await loadNextPage(page, index);
  await markDocument(page);
  const { title } = feedPages[pageIndex].find((item) => item.id === id);
  await itemLinks(page, id).filter({ hasText: normalizeText(title) }).first().click();
}

/**
 * Asserts that each of `items` is a link titled as in the feed, that the links sit under one
 * `h2` per day in `section`s, and that they appear newest first.
 */
async function assertFeedShows(page, items) {
  for (const item of items) {
    const links = itemLinks(page, item.id);
    await eventually(async () => {
      const texts = (await links.allTextContents()).map(normalizeText);
      assert.ok(
        texts.some((text) => text.includes(normalizeText(item.title))),
        `a link to ${articleHref(item.id)} shows "${item.title}" (found: ${JSON.stringify(texts)})`,
      );
    });
  }

  // In document order: each item link's href, and the heading of the nearest enclosing
  // section that has an h2.
  const shown = await page.evaluate(() =>
    [...document.querySelectorAll('main a')].map((link) => {
      let section = link.closest('section');
      while (section && !section.querySelector('h2')) section = section.parentElement?.closest('section');
      return { href: link.getAttribute('href'), heading: section?.querySelector('h2').textContent.trim() ?? null };
    }),
  );
  const placed = items
    .filter((item) => item.date_published)
    .map((item) => ({
      id: item.id,
      day: utcDay(item.date_published),
      published: Date.parse(item.date_published),
      position: shown.findIndex((link) => link.href === articleHref(item.id)),
    }))
    .map((item) => ({ ...item, heading: shown[item.position].heading }));

  for (const item of placed) assert.ok(item.heading, `${item.id} sits in a section under an h2`);
  for (const a of placed) {
    for (const b of placed) {
      assert.equal(
        a.heading === b.heading,
        a.day === b.day,
        `${a.id} (${a.day}, "${a.heading}") and ${b.id} (${b.day}, "${b.heading}"): one heading per day`,
      );
    }
  }

  const byPosition = [...placed].sort((a, b) => a.position - b.position).map((item) => item.id);
  const byDate = [...placed].sort((a, b) => b.published - a.published).map((item) => item.id);
  assert.deepEqual(byPosition, byDate, 'feed items appear newest first');
}

describe('All News feed', () => {
  it('lists every item of feed.json as a link, grouped under day headings, newest first', () =>
    suite.withPage(async (page) => {
      await openFeed(page);
      await expectText(page.locator('main h1'), 'All News');
      await assertFeedShows(page, feedPages[0]);
    }));

  it('loads the pages chained by next_url on request, until the last one', () =>
    suite.withPage(async (page) => {
      await openFeed(page);
      for (let index = 1; index < feedPages.length; index += 1) await loadNextPage(page, index);
      await assertFeedShows(page, feedPages.flat());
      await eventually(async () => assert.equal(await moreButton(page).count(), 0, 'no more button after the last page'));
    }));
});

describe('Article page', () => {
  it('opens the seed article client-side and renders its hero, headings, quotes and context', () =>
    suite.withPage(async (page) => {
      await openFeedAndClick(page, SEED_ID);

      await page.waitForURL(`**${articleHref(SEED_ID)}`);
      await expectText(page.locator('article h1'), seed.headline);
      assert.ok(await documentIsMarked(page), 'the route changed without a full page load');

      const language = await page.locator('article h1').evaluate((h1) => h1.closest('[lang]')?.lang);
      assert.equal(language, seed.language, 'the article carries its language as `lang`');

      // The hero: a figure whose image has the JSON's alt and intrinsic size, and a caption
      // that credits the photo.
      const { hero } = seed;
      assert.ok(hero, 'the seed article has a hero image');
      const heroAlt = { name: hero.alt, exact: true };
      const heroFigure = page.locator('article figure').filter({ has: page.getByRole('img', heroAlt) }).first();
      const heroImage = heroFigure.getByRole('img', heroAlt).first();
      await heroImage.waitFor();
      assert.equal(await heroImage.getAttribute('width'), String(hero.width));
      assert.equal(await heroImage.getAttribute('height'), String(hero.height));
      const caption = normalizeText(await heroFigure.locator('figcaption').textContent());
      for (const part of [hero.caption, hero.credit].filter(Boolean)) {
        assert.ok(caption.includes(normalizeText(part)), `the hero's figcaption "${caption}" shows "${part}"`);
      }

      const blocks = (type) => seed.body.filter((block) => block.type === type);

      for (const heading of blocks('heading')) {
        await page
          .locator('article')
          .getByRole('heading', { level: heading.level, name: normalizeText(heading.text), exact: true })
          .waitFor();
      }

      for (const quote of blocks('quote')) {
        const blockquote = page.locator('article blockquote').filter({ hasText: normalizeText(quote.text) }).first();
        await blockquote.waitFor();
        if (quote.attribution) {
          // The cite may sit in the blockquote or beside it (e.g. <figure><blockquote/><figcaption><cite>).
          await blockquote
            .locator('xpath=..')
            .locator('cite', { hasText: normalizeText(quote.attribution) })
            .first()
            .waitFor({ state: 'visible' });
        }
      }

      const [context] = blocks('context');
      assert.ok(context, 'the seed article has a context block');
      const asideLinks = await page.locator('main aside a').evaluateAll((links) =>
        links.map((a) => ({ href: a.href, text: a.textContent.replace(/\s+/g, ' ').trim() })),
      );
      for (const link of context.links) {
        const expected = new URL(link.url, suite.baseURL).href;
        assert.ok(
          asideLinks.some((a) => a.href === expected && a.text.includes(normalizeText(link.title))),
          `an aside links "${link.title}" to ${expected} (found: ${JSON.stringify(asideLinks)})`,
        );
      }

      // Following a context link opens that article, still without a reload.
      const relatedLink = context.links.find((link) => {
        const url = new URL(link.url, suite.baseURL);
        return url.origin === suite.baseURL && url.pathname.startsWith('/news/');
      });
      assert.ok(relatedLink, 'the context block links at least one /news/ article');
      const related = new URL(relatedLink.url, suite.baseURL);
      const relatedArticle = await readArticle(decodeURIComponent(related.pathname.slice('/news/'.length)));
      await page.locator('main aside a').filter({ hasText: normalizeText(relatedLink.title) }).first().click();
      await page.waitForURL(related.href);
      await expectText(page.locator('article h1'), relatedArticle.headline);
      assert.ok(await documentIsMarked(page), 'the context link was followed client-side');
    }));

  it('renders when its URL is loaded directly', () =>
    suite.withPage(async (page) => {
      const response = await page.goto(articleHref(SEED_ID));
      await appStarted(page);
      assert.equal(response.status(), 200);
      await expectText(page.locator('article h1'), seed.headline);
    }));

  it('returns to the feed on browser Back', () =>
    suite.withPage(async (page) => {
      const [first] = feedPages[0];
      await openFeedAndClick(page, first.id);
      await expectText(page.locator('article h1'), (await readArticle(first.id)).headline);

      await page.goBack();
      await page.waitForURL(`${suite.baseURL}/`);
      await expectText(page.locator('main h1'), 'All News');
      await itemLinks(page, first.id).first().waitFor({ state: 'visible' });
      assert.ok(await documentIsMarked(page), 'Back stayed in the same document');
    }));

  it('links to All News', () =>
    suite.withPage(async (page) => {
      await page.goto(articleHref(SEED_ID));
      await appStarted(page);
      await expectText(page.locator('article h1'), seed.headline);

      const allNews = page.getByRole('link', { name: 'All News', exact: true });
      await allNews.first().waitFor();
      for (const link of await allNews.all()) {
        assert.equal(await link.getAttribute('href'), '/');
      }
      await allNews.first().click();
      await page.waitForURL(`${suite.baseURL}/`);
      await expectText(page.locator('main h1'), 'All News');
    }));
});

describe('Unknown paths', () => {
  it('show a not-found page with a link back to All News', () =>
    suite.withPage(async (page) => {
      const response = await page.goto('/no/such/page');
      assert.equal(response.status(), 200, 'the SPA fallback serves index.html');

      const heading = page.locator('main h1');
      await eventually(async () => {
        const text = normalizeText((await heading.textContent({ timeout: 1_000 })) ?? '');
        assert.ok(text && text !== 'All News', `a not-found heading, not "${text}"`);
      });

      await page.locator(linkTo('/')).first().click();
      await page.waitForURL(`${suite.baseURL}/`);
      await expectText(page.locator('main h1'), 'All News');
    }));
});
