// Accessibility gate: axe-core on every route, in light and dark, at phone and desktop widths,
// with zero violations of any impact; and reflow at 200% and 400% zoom. Run: node --test tests/e2e/
//
// A summary of the axe results per route is printed for the release note. Needs a pre-rendered
// build for one route: scripts/test runs `cargo run --bin prerender` first.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { appStarted, articleHref, articleJsonPath, axeViolations, failedToLoad, nextFrames, openSuite, readSiteJson, serveAppShell } from './harness.mjs';

/** Every WCAG 2.2 A/AA rule axe has, and its best practices. */
const THEMES = ['light', 'dark'];
const WIDTHS = [375, 1280];

const SEED_ID = 'eight-hour-us-russia-talks';
/** One article of each kind in the sample API: context and quotes; embed, images and long
 * words; right-to-left; lists and related links. */
const ARTICLE_IDS = [SEED_ID, 'long-words-and-long-captions', 'arabic-sample', 'copernicus-2021-fifth-warmest-year'];

// A 1x1 transparent GIF for another publisher's pictures: nothing may leave this machine.
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

let suite;
let feed;
let foreignFeed;
const summary = [];

before(async () => {
  [feed, foreignFeed] = await Promise.all([
    readSiteJson('api/feed.json'),
    readFile(new URL('../fixtures/feeds/html-with-scripts.json', import.meta.url), 'utf8').then(JSON.parse),
  ]);
  suite = await openSuite();
});

after(async () => {
  await suite?.close();
  console.log('axe results per route (light/dark x 375/1280 px):');
  for (const row of summary) console.log(`  ${row}`);
});

/** Runs axe in each theme at each width on the page as it is, and asserts no violation. */
async function assertAccessible(page, name) {
  const found = [];
  const counts = [];
  for (const colorScheme of THEMES) {
    await page.emulateMedia({ colorScheme });
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      await nextFrames(page);
      const violations = await axeViolations(page);
      counts.push(violations.length);
      for (const v of violations) found.push({ colorScheme, width, ...v });
    }
  }
  summary.push(`${name}: ${counts.join('/')} violations`);
  assert.equal(found.length, 0, `axe found violations on ${name}:\n${JSON.stringify(found, null, 2)}`);
}

/**
 * Serves another publisher's feed as ours, and answers every other origin with a pixel, should
 * the Content-Security-Policy let a request out.
 */
async function serveForeignFeed(page) {
  await page.route('**/api/feed.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(foreignFeed) }),
  );
  await page.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => route.fulfill({ status: 200, contentType: 'image/gif', body: PIXEL }),
  );
}

/** Answers page loads with the page as served, minus the app's start-up and its preloads. */
function serveWithoutTheApp(page) {
  return page.route(
    (url) => url.pathname.startsWith('/news/'),
    async (route) => {
      if (route.request().resourceType() !== 'document') return route.fallback();
      const response = await route.fetch();
      const body = (await response.text())
        .replace(/<script type="module"[^>]*><\/script>/g, '');
      return route.fulfill({ response, body });
    },
  );
}

const routes = [
  { name: 'All News', path: '/', ready: 'main .feed-item' },
  {
    name: 'a section of All News',
    path: () => `/?section=${encodeURIComponent(feed.items[0]._broadsheet.section)}`,
    ready: 'main .feed-item',
  },
  ...ARTICLE_IDS.map((id) => ({ name: `article ${id}`, path: articleHref(id), ready: 'main article h1' })),
  {
    name: "another publisher's item",
    path: () => articleHref(foreignFeed.items[0].id),
    setup: serveForeignFeed,
    ready: 'main article h1',
    allowConsoleErrors: [
      // The app asks for an article document first; another publisher's item has none.
      failedToLoad(404, '/api/articles/'),
      // The site's Content-Security-Policy keeps other publishers' pictures out.
      /^console\.error: Loading the image 'https:\/\/harbour-gazette\.example\/[^']*' violates the following Content Security Policy directive: "img-src /,
    ],
  },
  {
    name: 'an unknown article',
    path: articleHref('no-such-story'),
    ready: 'main .notice--not-found h1',
    allowConsoleErrors: [failedToLoad(404, `/${articleJsonPath('no-such-story')}`)],
  },
  { name: 'an unknown path', path: '/nope', ready: 'main .notice--not-found h1' },
  {
    // The app's own page (the app shell: a story without a page of its own) when its request fails.
    name: 'an article that failed to load',
    path: articleHref(SEED_ID),
    setup: async (page) => {
      await serveAppShell(page, articleHref(SEED_ID));
      await page.route(`**/${articleJsonPath(SEED_ID)}`, (route) => route.fulfill({ status: 500, body: '' }));
    },
    ready: 'main .notice--error button',
    allowConsoleErrors: [failedToLoad(500, `/${articleJsonPath(SEED_ID)}`)],
  },
  {
    name: 'All News that failed to load',
    path: '/',
    setup: async (page) => {
      await serveAppShell(page, '/');
      await page.route('**/api/feed.json', (route) => route.fulfill({ status: 500, body: '' }));
    },
    ready: 'main .notice--error button',
    allowConsoleErrors: [failedToLoad(500, '/api/feed.json')],
  },
  {
    // What a reader sees before the app has started, and a reader or crawler without it:
    // the page pre-rendered at build time (scripts/test pre-renders before this layer).
    name: 'a pre-rendered article, without the app',
    path: articleHref(SEED_ID),
    setup: serveWithoutTheApp,
    ready: 'main article h1',
    withoutTheApp: true,
  },
  {
    // A pre-rendered article whose check for a newer version failed: the article stays, with a
    // quiet notice and Retry.
    name: 'a pre-rendered article whose check failed',
    path: articleHref(SEED_ID),
    setup: (page) => page.route(`**/${articleJsonPath(SEED_ID)}`, (route) => route.fulfill({ status: 503, body: '' })),
    ready: 'main article h1',
    act: async (page) => {
      await page.keyboard.press('Shift');
      await page.locator('.notice--quiet').waitFor();
    },
    allowConsoleErrors: [failedToLoad(503, `/${articleJsonPath(SEED_ID)}`)],
  },
  // The pages of one device's reader (public/offline.js fills them; the app does not run there).
  {
    name: 'Saved, with a saved story',
    path: '/saved',
    setup: (page) =>
      page.addInitScript((path) => {
        const story = { path, headline: 'A saved story', saved: Date.UTC(2026, 0, 13), urls: [path] };
        localStorage.setItem('broadsheet:saved', JSON.stringify([story]));
      }, articleHref(SEED_ID)),
    ready: '#saved-stories button',
    withoutTheApp: true,
  },
  { name: 'the offline page', path: '/offline.html', ready: '#offline-stories li', withoutTheApp: true },
  // A partner's embeds, loaded as their iframes load them; the theme follows the system here.
  { name: 'the All News embed', path: '/embed/feed', ready: '.embed-feed__item' },
  { name: 'the story embed', path: `/embed${articleHref(SEED_ID)}`, ready: '.embed h1' },
];

describe('axe-core finds no violation', () => {
  for (const route of routes) {
    it(`on ${route.name}, in light and dark, at 375 and 1280 px`, () =>
      suite.withPage(
        async (page) => {
          await route.setup?.(page);
          await page.goto(typeof route.path === 'function' ? route.path() : route.path);
          await page.locator(route.ready).first().waitFor();
          if (!route.withoutTheApp) await appStarted(page);
          await route.act?.(page);
          await assertAccessible(page, route.name);
        },
        { allowConsoleErrors: route.allowConsoleErrors },
      ));
  }
});

/**
 * Reports anything wider than its box: the document (a horizontal scrollbar) and every block in
 * the page whose content overflows it (text cut off or spilling out).
 */
function overflows(page) {
  return page.evaluate(() => {
    const found = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) found.push(`the page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
    for (const element of document.body.querySelectorAll('*')) {
      const style = getComputedStyle(element);
      if (style.display === 'inline' || style.display === 'none' || element.clientWidth <= 1) continue;
      if (element.scrollWidth > element.clientWidth + 1) {
        const name = `${element.tagName.toLowerCase()}${element.className ? `.${[...element.classList].join('.')}` : ''}`;
        found.push(`${name} overflows: ${element.scrollWidth} > ${element.clientWidth} ("${element.textContent.trim().slice(0, 40)}")`);
      }
    }
    return found;
  });
}

describe('Text stays usable when zoomed', () => {
  // A 1280 px window at 200% lays out in 640 CSS px; at 400% (WCAG 1.4.10 reflow) in 320.
  const pages = [
    { name: 'All News', path: '/', ready: 'main .feed-item' },
    ...[SEED_ID, 'long-words-and-long-captions', 'arabic-sample'].map((id) => ({
      name: `article ${id}`,
      path: articleHref(id),
      ready: 'main article h1',
    })),
  ];
  for (const { name, path, ready } of pages) {
    it(`${name} reflows without sideways scrolling or clipped text at 640 and 320 CSS px`, () =>
      suite.withPage(async (page) => {
        await page.goto(path);
        await page.locator(ready).first().waitFor();
        await appStarted(page);
        for (const width of [640, 320]) {
          await page.setViewportSize({ width, height: 480 });
          await nextFrames(page);
          assert.deepEqual(await overflows(page), [], `at ${width} CSS px`);
        }
      }));
  }
});
