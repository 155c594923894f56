// Partner embeds across two origins: Broadsheet on the suite's server, and a partner's page on a
// second loopback port (another port is another origin). The partner page pastes the snippet
// the partners' page hands out; the embeds must fit their content, believe no forged message,
// open stories in a new tab, take the partner's theme, and fetch nothing from anywhere else.

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { eventually, expectText, listenOnLoopback, openSuite, readSiteJson, useSuite } from './harness.mjs';

const SEED_ID = 'eight-hour-us-russia-talks';

/**
 * Serves one partner page at `/` with the given placeholders, from an origin of its own. The
 * partner is somebody else's site: it sends none of Broadsheet's headers.
 */
async function startPartner(broadsheet, placeholders) {
  const page = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>A partner's page</title></head>
<body>
  <main>
    <h1>Partner news desk</h1>
    ${placeholders}
  </main>
  <script src="${broadsheet}/embed.js" async></script>
</body>
</html>`;
  const server = createServer((req, res) => {
    if (req.url === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
    } else {
      res.writeHead(404).end();
    }
  });
  return listenOnLoopback(server);
}

/** The embed iframes on the partner page, once each has loaded its content. */
async function embedFrames(page, count) {
  return eventually(async () => {
    const handles = await page.locator('iframe').elementHandles();
    assert.equal(handles.length, count);
    const frames = await Promise.all(handles.map((h) => h.contentFrame()));
    for (const frame of frames) {
      assert.ok(frame, 'the iframe has a document');
      assert.ok(await frame.locator('.embed h1').count(), 'the embed has rendered');
    }
    return frames;
  });
}

/** Waits until the iframe is as tall as its content, and that content needs no inner scrolling. */
async function expectFitted(page, index) {
  return eventually(async () => {
    const iframe = page.locator('iframe').nth(index);
    const frame = await (await iframe.elementHandle()).contentFrame();
    const outer = await iframe.evaluate((el) => el.getBoundingClientRect().height);
    const inner = await frame.evaluate(() => ({
      content: Math.ceil(document.querySelector('.embed').getBoundingClientRect().height),
      scrollHeight: document.documentElement.scrollHeight,
      viewport: window.innerHeight,
    }));
    assert.equal(outer, inner.content, 'the iframe is exactly as tall as the embed');
    assert.ok(inner.scrollHeight <= inner.viewport, `no inner scrollbar: ${JSON.stringify(inner)}`);
    return outer;
  });
}

describe('partner embeds on another origin', () => {
  let suite;
  let partner;
  let feed;

  before(async () => {
    suite = await openSuite();
    feed = await readSiteJson('api/feed.json');
    partner = await startPartner(
      suite.baseURL,
      `<div data-broadsheet-embed="feed" data-limit="3" data-theme="light">
         <a href="${suite.baseURL}/">Latest news on Broadsheet</a>
       </div>
       <div data-broadsheet-embed="article" data-id="${SEED_ID}" data-theme="dark" data-accent="#2a9d8f"></div>`,
    );
  });
  after(async () => {
    await partner?.close();
    await suite?.close();
  });

  it('grows each iframe to fit its content, with only our two origins involved', () =>
    suite.withPage(async (page) => {
      const origins = new Set();
      page.context().on('request', (request) => origins.add(new URL(request.url()).origin));
      await page.setViewportSize({ width: 360, height: 2400 });
      await page.goto(partner.url);
      const [feedFrame, storyFrame] = await embedFrames(page, 2);

      const feedItems = feedFrame.locator('.embed-feed__item');
      assert.equal(await feedItems.count(), 3, 'data-limit=3 shows three stories');
      await expectText(feedItems.first().locator('h2 a'), `${feed.items[0].title} (opens in a new tab)`);
      const feedHeight = await expectFitted(page, 0);
      const storyHeight = await expectFitted(page, 1);
      assert.ok(feedHeight > 150 && storyHeight > 150, 'both grew from the placeholder height');

      for (const frame of [feedFrame, storyFrame]) {
        assert.equal(await frame.locator('.masthead, .skip-link, nav').count(), 0, 'no site chrome');
        assert.equal(await frame.evaluate(() => localStorage.length + sessionStorage.length), 0);
      }
      assert.deepEqual(await page.context().cookies(), [], 'no cookies');
      assert.deepEqual([...origins].sort(), [partner.url, suite.baseURL].sort());

      // A narrower column reflows the embeds; they follow.
      await page.setViewportSize({ width: 280, height: 2400 });
      const narrower = await eventually(async () => {
        const height = await expectFitted(page, 0);
        assert.ok(height > feedHeight, `${height} > ${feedHeight}`);
        return height;
      });
      const overflow = await feedFrame.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `legible at 280px with no sideways scrolling (${narrower}px tall)`);
    }));

  it('believes no resize message forged by the partner page', () =>
    suite.withPage(async (page) => {
      await page.goto(partner.url);
      await embedFrames(page, 2);
      const before = await expectFitted(page, 0);
      const id = await page
        .locator('iframe')
        .first()
        .evaluate((el) => new URL(el.src).searchParams.get('embed_id'));
      await page.evaluate((embedId) => {
        const forged = { type: 'broadsheet:resize', id: embedId, height: 3333 };
        // From the partner's own window (wrong source and origin)...
        window.postMessage(forged, '*');
        // ...and from a frame of the partner's origin (wrong source and origin again).
        const decoy = document.createElement('iframe');
        decoy.srcdoc = '<p>decoy</p>';
        decoy.onload = () => decoy.contentWindow.parent.postMessage(forged, '*');
        document.body.append(decoy);
      }, id);
      await page.waitForTimeout(500);
      assert.equal(await page.locator('iframe').first().evaluate((el) => el.getBoundingClientRect().height), before);
    }));

  it('opens a headline in a new tab on Broadsheet, cut off from the embed', () =>
    suite.withPage(async (page) => {
      await page.goto(partner.url);
      const [feedFrame] = await embedFrames(page, 2);
      const link = feedFrame.locator('.embed-feed__item h2 a').first();
      assert.equal(await link.getAttribute('target'), '_blank');
      assert.match(await link.getAttribute('rel'), /\bnoopener\b/);
      const [tab] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
      await tab.waitForLoadState();
      assert.equal(tab.url(), `${suite.baseURL}/news/${feed.items[0].id}`);
      await expectText(tab.locator('h1'), feed.items[0].title);
      assert.equal(await tab.evaluate(() => window.opener), null);
      assert.equal(page.url(), `${partner.url}/`, 'the partner page stayed where it was');
    }));

  it("takes the partner's theme and accent", () =>
    suite.withPage(async (page) => {
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(partner.url);
      const [lightFrame, darkFrame] = await embedFrames(page, 2);
      const look = (frame) =>
        frame.evaluate(() => ({
          theme: document.documentElement.dataset.theme ?? null,
          background: getComputedStyle(document.body).backgroundColor,
          text: getComputedStyle(document.body).color,
          rule: getComputedStyle(document.querySelector('.embed')).borderTopColor,
        }));
      const light = await look(lightFrame);
      const dark = await look(darkFrame);
      assert.equal(light.theme, 'light');
      assert.equal(dark.theme, 'dark', 'theme=dark wins over the light system theme');
      assert.notEqual(light.background, dark.background);
      assert.notEqual(light.text, dark.text);
      assert.equal(dark.rule, 'rgb(42, 157, 143)', 'the accent colour draws the top rule');
      assert.notEqual(light.rule, dark.rule);
    }));
});

describe('embed routes on their own', () => {
  const suite = useSuite();

  it('narrows the feed embed to a section and links to more of it', () =>
    suite.withPage(async (page) => {
      const feed = await readSiteJson('api/feed.json');
      const section = feed.items.find((i) => i._broadsheet?.section)._broadsheet.section;
      await page.goto(`/embed/feed?section=${encodeURIComponent(section)}&limit=20`);
      const kickers = page.locator('.embed-feed__item .kicker');
      await eventually(async () => assert.ok((await kickers.count()) > 0));
      for (const kicker of await kickers.allTextContents()) assert.equal(kicker, section);
      await expectText(page.locator('h1'), `${section}: Latest news`);
      assert.equal(
        await page.locator('.embed__footer a', { hasText: 'More on Broadsheet' }).getAttribute('href'),
        `/?section=${encodeURIComponent(section)}`,
      );
    }));

  it('shows the article card, and a clear message for a story that does not exist', () =>
    suite.withPage(async (page) => {
      const article = await readSiteJson(`api/articles/${SEED_ID}.json`);
      await page.goto(`/embed/news/${SEED_ID}`);
      await expectText(page.locator('.embed-story h1'), `${article.headline} (opens in a new tab)`);
      await expectText(page.locator('.embed-story__standfirst'), article.standfirst);
      assert.equal(await page.locator('.embed-story__image').getAttribute('alt'), article.hero.alt);
      assert.equal(await page.locator('.embed-story time').getAttribute('datetime'), article.published);

      await page.goto('/embed/news/no-such-story');
      await expectText(page.locator('h1'), 'Page not found');
      await page.goto('/embed/nothing-here');
      await expectText(page.locator('h1'), 'Page not found');
    }, { allowConsoleErrors: [/status of 404.*no-such-story\.json/] }));

  it('offers Retry inside the embed when the feed fails, and recovers', () =>
    suite.withPage(async (page) => {
      let failing = true;
      await page.route('**/api/feed.json', (route) =>
        failing ? route.fulfill({ status: 503, body: 'busy' }) : route.continue(),
      );
      await page.goto('/embed/feed');
      const retry = page.getByRole('button', { name: 'Retry' });
      await retry.waitFor();
      assert.equal(await page.getByRole('link', { name: /Back to All News/ }).getAttribute('target'), '_blank');
      failing = false;
      await retry.click();
      await eventually(async () => assert.ok((await page.locator('.embed-feed__item').count()) > 0));
    }, { allowConsoleErrors: [/status of 503/] }));
});

describe("the partners' page", () => {
  const suite = useSuite();

  it('builds the snippet from the chosen options and previews it live', () =>
    suite.withPage(async (page) => {
      await page.goto('/partners/');
      const snippet = page.locator('#snippet');
      await eventually(async () => assert.match(await snippet.inputValue(), /data-broadsheet-embed="feed"/));
      assert.match(await snippet.inputValue(), new RegExp(`<script src="${suite.baseURL}/embed.js" async></script>`));
      const preview = page.frameLocator('#preview iframe');
      await eventually(async () => assert.equal(await preview.locator('.embed-feed__item').count(), 5));

      // Sections and stories come from the feed.
      const section = page.locator('#section');
      await eventually(async () => assert.ok((await section.locator('option').count()) > 1));
      const chosen = await section.locator('option').nth(1).getAttribute('value');
      await section.selectOption(chosen);
      await page.locator('#limit').fill('2');
      await page.getByLabel('Dark').check();
      await eventually(async () => {
        const text = await snippet.inputValue();
        assert.match(text, /data-limit="2"/);
        assert.match(text, new RegExp(`data-section="${chosen.replace(/&/g, '&amp;')}"`));
        assert.match(text, /data-theme="dark"/);
      });
      await eventually(async () => assert.equal(await preview.locator('.embed-feed__item').count(), 2));
      assert.equal(await preview.locator('html').getAttribute('data-theme'), 'dark');

      await page.getByLabel('One story, as a card').check();
      await eventually(async () => assert.match(await snippet.inputValue(), /data-broadsheet-embed="article" data-id="[^"]+"/));
      await preview.locator('.embed-story h1').waitFor();

      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.getByRole('button', { name: 'Copy the snippet' }).click();
      await expectText(page.locator('#copy-status'), 'Snippet copied.');
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await snippet.inputValue());
    }));
});
