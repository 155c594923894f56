// Pre-rendered article pages (issue 7, ADR 4): what a crawler or a link-preview bot gets with no
// script run, and the app taking the page over with nothing moving or disappearing.
// Needs a build that has been pre-rendered: scripts/test runs `cargo run --bin prerender` first.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eventually, expectText, failedToLoad, launchBrowser, openSuite, readSiteJson } from './harness.mjs';

const SEED_ID = 'eight-hour-us-russia-talks';

let suite;
let article;
before(async () => {
  suite = await openSuite();
  article = await readSiteJson(`api/articles/${SEED_ID}.json`);
});
after(() => suite?.close());

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
 * A frame after the headline was first seen in which it is not, is a flash.
 */
function watchTakeOver(selectors) {
  const watch = { frames: 0, missing: 0, moved: [], shift: 0, first: null, tookOver: false };
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
    if (now && !watch.first) watch.first = now;
    if (watch.first) {
      watch.frames += 1;
      if (!now) watch.missing += 1;
      else if (JSON.stringify(now) !== JSON.stringify(watch.first)) watch.moved.push(now);
    }
    if (!watch.tookOver && watch.first && !document.getElementById('prerendered')) {
      watch.tookOver = true;
      // A few frames more, to see the page the app drew settle.
      let more = 5;
      const tail = () => {
        const later = where();
        watch.frames += 1;
        if (!later) watch.missing += 1;
        else if (JSON.stringify(later) !== JSON.stringify(watch.first)) watch.moved.push(later);
        if (--more > 0) requestAnimationFrame(tail);
        else watch.done = true;
      };
      requestAnimationFrame(tail);
      return;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

test('the app takes over the pre-rendered page with no flash and no shift, then navigates client-side', async () => {
  await suite.withPage(async (page) => {
    await page.addInitScript(watchTakeOver, ['h1.article__headline', 'figure.figure--hero', '.article__body', '.back-to-all-news']);
    const response = await page.goto(`/news/${SEED_ID}`);
    assert.ok((await response.text()).includes('id="prerendered"'), 'the server sent the pre-rendered page');

    const watch = await eventually(async () => {
      const now = await page.evaluate(() => window.__takeOver);
      assert.ok(now.done, 'the app has taken over');
      return now;
    });
    assert.equal(watch.missing, 0, `the headline or the article vanished in ${watch.missing} of ${watch.frames} frames`);
    assert.deepEqual(watch.moved, [], 'nothing moved when the app took over');
    assert.equal(watch.shift, 0, 'layout shift');
    assert.ok(watch.frames > 5);
    // The app's page is now the one shown, with the head the app sets, each tag once.
    assert.equal(await page.locator('#app').getAttribute('hidden'), null);
    assert.equal(await page.locator('head meta[property="og:title"]').count(), 1);
    assert.equal(await page.locator('head meta[property="og:title"]').getAttribute('content'), article.headline);

    // From here on, links are followed by the app's router: the same document goes on.
    await page.evaluate(() => {
      window.__sameDocument = true;
    });
    const next = article.body.find((b) => b.type === 'context').links[0];
    await page.locator(`main a[href="${next.url}"]`).first().click();
    await page.waitForURL((url) => url.pathname === next.url);
    const nextArticle = await readSiteJson(`api/articles/${next.url.split('/').pop()}.json`);
    await expectText(page.locator('main h1'), nextArticle.headline);
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no new document was loaded');
    await eventually(async () => {
      // The JSON-LD is for crawlers, which read pages as served: the app leaves no other page's.
      assert.equal(await page.locator('head script[type="application/ld+json"]').count(), 0);
      assert.equal(await page.locator('head meta[property="og:title"]').getAttribute('content'), nextArticle.headline);
      assert.equal(await page.title(), `${nextArticle.headline} — Broadsheet`);
    });
  });
});

test('All News is pre-rendered too, taken over in place, and pages on as before', async () => {
  const feed = await readSiteJson('api/feed.json');
  await suite.withPage(async (page) => {
    await page.addInitScript(watchTakeOver, ['h1.feed__title', '.feed-item', '.section-nav', '.feed__more']);
    const response = await page.goto('/');
    const served = await response.text();
    assert.ok(served.includes('id="prerendered"'), 'the server sent the pre-rendered All News');
    assert.ok(served.includes(`href="/news/${feed.items[0].id}"`), 'with links a crawler can follow');

    const watch = await eventually(async () => {
      const now = await page.evaluate(() => window.__takeOver);
      assert.ok(now.done, 'the app has taken over');
      return now;
    });
    assert.equal(watch.missing, 0, `All News vanished in ${watch.missing} of ${watch.frames} frames`);
    assert.deepEqual(watch.moved, [], 'nothing moved when the app took over');
    assert.equal(watch.shift, 0, 'layout shift');
    assert.equal(await page.locator('head meta[property="og:type"]').count(), 1);
    assert.equal(await page.locator('head meta[property="og:type"]').getAttribute('content'), 'website');

    // The app's own feed now: Load more brings the next page.
    const before = await page.locator('.feed-item').count();
    await page.getByRole('button', { name: 'Load more' }).click();
    await eventually(async () => assert.ok((await page.locator('.feed-item').count()) > before));
  });
});

test('a story with no pre-rendered page is served the app shell and works as before', async () => {
  await suite.withPage(async (page) => {
    const response = await page.goto('/news/no-such-story');
    assert.ok(!(await response.text()).includes('id="prerendered"'));
    await expectText(page.locator('main h1'), 'Page not found');
    await page.locator('main .back-to-all-news a').click();
    await expectText(page.locator('main h1'), 'All News');
  }, { allowConsoleErrors: [failedToLoad(404, '/api/articles/no-such-story.json')] });
});
