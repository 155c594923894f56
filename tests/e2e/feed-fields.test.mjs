// The JSON Feed fields a reader would miss, in Chromium under the deployment's CSP: a podcast's
// player (keyboard-usable, never playing by itself) and its download link, a feed its publisher
// has ended (said once, and never polled), and that publisher's name in the masthead; axe-clean
// in light and dark. Run: node --test tests/e2e/feed-fields.test.mjs
//
// The fixtures are tests/fixtures/feeds/podcast.json and expired-event.json, served as our API's
// feed; every other origin is answered with a pixel, so nothing leaves this machine.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { before, describe, it } from 'node:test';
import { axeViolations, eventually, expectText, failedToLoad, gotoAppShell, nextFrames, normalizeText, TEST_IMAGE_ORIGINS, useSuite } from './harness.mjs';

const fixture = (name) =>
  readFile(new URL(`../fixtures/feeds/${name}`, import.meta.url), 'utf8').then(JSON.parse);

const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** All News looks for new stories this often (src/pages/feed.rs). */
const POLL_MS = 60_000;

/** Every WCAG 2.2 A/AA rule axe has, and its best practices, as a11y.test.mjs runs them. */

const suite = useSuite();
let podcast;
let expired;

before(async () => {
  [podcast, expired] = await Promise.all([
    fixture('podcast.json'),
    fixture('expired-event.json'),
  ]);
});

/**
 * Serves `feed` as our API's feed.json, counting the requests for it, and answers every other
 * origin with a pixel. Returns the count and the other-origin URLs requested.
 */
async function serveFeed(page, feed) {
  const seen = { feedRequests: 0, foreign: [] };
  await page.route('**/api/feed.json', (route) => {
    seen.feedRequests += 1;
    return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(feed) });
  });
  await page.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => {
      seen.foreign.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'image/gif', body: PIXEL });
    },
  );
  return seen;
}

/** axe in light and dark on the page as it is: no violation of any impact. */
async function assertAccessible(page, name) {
  const found = [];
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    await nextFrames(page);
    const violations = await axeViolations(page);
    for (const v of violations) found.push({ colorScheme, ...v });
  }
  assert.deepEqual(found, [], `axe found violations on ${name}`);
}

const articlePath = (item) => `/news/${encodeURIComponent(item.id)}`;

// A foreign item has no article document: Chromium logs the API's 404 before the app finds it
// in the feed.
const NO_DOCUMENT = { allowConsoleErrors: [failedToLoad(404, '/api/articles/')] };

describe('A podcast episode', () => {
  it('has a player that waits for the reader, is reached by Tab, and a download link', () =>
    suite.withPage(async (page) => {
      const seen = await serveFeed(page, podcast);
      const [episode] = podcast.items;
      const [mp3, ogg] = episode.attachments;
      const response = await page.goto(articlePath(episode));
      const player = page.locator('main figure.attachment audio');
      await player.waitFor();
      await page.waitForLoadState('load');
      await nextFrames(page);

      const state = await player.evaluate((audio) => ({
        paused: audio.paused,
        autoplay: audio.autoplay,
        preload: audio.preload,
        controls: audio.controls,
        sources: [...audio.querySelectorAll('source')].map((s) => [s.getAttribute('src'), s.type]),
      }));
      assert.deepEqual(state, {
        paused: true,
        autoplay: false,
        preload: 'none',
        controls: true,
        sources: [[mp3.url, mp3.mime_type], [ogg.url, ogg.mime_type]],
      });
      assert.ok(!seen.foreign.some((url) => /\.(mp3|ogg)$/.test(url)), 'no audio fetched before the reader asks');

      // The deployment lets the episode play: its origin is in media-src.
      const policy = response.headers()['content-security-policy'];
      const mediaSrc = /(?:^|; )media-src ([^;]*)/.exec(policy)?.[1]?.split(' ') ?? [];
      assert.ok(mediaSrc.includes(new URL(mp3.url).origin), `media-src: ${mediaSrc}`);
      assert.ok(TEST_IMAGE_ORIGINS.includes(new URL(mp3.url).origin));

      const caption = page.locator('main figure.attachment figcaption').first();
      assert.match(normalizeText(await caption.textContent()), /^Episode 42 \(30 min, 24 MB\)/);
      const download = caption.getByRole('link', { name: 'Download Episode 42' });
      assert.equal(await download.getAttribute('href'), mp3.url);
      assert.ok(await download.isVisible());
      const transcript = page.getByRole('link', { name: 'Download Transcript' });
      assert.equal(await transcript.getAttribute('href'), episode.attachments[2].url);

      // The keyboard reaches the player from the headline, and shows where it is.
      await page.locator('main h1').focus();
      let reached = false;
      for (let presses = 0; presses < 15 && !reached; presses += 1) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() => document.activeElement?.tagName === 'AUDIO');
      }
      assert.ok(reached, 'Tab reaches the player');
      const outline = await player.evaluate((audio) => getComputedStyle(audio).outlineStyle);
      assert.notEqual(outline, 'none', 'a visible focus indicator');
      assert.equal(await player.evaluate((audio) => audio.paused), true, 'still waiting for the reader');

      assert.equal(await page.locator('main .byline__avatar').count(), 1, 'the safe avatar, not the data: one');
      await assertAccessible(page, 'a podcast episode');
    }, NO_DOCUMENT));

  it('a link post says where it points and goes there', () =>
    suite.withPage(async (page) => {
      await serveFeed(page, podcast);
      const link = podcast.items[2];
      await page.goto(articlePath(link));
      const out = page.locator('main .article__external a');
      await expectText(out, `Read at ${new URL(link.external_url).host}`);
      assert.equal(await out.getAttribute('href'), link.external_url);
      assert.match(await out.getAttribute('rel'), /noopener/);
    }, NO_DOCUMENT));
});

describe('An ended feed of another publisher', () => {
  /** Opens All News on `feed`, the app's own (not the pre-render of our sample), on a fake clock. */
  async function openAllNews(page, feed) {
    await page.clock.install();
    const seen = await serveFeed(page, feed);
    await gotoAppShell(page, '/');
    await page.locator('main .feed-item').first().waitFor();
    return seen;
  }

  it('says the feed has ended, shows the publisher in the masthead, and never polls', () =>
    suite.withPage(async (page) => {
      const seen = await openAllNews(page, expired);
      const notice = page.locator('main .feed__expired');
      assert.equal(await notice.getAttribute('role'), 'status');
      assert.match(normalizeText(await notice.textContent()), /no longer updated/);
      assert.equal(await page.locator('main .notice--error').count(), 0, 'not an error');

      const name = page.locator('header.masthead a.masthead__name');
      await expectText(name, expired.title);
      assert.equal(await name.getAttribute('href'), expired.home_page_url);
      const icon = name.locator('img.masthead__icon');
      assert.equal(await icon.getAttribute('src'), expired.icon);
      assert.equal(await icon.getAttribute('alt'), '');
      await eventually(async () => assert.ok(await icon.evaluate((img) => img.complete && img.naturalWidth > 0)));
      const box = await icon.boundingBox();
      assert.deepEqual([box.width, box.height], [32, 32]);
      assert.equal(await page.locator('header.masthead nav a[href="/"]').count(), 1, 'All News is still linked');

      // The reader acts, and time passes well beyond the polling interval: no new request.
      await page.mouse.click(5, 400);
      await page.clock.runFor(POLL_MS * 5 + 1_000);
      await nextFrames(page);
      assert.equal(seen.feedRequests, 1, 'feed.json fetched once, never polled');

      await assertAccessible(page, 'an ended feed');
    }));

  it('is polled as usual when it has not ended (the check above can fail)', () =>
    suite.withPage(async (page) => {
      const seen = await openAllNews(page, { ...expired, expired: false });
      assert.equal(await page.locator('main .feed__expired').count(), 0);
      await page.clock.runFor(POLL_MS + 1_000);
      await eventually(async () => assert.equal(seen.feedRequests, 2));
    }));
});
