// The generated feed of bench/feed.mjs, and the server that answers it: 10,000 items in pages
// of 50, newest first, spread over many days. Page 1 is /api/feed.json (also
// /api/bench-feed-1.json); page k is /api/bench-feed-<k>.json, chained by relative `next_url`.
// Everything else (index.html, wasm, images, articles) goes through to the harness server.

import { createServer, request as httpRequest } from 'node:http';
import { DIST_DIR, listenOnLoopback, startServer } from '../../tests/e2e/harness.mjs';

export const TOTAL_ITEMS = 10_000;
export const PAGE_SIZE = 50;
export const TOTAL_PAGES = Math.ceil(TOTAL_ITEMS / PAGE_SIZE);

const SECTIONS = ['World', 'Politics', 'Business', 'Science', 'Culture', 'Sport'];
const WORDS = (
  'talks minister agreement budget council vote market energy climate court report study ' +
  'museum festival league final season election summit border trade inflation rates ' +
  'research telescope vaccine coast storm harbour bridge railway schools hospital union'
).split(' ');

/** A small deterministic PRNG (mulberry32), so every run and every machine gets the same feed. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function words(random, count) {
  return Array.from({ length: count }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
}

/** Page k (1-based) of the generated feed, as a JSON string. */
export function generatePages(images) {
  const random = prng(20220113);
  // Newest first: from the end of June 2024 back, 15 to 105 minutes apart (about a year).
  let at = Date.UTC(2024, 5, 30, 22, 0, 0);
  const items = [];
  for (let i = 0; i < TOTAL_ITEMS; i += 1) {
    const id = `bench-${String(i).padStart(5, '0')}`;
    const section = SECTIONS[Math.floor(random() * SECTIONS.length)];
    const headline = words(random, 7 + Math.floor(random() * 6));
    const title = `${headline[0].toUpperCase()}${headline.slice(1)} (${i})`;
    items.push({
      id,
      url: `/news/${id}`,
      title,
      summary: `${words(random, 18 + Math.floor(random() * 14))}.`,
      image: `/images/${images[i % images.length]}`,
      date_published: new Date(at).toISOString().replace('.000Z', 'Z'),
      authors: [{ name: `Broadsheet ${section} desk`, url: '/' }],
      tags: [section, words(random, 1)],
      language: 'en',
      _broadsheet: {
        section,
        image_alt: `Illustration for item ${i}: ${words(random, 6)}`,
        article: `articles/${id}.json`,
      },
    });
    at -= (15 + Math.floor(random() * 90)) * 60_000;
  }
  const pages = [];
  for (let k = 1; k <= TOTAL_PAGES; k += 1) {
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Broadsheet — All News (benchmark)',
      home_page_url: '/',
      feed_url: `/api/bench-feed-${k}.json`,
      language: 'en',
      items: items.slice((k - 1) * PAGE_SIZE, k * PAGE_SIZE),
    };
    if (k < TOTAL_PAGES) feed.next_url = `bench-feed-${k + 1}.json`;
    pages.push(Buffer.from(JSON.stringify(feed)));
  }
  return { pages, items };
}

/** The id of the last item of page k (1-based). */
export const lastIdOfPage = (items, k) => items[Math.min(k * PAGE_SIZE, items.length) - 1].id;

/**
 * A wrapper in front of the harness server: it answers the feed pages itself and passes every
 * other request through unchanged.
 */
export async function startBenchServer(pages) {
  const inner = await startServer(DIST_DIR);
  const innerURL = new URL(inner.url);
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://127.0.0.1');
    const match = pathname === '/api/feed.json' ? ['', '1'] : /^\/api\/bench-feed-(\d+)\.json$/.exec(pathname);
    if (match) {
      const body = pages[Number(match[1]) - 1];
      if (!body) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('404\n');
        return;
      }
      res.writeHead(200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': body.length,
        'Cache-Control': 'no-cache',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    const upstream = httpRequest(
      { hostname: innerURL.hostname, port: innerURL.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  const proxy = await listenOnLoopback(server);
  return {
    url: proxy.url,
    async close() {
      await proxy.close();
      await inner.close();
    },
  };
}
