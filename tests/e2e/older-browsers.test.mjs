// End-to-end tests of the app in a browser without the newer APIs it uses where they exist:
// `AbortSignal.timeout` and `AbortSignal.any` (Safari before 17.4, Firefox before 124, iOS 16),
// the clipboard (missing on plain-http origins) and the share sheet (most desktops). Chromium
// has them all; each test deletes them before the page's own scripts run.
// Run: node --test tests/e2e/older-browsers.test.mjs

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { appStarted, expectText, openSuite, readSiteJson, serveAppShell } from './harness.mjs';

const SEED_ID = 'eight-hour-us-russia-talks';
const articlePath = (id) => `/news/${encodeURIComponent(id)}`;
const articleDocumentPath = (id) => `/api/articles/${encodeURIComponent(id)}.json`;

/** The app abandons a request after this long (src/api.rs); the fake clock jumps past it. */
const APP_TIMEOUT_MS = 10_000;

let suite;
let seed;

before(async () => {
  seed = await readSiteJson(`api/articles/${encodeURIComponent(SEED_ID)}.json`);
  suite = await openSuite();
});

after(() => suite?.close());

/** Takes away what an older browser lacks, before any script of the page runs. */
async function withoutNewerApis(page) {
  await page.addInitScript(() => {
    delete AbortSignal.timeout;
    delete AbortSignal.any;
    delete Navigator.prototype.clipboard;
    delete Navigator.prototype.share;
  });
}

/** Opens the seed article as the app alone renders it: the app shell, then a fetch. */
async function openUnrenderedArticle(page) {
  await withoutNewerApis(page);
  await serveAppShell(page, articlePath(SEED_ID));
  await page.goto(articlePath(SEED_ID));
  assert.deepEqual(
    await page.evaluate(() => [typeof AbortSignal.timeout, typeof AbortSignal.any, 'clipboard' in navigator, 'share' in navigator]),
    ['undefined', 'undefined', false, false],
    'the page runs without the newer APIs',
  );
  assert.equal(await page.locator('#page-data').count(), 0, 'the page was not pre-rendered');
}

describe('Older browsers', () => {
  it('an article that was not pre-rendered arrives, and Share offers its link to copy', () =>
    suite.withPage(async (page) => {
      const requested = [];
      page.on('request', (request) => requested.push(new URL(request.url()).pathname));
      await openUnrenderedArticle(page);
      await appStarted(page);
      await expectText(page.locator('main article h1'), seed.headline);
      assert.ok(requested.includes(articleDocumentPath(SEED_ID)), 'the app fetched the article itself');

      await page.locator('.share').getByRole('button', { name: 'Share', exact: true }).click();
      const field = page.getByRole('textbox', { name: 'Copy this link:' });
      await field.waitFor({ state: 'visible' });
      const expected = new URL(seed.url, page.url()).href;
      assert.equal(await field.inputValue(), expected, 'the field holds the article\'s full address');
      assert.equal(await field.getAttribute('readonly'), '', 'the field cannot be edited');
      // Focused with the whole address selected: the reader has only to copy.
      await page.waitForFunction(() => {
        const active = document.activeElement;
        return (
          active?.matches('.share input') && active.selectionStart === 0 && active.selectionEnd === active.value.length
        );
      });
    }));

  it('a request that never answers still ends in the notice that it took too long', () =>
    suite.withPage(async (page) => {
      await page.clock.install();
      let asked = false;
      await page.route(
        (url) => url.pathname === articleDocumentPath(SEED_ID),
        () => {
          asked = true;
        },
      );
      await openUnrenderedArticle(page);
      for (let tries = 0; !asked; tries += 1) {
        assert.ok(tries < 150, 'the article was requested');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await page.clock.runFor(APP_TIMEOUT_MS + 500);
      const alert = page.locator('main .notice--error[role="alert"]');
      await alert.waitFor({ state: 'visible' });
      assert.match(await alert.innerText(), /took too long/);
    }));
});
