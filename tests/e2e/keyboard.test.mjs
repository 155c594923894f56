// Keyboard journeys: everything a reader does with a mouse, done with the keyboard alone (Tab,
// Enter, arrow keys), with a visible focus indicator at every stop, and focus moved to the new
// page's heading, announced, after a link is followed inside the app. Run: node --test tests/e2e/
// Needs a pre-rendered build for one test: scripts/test runs `cargo run --bin prerender` first.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { appStarted, articleHref, articleJsonPath, eventually, expectText, failedToLoad, gotoAppShell, normalizeText, readSiteJson, useSuite } from './harness.mjs';

const SEED_ID = 'eight-hour-us-russia-talks';
/** More Tab presses than any page here has stops before the control a test looks for. */
const MAX_TABS = 80;

const suite = useSuite();
let feed;
let feed2;
let seed;

before(async () => {
  [feed, seed] = await Promise.all([
    readSiteJson('api/feed.json'),
    readSiteJson(articleJsonPath(SEED_ID)),
  ]);
  feed2 = await readSiteJson(new URL(feed.next_url, 'http://site.invalid/api/feed.json').pathname.slice(1));
});

/** What has focus: enough to recognise it, and whether it shows a focus indicator. */
const focused = (page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    return {
      tag: element.tagName.toLowerCase(),
      id: element.id,
      className: element.className,
      text: element.textContent.replace(/\s+/g, ' ').trim(),
      href: element.getAttribute('href'),
      inMain: Boolean(element.closest('main')),
      indicated:
        (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none',
    };
  });

const describeFocus = (f) => `${f.tag}${f.id ? `#${f.id}` : ''}${f.className ? `.${f.className}` : ''} "${f.text.slice(0, 40)}"`;

/** Presses Tab until `matches(focused)` holds; resolves to what has focus then. */
async function tabTo(page, matches, what) {
  const seen = [];
  for (let presses = 0; presses < MAX_TABS; presses += 1) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (matches(now)) return now;
    seen.push(describeFocus(now));
  }
  assert.fail(`Tab never reached ${what}; it went through:\n${seen.join('\n')}`);
}

function assertIndicated(now, theme) {
  assert.ok(now.indicated, `${describeFocus(now)} shows a focus indicator in the ${theme} theme`);
}

const feedItemLink = (id) => (now) => now.tag === 'a' && now.href === articleHref(id) && now.text.length > 0;
const button = (name) => (now) => now.tag === 'button' && now.text === name;
const announcer = (page) => page.locator('main p.visually-hidden[role="status"]');

async function openFeed(page) {
  await page.goto('/');
  await appStarted(page);
  await page.locator(`main .feed-item a[href="${articleHref(feed.items[0].id)}"]`).first().waitFor();
}

describe('Keyboard: skip link', () => {
  for (const theme of ['light', 'dark']) {
    it(`is the first Tab stop, visible, and moves focus to the main content (${theme})`, () =>
      suite.withPage(async (page) => {
        await page.emulateMedia({ colorScheme: theme });
        await openFeed(page);
        await page.keyboard.press('Tab');
        const skip = await focused(page);
        assert.equal(skip.text, 'Skip to content', `the first stop is the skip link, not ${describeFocus(skip)}`);
        assertIndicated(skip, theme);
        const box = await page.locator('a.skip-link').boundingBox();
        assert.ok(box && box.y >= 0 && box.height > 0, 'the focused skip link is on screen');

        await page.keyboard.press('Enter');
        await eventually(async () => assert.equal((await focused(page)).id, 'main', 'focus is on main'));
        await page.keyboard.press('Tab');
        const next = await focused(page);
        assert.ok(next.inMain, `the next stop is inside main, not ${describeFocus(next)}`);
        assertIndicated(next, theme);
      }));
  }
});

describe('Keyboard: theme switch', () => {
  it('changes the theme with the arrow keys, shows focus in both themes, and remembers', () =>
    suite.withPage(async (page) => {
      await page.emulateMedia({ colorScheme: 'light' });
      await openFeed(page);
      const select = await tabTo(page, (now) => now.id === 'theme-select', 'the Theme select');
      assertIndicated(select, 'light');
      const theme = () => page.evaluate(() => document.documentElement.dataset.theme ?? null);
      const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const lightBackground = await background();

      await page.keyboard.press('ArrowDown');
      await eventually(async () => assert.equal(await theme(), 'light'));
      await page.keyboard.press('ArrowDown');
      await eventually(async () => assert.equal(await theme(), 'dark'));
      assert.notEqual(await background(), lightBackground, 'the dark theme applies');
      assertIndicated(await focused(page), 'dark');
      assert.equal(await page.evaluate(() => localStorage.getItem('broadsheet:theme')), 'dark');

      await page.reload();
      await page.locator('main .feed-item').first().waitFor();
      assert.equal(await theme(), 'dark', 'the choice survives a reload');
      assert.equal(await page.locator('#theme-select').inputValue(), 'dark');
    }));
});

describe('Keyboard: text size', () => {
  const rootSize = (page) => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  /** How far the page scrolls sideways when asked to go as far right as it can. */
  const sidewaysScroll = (page) =>
    page.evaluate(() => {
      scrollTo(10_000, scrollY);
      const x = scrollX;
      scrollTo(0, scrollY);
      return x;
    });

  it('steps the text up with the arrow keys, remembers it, and keeps a 320 px page from scrolling sideways', () =>
    suite.withPage(async (page) => {
      await page.setViewportSize({ width: 320, height: 640 });
      await openFeed(page);
      const select = await tabTo(page, (now) => now.id === 'text-size-select', 'the Text size select');
      assertIndicated(select, 'light');
      const base = await rootSize(page);
      const sizes = [base];
      for (const step of ['large', 'larger', 'largest']) {
        await page.keyboard.press('ArrowDown');
        await eventually(async () => assert.equal(await page.evaluate(() => document.documentElement.dataset.textSize), step));
        sizes.push(await rootSize(page));
        assert.ok(sizes.at(-1) > sizes.at(-2), `${step} is bigger than the step before: ${sizes.join(' < ')}`);
        assert.equal(await sidewaysScroll(page), 0, `All News at 320 px, text ${step}, has no sideways scroll`);
      }
      assert.equal(await page.evaluate(() => localStorage.getItem('broadsheet:text-size')), 'largest');

      // The choice applies before the first paint of every page, the article included.
      await page.goto(articleHref(SEED_ID));
      await page.locator('main h1').waitFor();
      assert.equal(await rootSize(page), sizes.at(-1), 'the stored size applies on the next page');
      assert.equal(await page.locator('#text-size-select').inputValue(), 'largest');
      assert.equal(await sidewaysScroll(page), 0, 'the article at 320 px, text largest, has no sideways scroll');

      await page.locator('#text-size-select').focus();
      await page.keyboard.press('Home');
      await eventually(async () => assert.equal(await rootSize(page), base));
      assert.equal(await page.evaluate(() => localStorage.getItem('broadsheet:text-size')), null, 'Default forgets the choice');
    }));
});

describe('Keyboard: Load more', () => {
  it('is reached with Tab, works with Enter, and focus goes on to the first new story', () =>
    suite.withPage(async (page) => {
      await openFeed(page);
      const more = await tabTo(page, button('Load more'), 'Load more');
      assertIndicated(more, 'light');
      await page.keyboard.press('Enter');

      const shown = new Set(feed.items.map((item) => item.id));
      const firstNew = feed2.items.find((item) => !shown.has(item.id));
      await eventually(async () => {
        const now = await focused(page);
        assert.ok(feedItemLink(firstNew.id)(now), `focus is on "${firstNew.title}", not ${describeFocus(now)}`);
      });
      assertIndicated(await focused(page), 'light');
      // The next Tab goes on through the new stories, not back to the top.
      await page.keyboard.press('Tab');
      assert.ok((await focused(page)).inMain, 'the next stop is still in the feed');
    }));
});

describe('Keyboard: Share', () => {
  it('shares with the system share sheet on Enter, announces it, and keeps focus', () =>
    suite.withPage(async (page) => {
      await page.addInitScript(() => {
        Object.defineProperty(Navigator.prototype, 'share', {
          configurable: true,
          value: async (data) => {
            window.__shared = data;
          },
        });
      });
      await page.goto(articleHref(SEED_ID));
      await expectText(page.locator('article h1'), seed.headline);
      await appStarted(page);
      const share = await tabTo(page, button('Share'), 'Share');
      assertIndicated(share, 'light');
      await page.keyboard.press('Enter');
      await expectText(page.locator('main .share [role="status"]'), 'Shared.');
      const shared = await page.evaluate(() => window.__shared);
      assert.equal(shared.url, page.url());
      assert.equal(shared.title, seed.headline);
      assert.ok(button('Share')(await focused(page)), 'focus stays on Share');
    }));

  it('copies the link where there is no share sheet, and announces it', () =>
    suite.withPage(async (page) => {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.goto(articleHref(SEED_ID));
      await expectText(page.locator('article h1'), seed.headline);
      await appStarted(page);
      assert.equal(await page.evaluate(() => 'share' in navigator), false, 'this Chromium has no share sheet');
      await tabTo(page, button('Share'), 'Share');
      await page.keyboard.press('Enter');
      await expectText(page.locator('main .share [role="status"]'), 'Link copied to the clipboard.');
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
    }));
});

describe('Keyboard: Retry', () => {
  /** Answers `pattern` with HTTP 500 the first time, then lets requests through. */
  const failOnce = (page, pattern) => {
    let failed = false;
    return page.route(pattern, (route) => {
      if (failed) return route.fallback();
      failed = true;
      return route.fulfill({ status: 500, body: '' });
    });
  };

  it('on All News: Enter on Retry loads the feed, and focus stays in the page', () =>
    suite.withPage(
      async (page) => {
        // The app's own page, as a section without a page of its own gets it.
        await failOnce(page, '**/api/feed.json');
        await gotoAppShell(page, '/');
        await page.locator('main .notice--error').waitFor();
        const retry = await tabTo(page, button('Retry'), 'Retry');
        assertIndicated(retry, 'light');
        await page.keyboard.press('Enter');
        await page.locator(`main .feed-item a[href="${articleHref(feed.items[0].id)}"]`).first().waitFor();
        await eventually(async () => {
          const now = await focused(page);
          assert.ok(now.inMain, `focus is in main, not ${describeFocus(now)}`);
        });
      },
      { allowConsoleErrors: [failedToLoad(500, '/api/feed.json')] },
    ));

  it('on an article: Enter on Retry loads the article, and focus stays in the page', () =>
    suite.withPage(
      async (page) => {
        await failOnce(page, `**/${articleJsonPath(SEED_ID)}`);
        await gotoAppShell(page, articleHref(SEED_ID));
        await page.locator('main .notice--error').waitFor();
        await appStarted(page);
        const retry = await tabTo(page, button('Retry'), 'Retry');
        assertIndicated(retry, 'light');
        await page.keyboard.press('Enter');
        await expectText(page.locator('article h1'), seed.headline);
        await eventually(async () => {
          const now = await focused(page);
          assert.ok(now.inMain || now.id === 'main', `focus is in main, not ${describeFocus(now)}`);
        });
      },
      { allowConsoleErrors: [failedToLoad(500, `/${articleJsonPath(SEED_ID)}`)] },
    ));
});

describe('Keyboard: a pre-rendered article', () => {
  it('keeps focus where the reader tabbed to when the app adopts the page', () =>
    suite.withPage(async (page) => {
      // The app starts late on a pre-rendered page: hold it until the reader has tabbed in.
      let release;
      const held = new Promise((resolve) => (release = resolve));
      await page.route(/\/broadsheet-[0-9a-f]{1,16}_bg\.wasm$/, async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(articleHref(SEED_ID));
      await page.locator('main article h1').waitFor();
      let now = await focused(page);
      for (let presses = 0; !now.inMain && presses < 20; presses += 1) {
        await page.keyboard.press('Tab');
        now = await focused(page);
      }
      assert.ok(now.inMain, `the keyboard reaches the article before the app runs, not ${describeFocus(now)}`);
      await page.evaluate(() => {
        window.__focused = document.activeElement;
      });
      release();
      await appStarted(page);
      assert.ok(await page.evaluate(() => document.activeElement === window.__focused), 'the same element keeps focus');
      assertIndicated(await focused(page), 'light');
    }));
});

describe('Keyboard: following links inside the app', () => {
  it('moves focus to the new page heading and announces its title; Back keeps the feed where it was', () =>
    suite.withPage(async (page) => {
      await page.setViewportSize({ width: 375, height: 500 });
      await openFeed(page);
      // The first page is the browser's to announce: nothing moved, nothing said.
      assert.equal((await focused(page)).tag, 'body');
      assert.equal(normalizeText((await announcer(page).textContent()) ?? ''), '');

      // A story low enough in the feed that the page has to scroll to it.
      const story = feed.items.at(-1);
      const article = await readSiteJson(articleJsonPath(story.id));
      await tabTo(page, feedItemLink(story.id), `the link to "${story.title}"`);
      const feedScroll = await page.evaluate(() => window.scrollY);
      assert.ok(feedScroll > 0, 'the feed scrolled to the story');
      await page.keyboard.press('Enter');

      await page.waitForURL(`**${articleHref(story.id)}`);
      await eventually(async () => {
        const now = await focused(page);
        assert.equal(now.tag, 'h1', `focus is on the heading, not ${describeFocus(now)}`);
        assert.equal(now.text, normalizeText(article.headline));
      });
      await eventually(async () => {
        const said = normalizeText((await announcer(page).textContent()) ?? '');
        assert.equal(said, await page.title());
        assert.ok(said.includes(normalizeText(article.headline)), `"${said}" names the story`);
      });

      await page.goBack();
      await page.waitForURL(`${suite.baseURL}/`);
      await eventually(async () => {
        const now = await focused(page);
        assert.equal(now.tag, 'h1', `focus is on the heading, not ${describeFocus(now)}`);
        assert.equal(now.text, 'All News');
      });
      await eventually(async () => assert.equal(normalizeText((await announcer(page).textContent()) ?? ''), await page.title()));
      // Focus moved without scrolling: the reader is back where they left the feed.
      await eventually(async () => {
        const y = await page.evaluate(() => window.scrollY);
        assert.ok(Math.abs(y - feedScroll) <= 2, `scrolled to ${y}, left at ${feedScroll}`);
      });

      // A section link is a move inside the app too.
      const section = feed.items[0]._broadsheet.section;
      await page.locator('nav.section-nav').getByRole('link', { name: section, exact: true }).focus();
      await page.keyboard.press('Enter');
      await eventually(async () => {
        const now = await focused(page);
        assert.equal(now.tag, 'h1');
        assert.equal(now.text, section);
      });
    }));
});
