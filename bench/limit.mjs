// The limit a page is measured against: the same served HTML with every `<script>` taken out
// (the boot script, theme.js, and the JSON blocks too: the page's data and the JSON-LD), the
// style sheets and images left as they are. No script can make a page paint sooner than that.

import { createServer, request } from 'node:http';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import { listenOnLoopback } from '../tests/e2e/harness.mjs';

// How the page came from upstream is how its limit goes out: at the levels of the deploy's
// precompressed files (scripts/compress.mjs), which nginx sends for pages.
const CODECS = {
  br: {
    decode: brotliDecompressSync,
    encode: (data) => brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }),
  },
  gzip: { decode: gunzipSync, encode: (data) => gzipSync(data, { level: constants.Z_BEST_COMPRESSION }) },
};

/** The HTML with every script element removed, data blocks included. */
export function withoutScripts(html) {
  return html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
}

/** The query that asks `serveWithLimit` for a page's limit instead of the page. */
export const LIMIT_QUERY = '?limit';

/**
 * A loopback proxy in front of `upstream` (nginx, or the e2e harness's server) that passes
 * every request through as it is, except `<path>?limit`: that answers the page at `<path>`
 * without its scripts, with the upstream's headers and encoding (compressed when upstream
 * compresses the page: nginx does, the harness's server does not). The page and its
 * limit both go through the proxy, so they differ only in their HTML. The path is unchanged so
 * that relative addresses and nginx's routing are the same for both.
 * Resolves to `{ url, close }`.
 */
export async function serveWithLimit(upstream) {
  const target = new URL(upstream);
  const forward = (req, { path, headers }) =>
    new Promise((resolve, reject) => {
      const out = request(
        { host: target.hostname, port: target.port, method: req.method, path, headers: { ...headers, host: target.host } },
        resolve,
      );
      out.on('error', reject).end();
    });
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://proxy');
      if (url.search !== LIMIT_QUERY) {
        const answer = await forward(req, { path: req.url, headers: req.headers });
        res.writeHead(answer.statusCode, answer.headers);
        answer.pipe(res);
        return;
      }
      // Never a 304: the limit is not the page a validator was given for.
      const { 'if-none-match': _etag, 'if-modified-since': _date, ...headersIn } = req.headers;
      const answer = await forward(req, { path: url.pathname, headers: headersIn });
      const chunks = [];
      for await (const chunk of answer) chunks.push(chunk);
      const codec = CODECS[answer.headers['content-encoding'] ?? ''];
      const html = (codec ? codec.decode(Buffer.concat(chunks)) : Buffer.concat(chunks)).toString('utf8');
      const stripped = Buffer.from(withoutScripts(html));
      const body = codec ? codec.encode(stripped) : stripped;
      const headers = { ...answer.headers };
      for (const name of ['transfer-encoding', 'etag', 'last-modified']) delete headers[name];
      headers['content-length'] = String(body.length);
      res.writeHead(answer.statusCode, headers).end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${error.message}\n`);
    }
  });
  return listenOnLoopback(server);
}
