// End-to-end tests of the article page (`/news/:id`) of the release build in dist/, in Chromium.
// Run: node --test tests/e2e/
//
// Expected content comes from the sample documents in dist/api/articles/, never from literals.
// The only literals are the interface's own words that the brief fixes ("All News", "Retry",
// "Page not found", "took too long") and the document title's " — Broadsheet" suffix.

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { appStarted, articleHref, articleJsonPath, DIST_DIR, eventually, expectText, normalizeText, openSuite, readSiteJson, serveAppShell } from './harness.mjs';

const SEED_ID = 'eight-hour-us-russia-talks';
const RTL_ID = 'arabic-sample';
const STRESS_ID = 'long-words-and-long-captions';

/** The app abandons an article request after 10 s; allow for a slow machine on top. */
const APP_TIMEOUT_MS = 10_000;
const TIMEOUT_WAIT_MS = 20_000;

const readArticle = (id) => readSiteJson(articleJsonPath(id));
/** A CSS attribute selector for an exact href, quoted safely whatever the value holds. */
const linkTo = (href) => `a[href=${JSON.stringify(href)}]`;
/** The `datetime` form the app writes: UTC, whole seconds, `Z`. */
const utcDateTime = (timestamp) => new Date(timestamp).toISOString().replace('.000Z', 'Z');

/**
 * Chromium's own console line for an HTTP error answer to a resource whose path starts with
 * `pathPrefix` (the app itself logs nothing for it).
 */
const failedToLoad = (status, pathPrefix) =>
  new RegExp(
    `^console\\.error: Failed to load resource: the server responded with a status of ${status}\\b.*` +
      `\\(https?://[^/]+${pathPrefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^\\s]*:\\d+\\)$`,
  );

let suite;
let seed;

before(async () => {
  seed = await readArticle(SEED_ID);
  suite = await openSuite();
});

after(() => suite?.close());

/** Marks the current document, so a later check can tell a client-side route from a reload. */
const markDocument = (page) => page.evaluate(() => (window.__marker = 1));
const documentIsMarked = (page) => page.evaluate(() => window.__marker === 1);

/** Opens `/news/<id>` directly and waits for its headline. */
async function openArticle(page, article) {
  await page.goto(articleHref(article.id));
  await appStarted(page);
  await expectText(page.locator('article h1'), article.headline);
}

const blocksOf = (article, type) => article.body.filter((block) => block.type === type);

/** The error notice, its Retry button and its way back to All News. */
async function assertErrorNotice(page, { message } = {}) {
  const alert = page.locator('main .notice--error[role="alert"]');
  await alert.waitFor({ state: 'visible' });
  const text = normalizeText(await alert.textContent());
  assert.ok(text.length > 0, 'the alert says something');
  if (message) assert.match(text, message, `the alert's text: "${text}"`);
  await alert.getByRole('button', { name: 'Retry', exact: true }).waitFor({ state: 'visible' });
  await alert.locator(linkTo('/')).first().waitFor({ state: 'visible' });
  assert.equal(await page.locator('main article').count(), 0, 'no article is shown beside the error');
  assert.equal(await page.locator('main h1').count(), 1, 'the page has one h1');
  assert.equal(await alert.locator('h1').count(), 1, "the error's heading is the page's h1");
  return alert;
}

/** Clicks Retry and waits for `article` to render in place of the error. */
async function retryAndExpect(page, article) {
  await page.locator('main .notice--error').getByRole('button', { name: 'Retry', exact: true }).click();
  await expectText(page.locator('article h1'), article.headline);
  assert.equal(await page.locator('main .notice--error').count(), 0, 'the error notice is gone');
}

/**
 * Answers the article JSON of `id` with `firstAnswer` the first time it is asked for, then lets
 * requests through to the server. Resolves to a counter of requests seen.
 */
async function failFirstRequest(page, id, firstAnswer) {
  const seen = { count: 0 };
  await page.route(`**/${articleJsonPath(id)}`, async (route) => {
    seen.count += 1;
    if (seen.count === 1) await route.fulfill(firstAnswer);
    else await route.fallback();
  });
  return seen;
}

/** Waits until every `img` matched by `locator` has loaded with real pixels. */
function imagesLoaded(locator) {
  return eventually(async () => {
    const states = await locator.evaluateAll((images) =>
      images.map((img) => ({ src: img.currentSrc, ok: img.complete && img.naturalWidth > 0 })),
    );
    assert.ok(states.length > 0, 'there is an image');
    for (const state of states) assert.ok(state.ok, `${state.src} has loaded`);
  });
}

describe('Article page: the seed article', () => {
  it('renders hero, headings, quotes, byline, context links and document metadata', () =>
    suite.withPage(async (page) => {
      await openArticle(page, seed);
      const article = page.locator('main article');
      assert.equal(await article.getAttribute('lang'), seed.language);
      assert.equal(await article.getAttribute('dir'), 'ltr');

      // The hero: alt and intrinsic size from the JSON, a caption that shows caption and credit.
      const { hero } = seed;
      const heroFigure = article.locator('figure.figure--hero');
      const heroImage = heroFigure.locator('img');
      assert.equal(await heroImage.count(), 1, 'one hero image');
      assert.equal(await heroImage.getAttribute('alt'), hero.alt);
      assert.equal(await heroImage.getAttribute('width'), String(hero.width));
      assert.equal(await heroImage.getAttribute('height'), String(hero.height));
      const figcaption = heroFigure.locator('figcaption');
      await expectText(figcaption.locator('.figure__caption'), hero.caption);
      await expectText(figcaption.locator('.figure__credit'), hero.credit);
      const caption = normalizeText(await figcaption.textContent());
      for (const part of [hero.caption, hero.credit]) {
        assert.ok(caption.includes(normalizeText(part)), `the hero's figcaption "${caption}" shows "${part}"`);
      }

      // Every heading block, as a heading of its level, in the body's order.
      const headings = blocksOf(seed, 'heading');
      assert.ok(headings.length > 0, 'the seed article has headings');
      const shownHeadings = await article.locator('.article__body').locator('h2, h3, h4').evaluateAll((elements) =>
        elements
          .filter((element) => !element.closest('aside, nav'))
          .map((element) => ({ level: Number(element.tagName.slice(1)), text: element.textContent.replace(/\s+/g, ' ').trim() })),
      );
      assert.deepEqual(
        shownHeadings,
        headings.map((heading) => ({ level: heading.level, text: normalizeText(heading.text) })),
        'the body headings, level and text, in order',
      );

      // Every quote block: a blockquote with its text and a visible cite with its attribution.
      const quotes = blocksOf(seed, 'quote');
      assert.ok(quotes.length > 0, 'the seed article has quotes');
      assert.equal(await article.locator('blockquote').count(), quotes.length, 'one blockquote per quote block');
      for (const [index, quote] of quotes.entries()) {
        const figure = article.locator('figure.quote').nth(index);
        await expectText(figure.locator('blockquote'), quote.text);
        if (quote.attribution) {
          const cite = figure.locator('figcaption cite');
          await cite.waitFor({ state: 'visible' });
          await expectText(cite, quote.attribution);
        }
      }

      // The byline's machine-readable publication time, and a reading-time estimate.
      await page.locator('.byline time').first().waitFor();
      const datetimes = await page.locator('.byline time[datetime]').evaluateAll((times) =>
        times.map((time) => time.getAttribute('datetime')),
      );
      assert.ok(
        datetimes.includes(utcDateTime(seed.published)),
        `a byline time has datetime=${utcDateTime(seed.published)} (found: ${JSON.stringify(datetimes)})`,
      );
      assert.ok(normalizeText(await page.locator('.byline .byline__reading-time').textContent()).length > 0);

      // Document title, description and canonical link follow the article.
      await eventually(async () => assert.equal(await page.title(), `${seed.headline} — Broadsheet`));
      const descriptions = await page.locator('head meta[name="description"]').evaluateAll((metas) =>
        metas.map((meta) => meta.getAttribute('content')),
      );
      assert.ok(
        descriptions.includes(seed.standfirst),
        `a description meta holds the standfirst (found: ${JSON.stringify(descriptions)})`,
      );
      // The pre-render writes it absolute on the origin the deploy names (--site), which is not
      // the test server's: the path is the article's.
      const canonicals = await page.locator('head link[rel="canonical"]').evaluateAll((links) =>
        links.map((link) => new URL(link.href).pathname),
      );
      assert.deepEqual(canonicals, [new URL(seed.url, suite.baseURL).pathname], 'one canonical link');
    }));

  // A crawler or link preview takes the first description it finds: there must be only one.
  it('has one description meta, the standfirst', () =>
    suite.withPage(async (page) => {
      await openArticle(page, seed);
      await eventually(async () => assert.equal(await page.title(), `${seed.headline} — Broadsheet`));
      const descriptions = await page.locator('head meta[name="description"]').evaluateAll((metas) =>
        metas.map((meta) => meta.getAttribute('content')),
      );
      assert.deepEqual(descriptions, [seed.standfirst], 'exactly one description meta, the standfirst');
      assert.equal(
        await page.evaluate(() => document.querySelector('meta[name="description"]').content),
        seed.standfirst,
      );
    }));

  it('follows each context link to its article client-side, and All News to /', () =>
    suite.withPage(async (page) => {
      const [context] = blocksOf(seed, 'context');
      assert.ok(context?.links?.length > 0, 'the seed article has a context block with links');
      await openArticle(page, seed);
      await markDocument(page);

      const box = page.locator('main aside.context-box');
      for (const link of context.links) {
        const target = new URL(link.url, suite.baseURL);
        assert.equal(target.origin, suite.baseURL, `${link.url} is a link within the site`);
        assert.ok(target.pathname.startsWith('/news/'), `${link.url} is an article link`);
        const linked = await readArticle(decodeURIComponent(target.pathname.slice('/news/'.length)));

        const anchor = box.locator(linkTo(link.url));
        assert.equal(await anchor.count(), 1, `the context box links ${link.url}`);
        assert.ok(normalizeText(await anchor.textContent()).includes(normalizeText(link.title)));

        await anchor.click();
        await page.waitForURL(target.href);
        await expectText(page.locator('article h1'), linked.headline);
        assert.ok(await documentIsMarked(page), `${link.url} opened without a page load`);

        await page.goBack();
        await page.waitForURL(`${suite.baseURL}${articleHref(SEED_ID)}`);
        await expectText(page.locator('article h1'), seed.headline);
      }

      const allNews = page.locator('main p.back-to-all-news a');
      await expectText(allNews, 'All News');
      assert.equal(await allNews.getAttribute('href'), '/');
      await allNews.click();
      await page.waitForURL(`${suite.baseURL}/`);
      await expectText(page.locator('main h1'), 'All News');
      assert.ok(await documentIsMarked(page), 'All News opened without a page load');
    }));
});

describe('Article page: right-to-left', () => {
  it('sets lang and dir from the language and lays the headline out from the right', () =>
    suite.withPage(async (page) => {
      const arabic = await readArticle(RTL_ID);
      await openArticle(page, arabic);
      const article = page.locator('main article');
      assert.equal(await article.getAttribute('lang'), arabic.language);
      assert.equal(await article.getAttribute('dir'), 'rtl');
      const direction = await article.locator('.article__body').evaluate((body) => getComputedStyle(body).direction);
      assert.equal(direction, 'rtl', 'the body is laid out right to left');

      // Both the headline's box and its text (a Range over it) end at the article's right edge.
      const edges = await article.evaluate((element) => {
        const h1 = element.querySelector('h1');
        const range = document.createRange();
        range.selectNodeContents(h1);
        return {
          article: element.getBoundingClientRect().right,
          box: h1.getBoundingClientRect().right,
          text: range.getBoundingClientRect().right,
          textLeft: range.getBoundingClientRect().left,
          articleLeft: element.getBoundingClientRect().left,
        };
      });
      assert.ok(Math.abs(edges.article - edges.box) <= 3, `headline box hugs the right edge: ${JSON.stringify(edges)}`);
      assert.ok(Math.abs(edges.article - edges.text) <= 3, `headline text hugs the right edge: ${JSON.stringify(edges)}`);
    }));
});

describe('Article page: stress sample', () => {
  it('fits a 320 px viewport and renders every block type, the embed as a link only', () =>
    suite.withPage(async (page) => {
      const stress = await readArticle(STRESS_ID);
      const foreignRequests = [];
      page.on('request', (request) => {
        if (new URL(request.url()).origin !== suite.baseURL) foreignRequests.push(request.url());
      });
      await page.setViewportSize({ width: 320, height: 640 });
      await openArticle(page, stress);
      const article = page.locator('main article');
      const types = new Set(stress.body.map((block) => block.type));
      for (const type of ['quote', 'list', 'embed', 'divider', 'heading', 'image']) {
        assert.ok(types.has(type), `the stress sample has a ${type} block`);
      }

      // Pull quote(s).
      const pulls = stress.body.filter((block) => block.type === 'quote' && block.kind === 'pull');
      assert.ok(pulls.length > 0, 'the stress sample has a pull quote');
      for (const pull of pulls) {
        await expectText(article.locator('figure.quote--pull blockquote').filter({ hasText: normalizeText(pull.text).slice(0, 40) }), pull.text);
      }

      // Ordered and unordered lists, each with its items.
      const body = article.locator('.article__body');
      for (const ordered of [true, false]) {
        const lists = stress.body.filter((block) => block.type === 'list' && block.ordered === ordered);
        assert.ok(lists.length > 0, `the stress sample has an ${ordered ? 'ordered' : 'unordered'} list`);
        const shown = body.locator(ordered ? ':scope > ol' : ':scope > ul');
        assert.equal(await shown.count(), lists.length);
        for (const [index, list] of lists.entries()) {
          assert.equal(await shown.nth(index).locator(':scope > li').count(), list.items.length);
        }
      }

      // Headings of levels 3 and 4.
      for (const level of [3, 4]) {
        const heading = stress.body.find((block) => block.type === 'heading' && block.level === level);
        assert.ok(heading, `the stress sample has an h${level}`);
        await expectText(body.locator(`h${level}`).first(), heading.text);
      }

      // The divider.
      assert.equal(await body.locator('hr').count(), blocksOf(stress, 'divider').length);

      // Inline image: responsive and lazy.
      const [image] = blocksOf(stress, 'image');
      const inline = body.locator(`figure.figure img[alt=${JSON.stringify(image.alt)}]`);
      await inline.waitFor({ state: 'attached' });
      assert.equal(await inline.getAttribute('loading'), 'lazy');
      const srcset = await inline.getAttribute('srcset');
      assert.ok(srcset, 'the inline image has a srcset');
      for (const candidate of image.srcset ?? []) {
        assert.ok(srcset.includes(`${candidate.url} ${candidate.width}w`), `srcset "${srcset}" lists ${candidate.url}`);
      }

      // The embed: a link card opening in a new tab; no iframe, nothing fetched from the third party.
      const [embed] = blocksOf(stress, 'embed');
      const card = body.locator('aside.media-card a');
      assert.equal(await card.count(), 1);
      assert.equal(await card.getAttribute('href'), embed.url);
      assert.equal(await card.getAttribute('target'), '_blank');
      assert.equal(await card.getAttribute('rel'), 'noopener noreferrer');
      assert.ok(normalizeText(await card.textContent()).includes(normalizeText(embed.title)));
      assert.equal(await page.locator('iframe').count(), 0, 'no iframe anywhere');

      // Scroll through the page as a reader does, so every lazy image comes into view and loads,
      // then check the width again.
      await page.evaluate(async () => {
        for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
          window.scrollTo(0, y);
          await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 30)));
        }
        window.scrollTo(0, document.documentElement.scrollHeight);
      });
      await imagesLoaded(body.locator('img'));
      const widths = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      assert.ok(widths.scrollWidth <= widths.innerWidth, `no horizontal scrolling: ${JSON.stringify(widths)}`);
      assert.deepEqual(foreignRequests, [], 'no request left the site');
    }));
});

// The app's own page (the app shell, as a story without a page of its own gets): a pre-rendered
// page keeps its article when a request fails (prerender.test.mjs).
describe('Article page: errors and Retry', () => {
  // Answers built when the test runs: the seed article is read in `before`.
  const firstAnswers = [
    [
      'HTTP 500',
      () => ({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' }),
      { allowConsoleErrors: [failedToLoad(500, `/${articleJsonPath(SEED_ID)}`)] },
    ],
    ['unparseable JSON', () => ({ status: 200, contentType: 'application/json', body: '{"headline": ' })],
    [
      'a document without a headline',
      () => {
        const { headline, ...headless } = seed;
        assert.ok(headline);
        return { status: 200, contentType: 'application/json', body: JSON.stringify(headless) };
      },
    ],
  ];
  for (const [what, firstAnswer, options] of firstAnswers) {
    it(`shows an alert for ${what}, and Retry loads the article`, () =>
      suite.withPage(async (page) => {
        const seen = await failFirstRequest(page, SEED_ID, firstAnswer());
        await serveAppShell(page, articleHref(SEED_ID));
        await page.goto(articleHref(SEED_ID));
        await appStarted(page);
        await assertErrorNotice(page);
        await retryAndExpect(page, seed);
        assert.equal(seen.count, 2, 'Retry fetched the article again');
      }, options));
  }

  it('gives up on a request that never answers, with a skeleton meanwhile, and Retry loads the article', () =>
    suite.withPage(async (page) => {
      const pattern = `**/${articleJsonPath(SEED_ID)}`;
      let askedAt;
      const hang = () => {
        askedAt ??= Date.now(); // never answered
      };
      await page.route(pattern, hang);
      await serveAppShell(page, articleHref(SEED_ID));
      await page.goto(articleHref(SEED_ID));
      await appStarted(page);

      await page.locator('main div.skeleton[role="status"]').waitFor({ state: 'visible' });
      await eventually(() => assert.ok(askedAt, 'the article was requested'));

      await page
        .locator('main .notice--error[role="alert"]')
        .waitFor({ state: 'visible', timeout: TIMEOUT_WAIT_MS });
      const waited = Date.now() - askedAt;
      assert.ok(waited >= APP_TIMEOUT_MS - 1_000, `the app waited about 10 s, not ${waited} ms`);
      await assertErrorNotice(page, { message: /took too long/ });
      assert.equal(await page.locator('main div.skeleton').count(), 0, 'the skeleton is gone');

      await page.unroute(pattern, hang);
      await retryAndExpect(page, seed);
    }));
});

describe('Article page: leaving before it loads', () => {
  it('cancels the article request when the reader goes back to All News', () =>
    suite.withPage(async (page) => {
      // Hold the article's request until the test is over: only the app can end it.
      await page.route(`**/${articleJsonPath(SEED_ID)}`, () => {});
      const failed = new Promise((resolve) =>
        page.on('requestfailed', (request) => {
          if (request.url().includes(articleJsonPath(SEED_ID))) resolve(request.failure()?.errorText);
        }),
      );
      await serveAppShell(page, articleHref(SEED_ID));
      await page.goto(articleHref(SEED_ID));
      await appStarted(page);
      await page.locator('main .skeleton').waitFor();
      await page.locator('header nav').getByRole('link', { name: 'All News' }).click();
      await page.locator('main h1', { hasText: 'All News' }).waitFor();
      const reason = await Promise.race([
        failed,
        new Promise((resolve) => setTimeout(() => resolve('still pending after 5 s'), 5_000)),
      ]);
      assert.match(String(reason), /ABORTED/i, 'the request was cancelled');
      assert.equal(await page.locator('.notice--error').count(), 0, 'a cancelled request shows no error');
    }));
});

describe('Article page: ids that name no article', () => {
  it('shows a not-found notice for an unknown id', () =>
    suite.withPage(
      async (page) => {
        await assert.rejects(readArticle('no-such-story'), { code: 'ENOENT' }, 'the sample API has no such article');
        await page.goto(articleHref('no-such-story'));
        await appStarted(page);
        await expectText(page.locator('main h1'), 'Page not found');
        await page.locator('main .notice--not-found').locator(linkTo('/')).first().click();
        await page.waitForURL(`${suite.baseURL}/`);
        await expectText(page.locator('main h1'), 'All News');
      },
      { allowConsoleErrors: [failedToLoad(404, `/${articleJsonPath('no-such-story')}`)] },
    ));

  const hostile = [
    { name: 'a path-traversal id', path: '/news/..%2F..%2Fetc%2Fpasswd' },
    { name: 'a script-tag id', path: `/news/${encodeURIComponent('<script>alert(1)</script>')}` },
  ];
  for (const { name, path: hostilePath } of hostile) {
    it(`shows a not-found notice for ${name}, runs nothing and fetches only the API's own files`, () =>
      suite.withPage(
        async (page) => {
          const dialogs = [];
          page.on('dialog', (dialog) => {
            dialogs.push(`${dialog.type()}: ${dialog.message()}`);
            dialog.dismiss().catch(() => {});
          });
          const apiRequests = [];
          page.on('request', (request) => {
            const { pathname } = new URL(request.url());
            if (pathname.startsWith('/api/') || pathname.endsWith('.json')) apiRequests.push(pathname);
          });
          // The harness server, like nginx, refuses a path that decodes outside the site (403);
          // answer this navigation with the app shell, as a host whose SPA fallback catches
          // every path would.
          await page.route(
            (url) => url.pathname === hostilePath,
            (route) =>
              route.request().resourceType() === 'document'
                ? route.fulfill({ path: path.join(DIST_DIR, 'index.html'), contentType: 'text/html; charset=utf-8' })
                : route.fallback(),
          );

          await page.goto(hostilePath);
          await expectText(page.locator('main h1'), 'Page not found');
          await page.locator('main .notice--not-found').locator(linkTo('/')).first().waitFor({ state: 'visible' });
          assert.equal(await page.locator('main script').count(), 0, 'no script element in the page');
          assert.deepEqual(dialogs, [], 'no dialog opened');
          assert.ok(apiRequests.length > 0, 'the app asked the API');
          // The article document, then the feed's pages as its next_url chains them (the id
          // might name another publisher's item on any of them; public/api names them so).
          for (const requested of apiRequests) {
            if (/^\/api\/feed(-\d+)?\.json$/.test(requested)) continue;
            assert.ok(requested.startsWith('/api/articles/'), `${requested} stays under /api/articles/`);
            assert.ok(!requested.slice('/api/articles/'.length).includes('/'), `${requested} names a file in articles/`);
          }
        },
        { allowConsoleErrors: [failedToLoad(404, '/api/articles/')] },
      ));
  }
});
