// Offline reading (public/sw.js, public/offline.js) with the browser context offline: what a
// reader opened once reads again with no connection, reload included; a page never opened gets
// our offline page, listing what the device has; a new deploy is offered, not switched to
// silently; and a partner's embed registers no worker and stores nothing. The manifest and its
// icons are checked as a browser installs them.

import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DIST_DIR, eventually, expectText, listenOnLoopback, openSuite, readSiteJson, useSuite } from './harness.mjs';

const OPENED = 'osce-permanent-council-january-13';
const NEVER_OPENED = 'pig-heart-transplant-maryland';
const ALSO_SAVED = 'russia-nato-council-january-12';
const WITH_WORKER = { serviceWorkers: 'allow' };

/** Waits until the worker controls the page and has stored the page and its hero image. */
async function stored(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.waitForFunction(async () => Boolean(await caches.match(location.href, { ignoreVary: true })));
  // The hero is stored once it has loaded: going offline before then would lose it, as it would
  // a reader who left the page that soon.
  await page.waitForFunction(async () => {
    const hero = document.querySelector('.figure--hero img');
    return !hero || (hero.complete && Boolean(await caches.match(hero.currentSrc)));
  });
}

/** Whether the article's hero image has been drawn (a broken image has no width). */
function heroDrawn(page) {
  return eventually(async () => {
    const drawn = await page.locator('.figure--hero img').evaluate((image) => image.complete && image.naturalWidth > 0);
    assert.ok(drawn, 'the hero image is drawn');
  });
}

describe('offline reading', () => {
  const suite = useSuite();
  let article;
  before(async () => {
    article = await readSiteJson(`api/articles/${OPENED}.json`);
  });

  it('reloads an article opened once, text and hero image, and All News, with no connection', () =>
    suite.withPage(async (page) => {
      await page.goto(`/news/${OPENED}`);
      await stored(page);
      // Its hero too: stored by the worker, from what the page loaded before the worker ran.
      const hero = await page.locator('.figure--hero img').evaluate((image) => image.currentSrc);
      await page.waitForFunction(async (src) => Boolean(await caches.match(src)), hero);
      await page.goto('/');
      await stored(page);

      await page.context().setOffline(true);
      await page.goto(`/news/${OPENED}`);
      await expectText(page.locator('#main h1'), article.headline);
      await heroDrawn(page);
      await expectText(page.locator('.stored-copy'), `Offline: this is the copy stored on this device (${await storedDate(page)}).`);
      await page.reload();
      await expectText(page.locator('#main h1'), article.headline);
      await heroDrawn(page);

      await page.goto('/');
      const feed = await readSiteJson('api/feed.json');
      await expectText(page.locator('.feed-item__title').first(), feed.items[0].title);
      await page.locator('.stored-copy').waitFor();
    }, WITH_WORKER));

  it('shows our offline page for a story never opened, listing the stories on the device', () =>
    suite.withPage(async (page) => {
      await page.goto(`/news/${OPENED}`);
      await stored(page);
      // Read once more under the worker, as a reader coming back would: what that visit shows
      // is stored before it is shown, so going offline right after loses nothing of it.
      await page.reload();
      await heroDrawn(page);
      await page.context().setOffline(true);
      await page.goto(`/news/${NEVER_OPENED}`);
      await expectText(page.locator('#main h1'), 'You are offline');
      assert.equal(await page.locator('header.masthead').count(), 1, "in the site's frame");
      const list = page.locator('#offline-stories a');
      await expectText(list, article.headline);
      assert.equal(await list.getAttribute('href'), `/news/${OPENED}`);
      await list.click();
      await expectText(page.locator('#main h1'), article.headline);
    }, WITH_WORKER));

  it('saves stories for later, newest first; a saved story opens offline; Remove frees its copies', () =>
    suite.withPage(async (page) => {
      const later = await readSiteJson(`api/articles/${ALSO_SAVED}.json`);
      for (const id of [OPENED, ALSO_SAVED]) {
        await page.goto(`/news/${id}`);
        await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
        const save = page.getByRole('button', { name: 'Save for later' });
        await save.click();
        assert.equal(await save.getAttribute('aria-pressed'), 'true');
        await page.waitForFunction(async () => (await (await caches.open('broadsheet-saved')).keys()).some((r) => r.url === location.href));
      }
      // Only the saved copies are left to read from.
      await page.evaluate(() => Promise.all(['broadsheet-pages', 'broadsheet-images'].map((name) => caches.delete(name))));

      await page.context().setOffline(true);
      await page.getByRole('link', { name: 'Saved' }).click();
      await expectText(page.locator('#main h1'), 'Saved for later');
      const links = page.locator('#saved-stories a');
      assert.deepEqual((await links.allTextContents()).map((t) => t.trim()), [later.headline, article.headline], 'newest first');
      await links.nth(1).click();
      await expectText(page.locator('#main h1'), article.headline);
      await heroDrawn(page);
      assert.equal(await page.getByRole('button', { name: 'Save for later' }).getAttribute('aria-pressed'), 'true');

      await page.goBack();
      await page.getByRole('button', { name: `Remove ${article.headline}` }).click();
      assert.deepEqual((await links.allTextContents()).map((t) => t.trim()), [later.headline]);
      await eventually(async () => {
        const left = await page.evaluate(async () => (await (await caches.open('broadsheet-saved')).keys()).map((r) => new URL(r.url).pathname));
        assert.ok(!left.includes(`/news/${OPENED}`), `its page is gone: ${left}`);
        assert.ok(left.includes(`/news/${ALSO_SAVED}`), 'the other stays');
        const hero = article.hero.src.replace(/-\d+\.\w+$/, '');
        assert.ok(!left.some((p) => p.startsWith(hero)), `its hero is gone: ${left}`);
        assert.ok(left.some((p) => p.startsWith('/images/')), `the other's hero stays: ${left}`);
      });
    }, WITH_WORKER));

  it('caches nothing and serves nothing for a partner embed on another origin', () =>
    suite.withPage(async (page) => {
      const partner = await startPartner(suite.baseURL);
      try {
        await page.goto(partner.url);
        const frame = await eventually(async () => {
          const found = await (await page.locator('iframe').elementHandle()).contentFrame();
          assert.ok(found && (await found.locator('.embed h1').count()), 'the embed has rendered');
          return found;
        });
        await frame.waitForFunction(() => document.readyState === 'complete');
        assert.equal(await frame.locator('script[src="/offline.js"], link[rel="manifest"]').count(), 0, "the embed's page links neither");
        await frame.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
        assert.deepEqual(
          await frame.evaluate(async () => ({
            workers: (await navigator.serviceWorker.getRegistrations()).length,
            caches: await caches.keys(),
          })),
          { workers: 0, caches: [] },
        );
      } finally {
        await partner.close();
      }
    }, WITH_WORKER));

  it('is installable: the manifest names its icons, each of its size', () =>
    suite.withPage(async (page) => {
      await page.goto('/');
      const href = await page.locator('link[rel="manifest"]').getAttribute('href');
      const manifest = await (await page.request.get(href)).json();
      assert.equal(manifest.display, 'standalone');
      assert.equal(manifest.start_url, '/');
      assert.ok(manifest.name && manifest.short_name);
      assert.ok(manifest.theme_color && manifest.background_color);
      for (const [size, purpose] of [[192, 'any'], [512, 'any'], [512, 'maskable']]) {
        const icon = manifest.icons.find((i) => i.sizes === `${size}x${size}` && i.purpose === purpose);
        assert.ok(icon, `a ${purpose} icon of ${size} px`);
        const drawn = await page.evaluate(async (src) => {
          const image = new Image();
          image.src = src;
          await image.decode();
          return [image.naturalWidth, image.naturalHeight];
        }, icon.src);
        assert.deepEqual(drawn, [size, size], icon.src);
      }
      const themes = await page.locator('meta[name="theme-color"]').evaluateAll((metas) => metas.map((m) => m.media));
      assert.deepEqual(themes.sort(), ['(prefers-color-scheme: dark)', '(prefers-color-scheme: light)']);
      // Chromium's own installability checks (Lighthouse 12 no longer has them), but for the one
      // no test context can pass: a Playwright context is an incognito profile.
      const cdp = await page.context().newCDPSession(page);
      await eventually(async () => {
        const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
        assert.deepEqual(installabilityErrors.filter((e) => e.errorId !== 'in-incognito'), []);
      });
    }, WITH_WORKER));
});

describe('a new deploy', () => {
  let site;
  let server;
  before(async () => {
    site = await mkdtemp(path.join(tmpdir(), 'broadsheet-deploy-'));
    // The deployed site, linked file by file, with a worker of its own to replace.
    for (const entry of await readdir(DIST_DIR)) {
      if (!entry.startsWith('sw.js')) await symlink(path.join(DIST_DIR, entry), path.join(site, entry));
    }
    await writeFile(path.join(site, 'sw.js'), await readFile(path.join(DIST_DIR, 'sw.js')));
    server = await openSuite({ root: site });
  });
  after(async () => {
    await server?.close();
    if (site) await rm(site, { recursive: true, force: true });
  });

  it('is offered with "A new version is available — Reload", and Reload brings it', () =>
    server.withPage(async (page) => {
      await page.goto(`/news/${OPENED}`);
      await stored(page);
      const first = await page.evaluate(() => caches.keys());
      assert.equal(first.filter((name) => name.startsWith('broadsheet-app-')).length, 1);

      // The next deploy: a worker with another version, as the build writes it.
      const worker = await readFile(path.join(site, 'sw.js'), 'utf8');
      const next = worker.replace(/("?version"?:")([0-9a-f]{16})"/, (_, key, old) => `${key}${[...old].reverse().join('')}"`);
      assert.notEqual(next, worker, "the build wrote the worker's version");
      await writeFile(path.join(site, 'sw.js'), next);

      await page.reload();
      const prompt = page.locator('.update-prompt');
      await expectText(prompt.locator('p'), 'A new version is available');
      assert.equal(await page.evaluate(() => caches.keys()).then((names) => names.filter((n) => n.startsWith('broadsheet-app-')).length), 2, 'the new deploy waits beside the old one');
      assert.equal(await page.locator('#main h1').count(), 1, 'the page still reads as it did');

      const reloaded = page.waitForEvent('load');
      await prompt.getByRole('button', { name: 'Reload' }).click();
      await reloaded;
      await stored(page);
      const now = (await page.evaluate(() => caches.keys())).filter((name) => name.startsWith('broadsheet-app-'));
      assert.equal(now.length, 1, "the old deploy's files are gone");
      assert.notDeepEqual(now, first.filter((name) => name.startsWith('broadsheet-app-')), 'the new deploy runs');
      assert.equal(await prompt.count(), 0);
    }, WITH_WORKER));
});

/** The `Date` of the stored copy of the page, as offline.js writes it. */
function storedDate(page) {
  return page.evaluate(async () => {
    const copy = await caches.match(location.href, { ignoreVary: true });
    return new Date(copy.headers.get('Date')).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  });
}

/** A partner's page on an origin of its own, with one feed embed. */
function startPartner(broadsheet) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner</title></head>
<body><main><h1>Partner</h1><div data-broadsheet-embed="feed" data-limit="2"></div></main>
<script src="${broadsheet}/embed.js" async></script></body></html>`;
  return listenOnLoopback(
    createServer((req, res) => {
      if (req.url === '/') res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
      else res.writeHead(404).end();
    }),
  );
}
