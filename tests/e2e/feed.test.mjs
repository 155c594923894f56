// End-to-end tests of All News (`/`) of the release build in dist/, in Chromium: the section
// filter, the store that keeps loaded pages and the scroll position across Back, the announced
// "Load more", the paging guards, errors with Retry, and a hostile feed.
// Run: node --test tests/e2e/
//
// Expected content comes from the sample feed in dist/api/, never from literals. The only
// literals are the interface's own words that the brief fixes ("All News", "All", "Retry") and
// the document title's " — Broadsheet" suffix. Feeds that the sample does not have (duplicates,
// loops, failures, hostile strings) are answered with `page.route`, built from the sample pages.

import assert from 'node:assert/strict';
import { STATUS_CODES } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { appStarted, articleHref, eventually, expectText, failedToLoad, nextFrames, normalizeText, openSuite, readSiteJson, serveAppShell } from './harness.mjs';

const FEED_PATH = '/api/feed.json';
const FEED_2_PATH = '/api/feed-2.json';

const readArticle = (id) => readSiteJson(`api/articles/${encodeURIComponent(id)}.json`);
/** A CSS attribute selector for an exact href, quoted safely whatever the value holds. */
const linkTo = (href) => `a[href=${JSON.stringify(href)}]`;
const sectionOf = (item) => item._broadsheet?.section;
const byId = (items) => items.map((item) => articleHref(item.id)).sort();

/** The sections of `items`, each once, in order of first appearance (as the app lists them). */
const sectionsOf = (items) => [...new Set(items.map(sectionOf).filter(Boolean))];

let suite;

/**
 * All News as the app alone renders it, from the app shell: these tests are of the app's own
 * feed. The pre-rendered All News and its take-over are prerender.test.mjs's.
 */
const withFeedPage = (fn, options) =>
  suite.withPage(async (page) => {
    await serveAppShell(page, '/');
    await fn(page);
  }, options);
/** The sample feed's documents in next_url order, each `{ path, doc }`. */
let feedDocs;
let feedPages; // the items of each page

/** Reads the sample feed's pages from dist/api/, following next_url as the app does. */
async function readFeedDocs() {
  const docs = [];
  const visited = new Set();
  let url = new URL(FEED_PATH, 'http://site.invalid');
  for (;;) {
    assert.ok(!visited.has(url.href), `the sample feed's next_url loops back to ${url.pathname}`);
    visited.add(url.href);
    const doc = await readSiteJson(decodeURIComponent(url.pathname.slice(1)));
    docs.push({ path: url.pathname, doc });
    if (!doc.next_url) return docs;
    url = new URL(doc.next_url, url);
  }
}

before(async () => {
  feedDocs = await readFeedDocs();
  feedPages = feedDocs.map(({ doc }) => doc.items);
  assert.ok(feedPages.length >= 2, 'the sample feed has at least two pages');
  assert.equal(feedDocs[1].path, FEED_2_PATH, "feed.json's next_url names feed-2.json");
  suite = await openSuite();
});

after(() => suite?.close());

/** Marks the current document, so a later check can tell a client-side route from a reload. */
const markDocument = (page) => page.evaluate(() => (window.__marker = 1));
const documentIsMarked = (page) => page.evaluate(() => window.__marker === 1);

const feedItems = (page) => page.locator('main article.feed-item');
const titleLink = (page, id) => page.locator(`main article.feed-item h3 ${linkTo(articleHref(id))}`);
/** The listed item whose title links `/news/<id>`. */
const feedItem = (page, id) => feedItems(page).filter({ has: page.locator(`h3 ${linkTo(articleHref(id))}`) });
const moreButton = (page) => page.locator('main .feed__more').getByRole('button', { name: /more/i });
const feedStatus = (page) => page.locator('main p#feed-status[role="status"]');
const feedEnd = (page) => page.locator('main p.feed__end');
const sectionNav = (page) => page.locator('nav.section-nav[aria-label="Sections"]');
const scrollY = (page) => page.evaluate(() => window.scrollY);

/** The hrefs of the listed items' title links, sorted. */
const shownIds = async (page) =>
  (await page.locator('main article.feed-item h3 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).sort();

/** Waits until the listed items are exactly `items` (by id). */
const expectListed = (page, items) =>
  eventually(async () => assert.deepEqual(await shownIds(page), byId(items), 'the listed items'));

/** Records the feed pages the page asks for: `{ paths, count(path) }`. */
function countFeedRequests(page) {
  const paths = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/api/feed')) paths.push(pathname);
  });
  return { paths, count: (path) => paths.filter((p) => p === path).length };
}

/** A JSON answer for `page.route`. */
const jsonAnswer = (doc) => ({ status: 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify(doc) });

/** A feed item of the test's own: the first sample item under another id and title. */
const storyOfOurOwn = (id, title, fields) => ({ ...feedDocs[0].doc.items[0], id, url: articleHref(id), title, ...fields });

/** A server's plain-text error page for `status`. */
const errorAnswer = (status) => ({ status, contentType: 'text/plain', body: STATUS_CODES[status] });

/** Answers every request for `path` with `doc`. */
const serveFeed = (page, path, doc) => page.route(`**${path}`, (route) => route.fulfill(jsonAnswer(doc)));

/** Answers the first request for `path` with `answer`, then lets requests through; counts them. */
async function failFirst(page, path, answer) {
  const seen = { count: 0 };
  await page.route(`**${path}`, async (route) => {
    seen.count += 1;
    if (seen.count === 1) await route.fulfill(answer);
    else await route.fallback();
  });
  return seen;
}

/** Opens `url` (default `/`) and waits until the first item of the first page is listed. */
async function openFeed(page, url = '/') {
  await page.goto(url);
  await titleLink(page, feedPages[0][0].id).waitFor();
  // Until the app runs, a link is an ordinary link to the next page (ADR 5).
  await appStarted(page);
}

/**
 * Clicks "Load more" and waits until the page it asked for has answered and the feed has
 * settled: nothing loading, and the button enabled again or replaced by the end line.
 */
async function loadMore(page) {
  const answered = page.waitForResponse((response) => new URL(response.url()).pathname.startsWith('/api/feed'));
  await moreButton(page).click();
  await answered;
  await eventually(async () => {
    assert.equal(normalizeText((await feedStatus(page).textContent()) ?? ''), '', 'nothing is loading');
    const buttons = await moreButton(page).count();
    if (buttons > 0) assert.ok(await moreButton(page).isEnabled(), 'the button is enabled again');
    else await feedEnd(page).waitFor({ state: 'visible', timeout: 1_000 });
  });
}

/** Scrolls `locator` to the middle of the viewport; resolves to the settled `scrollY`. */
async function scrollToMiddle(page, locator) {
  await locator.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  return eventually(async () => {
    const first = await scrollY(page);
    await nextFrames(page);
    assert.equal(await scrollY(page), first, 'the scroll position has settled');
    return first;
  });
}

/** The feed's error notice (`within` narrows where), with its Retry button. */
async function expectErrorNotice(page, { within = 'main', message, timeout } = {}) {
  const alert = page.locator(`${within} .notice--error[role="alert"]`);
  await alert.waitFor({ state: 'visible', timeout });
  const text = normalizeText(await alert.textContent());
  assert.ok(text.length > 0, 'the alert says something');
  if (message) assert.match(text, message, `the alert's text: "${text}"`);
  await alert.getByRole('button', { name: 'Retry', exact: true }).waitFor({ state: 'visible' });
  return alert;
}

describe('All News: sections', () => {
  it('narrows the feed to a kicker\'s section client-side, "All" widens it again, and a section loaded directly pages to the end', () =>
    withFeedPage(async (page) => {
      const firstPage = feedPages[0];
      const item = firstPage.find((candidate) => sectionOf(candidate));
      assert.ok(item, 'the first page has an item with a section');
      const section = sectionOf(item);
      const sectionHref = `/?section=${encodeURIComponent(section)}`;

      await openFeed(page);
      await expectText(page.locator('main h1'), 'All News');
      const nav = sectionNav(page);
      await eventually(async () =>
        assert.deepEqual(
          (await nav.locator('a').allTextContents()).map(normalizeText),
          ['All', ...sectionsOf(firstPage)],
          'the section nav lists All, then the sections of the loaded items in order of first appearance',
        ),
      );
      assert.equal(await nav.locator('a[aria-current="page"]').getAttribute('href'), '/', '"All" is current');
      await markDocument(page);

      // The kicker of that item links its section.
      const kicker = feedItem(page, item.id).locator('p.kicker a');
      assert.equal(await kicker.getAttribute('href'), sectionHref);
      await expectText(kicker, section);
      await kicker.click();

      await page.waitForURL(`${suite.baseURL}${sectionHref}`);
      await expectText(page.locator('main h1'), section);
      await expectListed(page, firstPage.filter((candidate) => sectionOf(candidate) === section));
      assert.ok(await documentIsMarked(page), 'the section opened without a page load');
      const kickers = (await feedItems(page).locator('p.kicker a').allTextContents()).map(normalizeText);
      assert.equal(kickers.length, await feedItems(page).count(), 'every listed item has a kicker');
      for (const text of kickers) assert.equal(text, section, 'every listed item is in the section');
      const current = nav.locator('a[aria-current="page"]');
      assert.equal(await current.count(), 1, 'one section is current');
      assert.equal(await current.getAttribute('href'), sectionHref);
      await expectText(current, section);
      await eventually(async () => assert.equal(await page.title(), `${section} — Broadsheet`));

      // "All" shows every item of the first page again.
      await nav.locator(linkTo('/')).click();
      await page.waitForURL(`${suite.baseURL}/`);
      await expectText(page.locator('main h1'), 'All News');
      await expectListed(page, firstPage);
      assert.equal(await nav.locator('a[aria-current="page"]').getAttribute('href'), '/');
      assert.ok(await documentIsMarked(page), '"All" opened without a page load');

      // A section loaded directly keeps its filter while "Load more" pages to the end.
      const science = 'Science';
      const allItems = feedPages.flat();
      const scienceItems = allItems.filter((candidate) => sectionOf(candidate) === science);
      assert.ok(
        feedPages.every((items) => items.some((candidate) => sectionOf(candidate) === science)),
        'every sample page has a Science item',
      );
      await page.goto(`/?section=${science}`);
      await expectText(page.locator('main h1'), science);
      await expectListed(page, scienceItems.filter((candidate) => feedPages[0].includes(candidate)));
      for (let index = 1; index < feedPages.length; index += 1) await loadMore(page);
      await feedEnd(page).waitFor({ state: 'visible' });
      assert.equal(await moreButton(page).count(), 0, 'no "Load more" after the last page');
      await expectListed(page, scienceItems);
      await expectText(nav.locator('a[aria-current="page"]'), science);
      assert.deepEqual(
        (await nav.locator('a').allTextContents()).map(normalizeText),
        ['All', ...sectionsOf(allItems)],
        'the section nav now lists the sections of every loaded page',
      );
      await eventually(async () => assert.equal(await page.title(), `${science} — Broadsheet`));
    }));
});

describe('All News: the loaded pages are kept', () => {
  it('Back from an article shows the loaded pages again at the scroll position left, with no refetch', () =>
    withFeedPage(async (page) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      const requests = countFeedRequests(page);
      await openFeed(page);
      await loadMore(page);
      await expectListed(page, [...feedPages[0], ...feedPages[1]]);

      const target = feedPages[1][Math.min(1, feedPages[1].length - 1)];
      const link = titleLink(page, target.id);
      const left = await scrollToMiddle(page, link);
      assert.ok(left > 0, `the page scrolled down to a page-2 item (scrollY ${left})`);
      const box = await link.boundingBox();
      assert.ok(box && box.y >= 0 && box.y + box.height <= 800, `the page-2 item is in view: ${JSON.stringify(box)}`);
      assert.equal(requests.count(FEED_PATH), 1);
      assert.equal(requests.count(FEED_2_PATH), 1);
      await markDocument(page);
      const before = requests.paths.length;

      await link.click();
      await page.waitForURL(`**${articleHref(target.id)}`);
      await expectText(page.locator('article h1'), (await readArticle(target.id)).headline);

      await page.goBack();
      await page.waitForURL(`${suite.baseURL}/`);
      await expectText(page.locator('main h1'), 'All News');
      await expectListed(page, [...feedPages[0], ...feedPages[1]]);
      assert.ok(await documentIsMarked(page), 'Back stayed in the same document');
      assert.deepEqual(requests.paths.slice(before), [], 'no feed page was fetched again');
      await eventually(async () => {
        const now = await scrollY(page);
        assert.ok(Math.abs(now - left) <= 30, `scrollY ${now} is back near ${left}`);
      }, { timeout: 5_000 }); // a restore happens within a frame or two of the render
      await titleLink(page, target.id).waitFor({ state: 'visible' });
    }));
});

describe('All News: the "All News" link', () => {
  /** Opens the feed, loads page 2, scrolls to a page-2 item and opens it. */
  async function openPage2Article(page, id) {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openFeed(page);
    await loadMore(page);
    const left = await scrollToMiddle(page, titleLink(page, id));
    assert.ok(left > 0, `the page scrolled down (scrollY ${left})`);
    await markDocument(page);
    await titleLink(page, id).click();
    await page.waitForURL(`**${articleHref(id)}`);
    const article = await readArticle(id);
    await expectText(page.locator('article h1'), article.headline);
    return article;
  }

  /** Clicks the article's "All News" link and expects the feed at its top. */
  async function followAllNewsToTop(page) {
    const allNews = page.locator('main p.back-to-all-news a');
    await expectText(allNews, 'All News');
    await allNews.click();
    await page.waitForURL(`${suite.baseURL}/`);
    await expectText(page.locator('main h1'), 'All News');
    await titleLink(page, feedPages[0][0].id).waitFor();
    await nextFrames(page);
    await nextFrames(page);
    assert.equal(await scrollY(page), 0, 'the feed is shown from its top');
    assert.ok(await documentIsMarked(page), 'All News opened without a page load');
  }

  it('from an article opens the feed at its top, not where the reader left it', () =>
    withFeedPage(async (page) => {
      await openPage2Article(page, feedPages[1][feedPages[1].length - 1].id);
      await followAllNewsToTop(page);
    }));

  it('opens the feed at its top after Back has left the feed for an article', () =>
    withFeedPage(async (page) => {
      // A short viewport: the position the app keeps is clamped to the article skeleton's height.
      await page.setViewportSize({ width: 1280, height: 500 });
      const last = feedPages[1][feedPages[1].length - 1];
      const article = await readArticle(feedPages[0][0].id);
      await page.goto(articleHref(article.id));
      await appStarted(page);
      await expectText(page.locator('article h1'), article.headline);
      await markDocument(page);
      await page.locator('main p.back-to-all-news a').click();
      await page.waitForURL(`${suite.baseURL}/`);
      await titleLink(page, feedPages[0][0].id).waitFor();
      await loadMore(page);
      assert.ok((await scrollToMiddle(page, titleLink(page, last.id))) > 0, 'the feed scrolled down');

      // Back leaves the feed for the article; its "All News" link is not a move in history.
      await page.goBack();
      await page.waitForURL(`**${articleHref(article.id)}`);
      await expectText(page.locator('article h1'), article.headline);
      await page.evaluate(() => window.scrollTo(0, 0));
      await followAllNewsToTop(page);
    }));
});

describe('All News: "Load more"', () => {
  it('disables the button and announces the load while page 2 is on its way, then shows the end', () =>
    withFeedPage(async (page) => {
      assert.equal(feedPages.length, 2, 'the sample feed ends with feed-2.json');
      let release;
      const held = new Promise((resolve) => (release = resolve));
      let asked = 0;
      await page.route(`**${FEED_2_PATH}`, async (route) => {
        asked += 1;
        await held;
        await route.fallback();
      });
      try {
        await openFeed(page);
        const button = moreButton(page);
        assert.equal(await button.getAttribute('aria-describedby'), 'feed-status');
        assert.equal(normalizeText((await feedStatus(page).textContent()) ?? ''), '', 'nothing announced yet');

        await button.click();
        await eventually(() => assert.equal(asked, 1, 'page 2 was asked for'));
        assert.ok(await button.isDisabled(), 'the button is disabled while loading');
        const status = normalizeText((await feedStatus(page).textContent()) ?? '');
        assert.ok(status.length > 0, 'the status line says the feed is loading');
        await button.click({ force: true, timeout: 1_000 }).catch(() => {});
        await nextFrames(page);
        assert.equal(asked, 1, 'a disabled button asks for nothing more');
      } finally {
        release();
      }

      await expectListed(page, feedPages.flat());
      await eventually(async () =>
        assert.equal(normalizeText((await feedStatus(page).textContent()) ?? ''), '', 'the status line is empty again'),
      );
      assert.equal(await moreButton(page).count(), 0, 'the button is gone at the end');
      await feedEnd(page).waitFor({ state: 'visible' });
      assert.ok(normalizeText(await feedEnd(page).textContent()).length > 0, 'the end line says something');
    }));
});

describe('All News: paging guards', () => {
  it('shows an item repeated on a later page once', () =>
    withFeedPage(async (page) => {
      const [{ doc: first }, { doc: second }] = feedDocs;
      const repeated = first.items[1];
      const fresh = second.items[0];
      const { next_url, ...rest } = second;
      // Page 2 repeats an item of page 1 and adds a new one, which it lists twice itself.
      await serveFeed(page, FEED_2_PATH, { ...rest, items: [{ ...repeated }, fresh, { ...fresh }] });

      await openFeed(page);
      await loadMore(page);
      await titleLink(page, fresh.id).waitFor();
      await expectListed(page, [...first.items, fresh]);
      assert.equal(await titleLink(page, repeated.id).count(), 1, `${repeated.id} is listed once`);
      assert.equal(await titleLink(page, fresh.id).count(), 1, `${fresh.id} is listed once`);
    }));

  it('ends the paging when next_url points back to a page already fetched', () =>
    withFeedPage(async (page) => {
      const requests = countFeedRequests(page);
      const [, { doc: second }] = feedDocs;
      await serveFeed(page, FEED_2_PATH, { ...second, next_url: 'feed.json' });

      await openFeed(page);
      await loadMore(page);
      await expectListed(page, [...feedPages[0], ...second.items]);
      await feedEnd(page).waitFor({ state: 'visible' });
      assert.equal(await moreButton(page).count(), 0, 'no "Load more" for a page already fetched');
      await nextFrames(page);
      assert.equal(requests.count(FEED_PATH), 1, 'feed.json was fetched once');
      assert.equal(requests.count(FEED_2_PATH), 1, 'feed-2.json was fetched once');
    }));
});

describe('All News: errors and Retry', () => {
  // The reader's way out is the same however the feed fails: only what the alert says differs.
  for (const { fault, answer, message, allowConsoleErrors } of [
    { fault: 'answers 500', answer: errorAnswer(500), allowConsoleErrors: [failedToLoad(500, FEED_PATH)] },
    { fault: 'is not a JSON Feed', answer: jsonAnswer({ not: 'a feed' }), message: /could ?n[o']t (be )?read/i },
  ]) {
    it(`shows an alert when feed.json ${fault}, and Retry loads the feed`, () =>
      withFeedPage(
        async (page) => {
          const seen = await failFirst(page, FEED_PATH, answer);
          await page.goto('/');
          const alert = await expectErrorNotice(page, { message });
          assert.equal(await feedItems(page).count(), 0, 'no items beside the error');
          await alert.getByRole('button', { name: 'Retry', exact: true }).click();
          await expectListed(page, feedPages[0]);
          assert.equal(await page.locator('main .notice--error').count(), 0, 'the alert is gone');
          assert.equal(seen.count, 2, 'Retry fetched feed.json again');
        },
        { allowConsoleErrors },
      ));
  }

  it('shows an alert below the list when "Load more" fails, keeps the items, and Retry loads page 2', () =>
    withFeedPage(
      async (page) => {
        const seen = await failFirst(page, FEED_2_PATH, errorAnswer(503));
        await openFeed(page);
        await loadMore(page);
        const alert = await expectErrorNotice(page, { within: 'main .feed__more' });
        await expectListed(page, feedPages[0]);
        const below = await page.evaluate(() => {
          const items = document.querySelectorAll('main article.feed-item');
          const notice = document.querySelector('main .notice--error');
          return Boolean(
            items[items.length - 1].compareDocumentPosition(notice) & Node.DOCUMENT_POSITION_FOLLOWING,
          );
        });
        assert.ok(below, 'the alert comes after the last item');

        await alert.getByRole('button', { name: 'Retry', exact: true }).click();
        await expectListed(page, feedPages.flat());
        await eventually(async () => assert.equal(await page.locator('main .notice--error').count(), 0, 'the alert is gone'));
        await feedEnd(page).waitFor({ state: 'visible' });
        assert.equal(seen.count, 2, 'Retry fetched feed-2.json again');
      },
      { allowConsoleErrors: [failedToLoad(503, FEED_2_PATH)] },
    ));
});

describe('All News: hostile feed', () => {
  it('shows hostile strings as text, drops javascript: URLs and runs nothing', () =>
    withFeedPage(async (page) => {
      const [{ doc: first }] = feedDocs;
      const attack = 'javascript:window.__xss=1';
      const hostile = {
        id: 'hostile-item',
        url: attack,
        title: '<img src=x onerror="window.__xss=1">',
        summary: '<script>window.__xss=1</script>',
        image: attack,
        date_published: first.items[0].date_published,
        _broadsheet: {
          section: '<img src=x onerror="window.__xss=1">',
          article: attack,
          image_alt: '"><img src=x onerror="window.__xss=1">',
        },
      };
      const { next_url, ...rest } = first;
      await serveFeed(page, FEED_PATH, { ...rest, items: [hostile, first.items[0]] });
      const dialogs = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        dialog.dismiss().catch(() => {});
      });

      await page.goto('/');
      await titleLink(page, first.items[0].id).waitFor();
      const card = feedItem(page, hostile.id);
      await expectText(card.locator('h3 a'), hostile.title);
      await expectText(card.locator('p.kicker a'), hostile._broadsheet.section);
      assert.ok(
        normalizeText(await card.textContent()).includes(hostile.summary),
        'the summary shows as literal text',
      );
      assert.equal(await card.locator('img').count(), 0, 'a javascript: image is not shown');

      await nextFrames(page);
      const found = await page.evaluate(() => ({
        xss: typeof window.__xss,
        imgX: document.querySelectorAll('img[src="x"]').length,
        scripts: document.querySelectorAll('main script').length,
        badLinks: [...document.querySelectorAll('[href], [src]')]
          .map((element) => element.getAttribute('href') ?? element.getAttribute('src'))
          .filter((url) => /^\s*javascript:/i.test(url)),
      }));
      assert.deepEqual(found, { xss: 'undefined', imgX: 0, scripts: 0, badLinks: [] });
      assert.deepEqual(dialogs, [], 'no dialog opened');
    }));
});

describe('All News: new stories', () => {
  it('offers stories published since the feed loaded, and shows them only when asked', () =>
    withFeedPage(async (page) => {
      // The app looks again every minute: a fake clock makes that minute pass at once.
      await page.clock.install();
      const [firstDoc] = feedDocs;
      const fresh = storyOfOurOwn('e2e-fresh-story', 'A story published while the reader was reading', {
        date_published: new Date(Date.parse(firstDoc.doc.items[0].date_published) + 3_600_000).toISOString(),
      });
      let requests = 0;
      await page.route(`**${FEED_PATH}`, (route) => {
        requests += 1;
        const doc = requests === 1 ? firstDoc.doc : { ...firstDoc.doc, items: [fresh, ...firstDoc.doc.items] };
        return route.fulfill(jsonAnswer(doc));
      });
      await openFeed(page);
      const prompt = page.locator('main [role="status"] button', { hasText: /new stor/ });
      assert.equal(await prompt.isVisible(), false, 'nothing new yet');

      await page.clock.runFor(61_000);
      await expectText(prompt, '1 new story');
      assert.equal(requests, 2, 'the feed was fetched again once');
      assert.equal(await titleLink(page, fresh.id).count(), 0, 'the list did not move under the reader');

      await prompt.click();
      await titleLink(page, fresh.id).waitFor();
      const firstShown = await page.locator('main article.feed-item h3 a').first().getAttribute('href');
      assert.equal(firstShown, articleHref(fresh.id), 'the new story is at the top');
      assert.equal(await prompt.isVisible(), false, 'the prompt is gone');
      await expectListed(page, [fresh, ...feedPages[0]]);
    }));
});

describe('All News: offline', () => {
  it('says when the reader is offline, keeps what is loaded, and recovers', () =>
    withFeedPage(
      async (page) => {
        await openFeed(page);
        const notice = page.locator('.offline-notice[role="status"]');
        assert.equal(normalizeText((await notice.textContent()) ?? ''), '', 'silent while online');
        await page.context().setOffline(true);
        await eventually(async () => assert.match(normalizeText(await notice.textContent()), /offline/i));
        await moreButton(page).click();
        await expectErrorNotice(page, { within: 'main .feed__more', message: /reach|connection/i });
        await expectListed(page, feedPages[0]);
        await page.context().setOffline(false);
        await eventually(async () => assert.equal(normalizeText((await notice.textContent()) ?? ''), ''));
        await page.locator('main .feed__more').getByRole('button', { name: 'Retry' }).click();
        await expectListed(page, [...feedPages[0], ...feedPages[1]]);
      },
      // Chromium reports the fetch it could not make while offline.
      { allowConsoleErrors: [/ERR_INTERNET_DISCONNECTED/] },
    ));
});

describe('All News: heavy and silent endpoints', () => {
  it('shows a 5 MB page: its items, with the huge one among them', () =>
    withFeedPage(async (page) => {
      const [firstDoc] = feedDocs;
      const huge = storyOfOurOwn('e2e-huge-item', 'An item carrying five megabytes of text', {
        content_text: 'word '.repeat(1_000_000),
      });
      const doc = { ...firstDoc.doc, items: [...firstDoc.doc.items, huge] };
      assert.ok(JSON.stringify(doc).length > 5_000_000, 'the page is over 5 MB');
      await serveFeed(page, FEED_PATH, doc);
      await openFeed(page);
      await expectListed(page, [...feedPages[0], huge]);
    }));

  it('gives up on a feed that never answers, says so, and Retry loads it', () =>
    withFeedPage(async (page) => {
      let hold = true;
      await page.route(`**${FEED_PATH}`, (route) => (hold ? undefined : route.fallback()));
      await page.goto('/');
      await page.locator('main .skeleton').waitFor();
      await expectErrorNotice(page, { message: /too long/i, timeout: 20_000 });
      hold = false;
      await page.locator('main').getByRole('button', { name: 'Retry' }).click();
      await expectListed(page, feedPages[0]);
    }));
});

describe('All News: article documents', () => {
  it("opens an item's article from the document its _broadsheet.article names", () =>
    withFeedPage(async (page) => {
      const [firstDoc] = feedDocs;
      const seed = await readArticle('eight-hour-us-russia-talks');
      // An id that names no file: only the extension's URL can lead to the document.
      const item = storyOfOurOwn('e2e-renamed-story', 'A story whose document lives under another name', {
        _broadsheet: { ...firstDoc.doc.items[0]._broadsheet, article: 'articles/eight-hour-us-russia-talks.json' },
      });
      await serveFeed(page, FEED_PATH, { ...firstDoc.doc, items: [item, ...firstDoc.doc.items] });
      await page.goto('/');
      await titleLink(page, item.id).click();
      await expectText(page.locator('article h1'), seed.headline);
    }));
});

describe('All News: empty', () => {
  it('says there are no stories when the feed has none', () =>
    withFeedPage(async (page) => {
      const [firstDoc] = feedDocs;
      const { next_url: _, ...empty } = { ...firstDoc.doc, items: [] };
      await serveFeed(page, FEED_PATH, empty);
      await page.goto('/');
      await expectText(page.locator('main p.notice'), 'There are no stories yet.');
      assert.equal(await feedItems(page).count(), 0);
      assert.equal(await page.locator('main .notice--error').count(), 0, 'empty is not an error');
    }));
});
