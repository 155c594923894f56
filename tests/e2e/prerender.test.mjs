// Pre-rendered pages (issue 7; issue 11, ADR 5): what a crawler or a link-preview bot gets with
// no script run, and the app adopting the page where it stands: nothing drawn again, moved or
// lost, nothing fetched before the reader acts, and the page kept when requests fail.
// Needs a build that has been pre-rendered: scripts/test runs `cargo run --bin prerender` first.

import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { appStarted, eventually, expectText, failedToLoad, launchBrowser, readSiteJson, useSuite } from './harness.mjs';

const SEED_ID = 'eight-hour-us-russia-talks';

const suite = useSuite();
let article;
before(async () => {
  article = await readSiteJson(`api/articles/${SEED_ID}.json`);
});

const squash = (text) => text.replace(/\s+/g, ' ').trim();

test('without scripts, an article page has its content, meta tags and JSON-LD', async () => {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ baseURL: suite.baseURL, javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(`/news/${SEED_ID}`);
    assert.equal(response.status(), 200);

    assert.equal(squash(await page.locator('main h1').textContent()), squash(article.headline));
    const caption = squash(await page.locator('main figure.figure--hero figcaption').textContent());
    assert.ok(caption.includes(squash(article.hero.caption)), caption);
    assert.ok(caption.includes(squash(article.hero.credit)), caption);
    const quotes = article.body.filter((b) => b.type === 'quote').map((q) => squash(q.text));
    const shown = (await page.locator('main figure.quote blockquote').allTextContents()).map(squash);
    assert.deepEqual(shown, quotes);

    const meta = async (attr, key) => {
      const tags = page.locator(`head meta[${attr}="${key}"]`);
      assert.equal(await tags.count(), 1, `one ${attr}=${key}`);
      return tags.getAttribute('content');
    };
    // Relative or absolute (a deployment passes --site): either way the same address.
    const sameAddress = (value, path) => assert.equal(new URL(value, suite.baseURL).pathname, path);
    assert.equal(await page.title(), `${article.headline} — Broadsheet`);
    assert.equal(await meta('name', 'description'), squash(article.standfirst));
    sameAddress(await page.locator('head link[rel=canonical]').getAttribute('href'), article.url);
    assert.equal(await meta('property', 'og:type'), 'article');
    assert.equal(await meta('property', 'og:title'), article.headline);
    sameAddress(await meta('property', 'og:url'), article.url);
    sameAddress(await meta('property', 'og:image'), article.hero.src);
    assert.equal(await meta('property', 'og:image:alt'), article.hero.alt);
    assert.equal(await meta('name', 'twitter:card'), 'summary_large_image');
    assert.equal(Date.parse(await meta('property', 'article:published_time')), Date.parse(article.published));

    const jsonLd = JSON.parse(await page.locator('head script[type="application/ld+json"]').textContent());
    assert.equal(jsonLd['@type'], 'NewsArticle');
    assert.equal(jsonLd.headline, article.headline);
    sameAddress(jsonLd.image[0], article.hero.src);
    assert.equal(Date.parse(jsonLd.datePublished), Date.parse(article.published));
    assert.equal(Date.parse(jsonLd.dateModified), Date.parse(article.modified));
    assert.deepEqual(jsonLd.author.map((a) => a.name), article.authors.map((a) => a.name));
    assert.equal(jsonLd.publisher.name, 'Broadsheet');
    sameAddress(jsonLd.mainEntityOfPage['@id'], article.url);
    await context.close();
  } finally {
    await browser.close();
  }
});

/**
 * Runs in the page from its first moment: every animation frame, where the headline, hero,
 * body and the way back are, and whether the headline can be seen; and every layout shift.
 * A frame after the headline was first seen in which it is not, is a flash. The elements first
 * seen are kept: after adoption `sameNodes` says whether they are still the ones shown.
 */
function watchTakeOver(selectors) {
  const watch = { frames: 0, missing: 0, moved: [], shift: 0, first: null, tookOver: false };
  let firstNodes = null;
  window.__takeOver = watch;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) watch.shift += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  const where = () => {
    const boxes = {};
    for (const name of selectors) {
      const visible = [...document.querySelectorAll(name)].find((el) => el.checkVisibility());
      if (!visible) return null;
      const { x, y, width, height } = visible.getBoundingClientRect();
      boxes[name] = [x, y + window.scrollY, width, height].map(Math.round).join(',');
    }
    return boxes;
  };
  const frame = () => {
    const now = where();
    if (now && !watch.first) {
      watch.first = now;
      firstNodes = selectors.map((name) => document.querySelector(name));
    }
    if (watch.first) {
      watch.frames += 1;
      if (!now) watch.missing += 1;
      else if (JSON.stringify(now) !== JSON.stringify(watch.first)) watch.moved.push(now);
    }
    if (!watch.tookOver && watch.first && document.documentElement.hasAttribute('data-app')) {
      watch.tookOver = true;
      // A few frames more, to see the page the app drew settle.
      let more = 5;
      const tail = () => {
        const later = where();
        watch.frames += 1;
        if (!later) watch.missing += 1;
        else if (JSON.stringify(later) !== JSON.stringify(watch.first)) watch.moved.push(later);
        if (--more > 0) requestAnimationFrame(tail);
        else {
          watch.sameNodes = selectors.every((name, i) => document.querySelector(name) === firstNodes[i]);
          watch.done = true;
        }
      };
      requestAnimationFrame(tail);
      return;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** Requests for the site's JSON documents, from now on. */
function recordApiRequests(page) {
  const seen = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) seen.push(new URL(request.url()).pathname);
  });
  return seen;
}

/** Holds the site's wasm until `release()`: the page as a reader has it before the app starts. */
async function holdTheApp(page) {
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  await page.route(/\/broadsheet-[0-9a-f]{1,16}_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Waits for the watcher to have seen the app adopt the page, and checks nothing changed. */
async function adoptedInPlace(page) {
  const watch = await eventually(async () => {
    const now = await page.evaluate(() => window.__takeOver);
    assert.ok(now.done, 'the app has adopted the page');
    return now;
  });
  assert.equal(watch.missing, 0, `the page vanished in ${watch.missing} of ${watch.frames} frames`);
  assert.deepEqual(watch.moved, [], 'nothing moved when the app adopted the page');
  assert.equal(watch.shift, 0, 'layout shift');
  assert.ok(watch.sameNodes, 'the nodes shown before adoption are the nodes shown after it');
}

test('the app adopts a pre-rendered article in place: same nodes, focus and selection kept, nothing fetched', async () => {
  await suite.withPage(async (page) => {
    await page.addInitScript(watchTakeOver, ['h1.article__headline', 'figure.figure--hero', '.article__body', '.back-to-all-news']);
    const release = await holdTheApp(page);
    const requests = recordApiRequests(page);
    const response = await page.goto(`/news/${SEED_ID}`);
    const served = await response.text();
    assert.ok(served.includes('id="page-data"'), 'the page carries its document');
    assert.ok(!/rel="(?:modulepreload|preload)"/.test(served), 'no wasm competes with the page');

    // Before the app: the page works as a document, and Share is not offered.
    assert.equal(await page.locator('.share button').isVisible(), false);
    const link = page.locator('main .article__body a[href]').first();
    await link.focus();
    const selected = await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('.article__standfirst'));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      window.__focused = document.activeElement;
      return getSelection().toString();
    });
    assert.ok(selected.length > 20);
    release();

    await appStarted(page);
    await adoptedInPlace(page);
    assert.ok(await page.evaluate(() => document.activeElement === window.__focused), 'focus stayed');
    assert.equal(await page.evaluate(() => getSelection().toString()), selected, 'the selection stayed');
    assert.equal(await page.locator('.share button').isVisible(), true, 'Share works once the app runs');
    assert.equal(await page.locator('#main').count(), 1, 'no id twice');
    // The reader's zone labels the times; datetime still carries the instant.
    assert.ok(!(await page.locator('.byline time').first().textContent()).includes('UTC'));

    await page.waitForTimeout(1000);
    assert.deepEqual(requests, [], 'nothing was fetched before the reader acted');
    await page.mouse.wheel(0, 200);
    await eventually(async () => assert.deepEqual(requests, [`/api/articles/${SEED_ID}.json`]));
    await page.waitForTimeout(300);
    assert.equal(await page.locator('.notice--quiet').count(), 0, 'an unchanged story says nothing');

    // From here on, links are followed by the app: the same document goes on.
    await page.evaluate(() => {
      window.__sameDocument = true;
    });
    const next = article.body.find((b) => b.type === 'context').links[0];
    await page.locator(`main a[href="${next.url}"]`).first().click();
    await page.waitForURL((url) => url.pathname === next.url);
    const nextArticle = await readSiteJson(`api/articles/${next.url.split('/').pop()}.json`);
    await expectText(page.locator('main h1'), nextArticle.headline);
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no new document was loaded');
    assert.equal(await page.locator('main h1').count(), 1, 'the pre-rendered article is gone');
    await eventually(async () => {
      // The JSON-LD is for crawlers, which read pages as served: the app leaves no other page's.
      assert.equal(await page.locator('head script[type="application/ld+json"]').count(), 0);
      assert.equal(await page.locator('head meta[property="og:title"]').count(), 1);
      assert.equal(await page.locator('head meta[property="og:title"]').getAttribute('content'), nextArticle.headline);
      assert.equal(await page.title(), `${nextArticle.headline} — Broadsheet`);
    });
  });
});

test('the app adopts the pre-rendered All News in place, and Load more adds to it', async () => {
  const feed = await readSiteJson('api/feed.json');
  await suite.withPage(async (page) => {
    await page.addInitScript(watchTakeOver, ['h1.feed__title', '.feed-item', '.section-nav', '.day__heading']);
    const requests = recordApiRequests(page);
    const response = await page.goto('/');
    const served = await response.text();
    assert.ok(served.includes('id="page-data"'), 'the page carries the first page of the feed');
    assert.ok(served.includes(`href="/news/${feed.items[0].id}"`), 'with links a crawler can follow');
    await appStarted(page);
    await adoptedInPlace(page);
    await page.waitForTimeout(1000);
    assert.deepEqual(requests, [], 'nothing was fetched before the reader acted');

    const before = await page.locator('.feed-item').count();
    await page.evaluate(() => {
      window.__firstStory = document.querySelector('.feed-item');
    });
    await page.getByRole('button', { name: 'Load more' }).click();
    await eventually(async () => assert.ok((await page.locator('.feed-item').count()) > before));
    assert.ok(await page.evaluate(() => document.querySelector('.feed-item') === window.__firstStory), 'what was shown stays');
    const days = await page.locator('.day__heading').allTextContents();
    assert.equal(new Set(days).size, days.length, 'one heading per day');
    assert.ok(requests.includes('/api/feed-2.json'));
  });
});

test('when every request fails after the page arrived, the page stays readable with a quiet notice', async () => {
  for (const path of [`/news/${SEED_ID}`, '/']) {
    await suite.withPage(async (page) => {
      await page.route('**/api/**', (route) => route.abort('internetdisconnected'));
      await page.goto(path);
      await appStarted(page);
      await page.mouse.wheel(0, 100);
      const notice = page.locator('.notice--quiet');
      await notice.waitFor();
      assert.match(await notice.locator('p').textContent(), /We couldn't check for newer news\. We could not reach the news service/);
      assert.equal(await notice.getByRole('button', { name: 'Retry' }).count(), 1);
      assert.equal(await page.locator('main h1').count(), 1);
      assert.ok(await page.locator(path === '/' ? '.feed-item' : '.article__body p').first().isVisible());
    }, { allowConsoleErrors: [/Failed to load resource: net::ERR_INTERNET_DISCONNECTED/] });
  }
});

test('a story removed since the page was published says so at the reader\'s first action', async () => {
  await suite.withPage(async (page) => {
    await page.route(`**/api/articles/${SEED_ID}.json`, (route) => route.fulfill({ status: 410, body: 'gone' }));
    await page.goto(`/news/${SEED_ID}`);
    await appStarted(page);
    await expectText(page.locator('main h1'), squash(article.headline));
    await page.keyboard.press('Shift');
    await expectText(page.locator('main h1'), 'Story removed');
  }, { allowConsoleErrors: [failedToLoad(410, `/api/articles/${SEED_ID}.json`)] });
});

test('a section\'s address is served that section, before and after the app starts', async () => {
  const feed = await readSiteJson('api/feed.json');
  const section = feed.items.find((i) => i._broadsheet?.section)._broadsheet.section;
  await suite.withPage(async (page) => {
    const response = await page.goto(`/?section=${encodeURIComponent(section)}`);
    const served = await response.text();
    const kickers = (html) => [...html.matchAll(/class="kicker"><a [^>]*>([^<]*)</g)].map((m) => m[1]);
    assert.ok(kickers(served).length > 0);
    assert.deepEqual([...new Set(kickers(served))], [section], 'the served page shows only that section');
    await appStarted(page);
    await expectText(page.locator('main h1'), section);
    const shown = await page.locator('.feed-item .kicker').allTextContents();
    assert.deepEqual([...new Set(shown.map(squash))], [section]);
  });
});

test('a story with no pre-rendered page is served the app shell and works as before', async () => {
  await suite.withPage(async (page) => {
    const response = await page.goto('/news/no-such-story');
    assert.ok(!(await response.text()).includes('id="page-data"'));
    await expectText(page.locator('main h1'), 'Page not found');
    await page.locator('main .back-to-all-news a').click();
    await expectText(page.locator('main h1'), 'All News');
  }, { allowConsoleErrors: [failedToLoad(404, '/api/articles/no-such-story.json')] });
});
