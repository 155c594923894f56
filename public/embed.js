/*! Broadsheet partner embeds. Paste a placeholder where the news should appear, then this
 * script once, from the Broadsheet origin:
 *
 *   <div data-broadsheet-embed="feed" data-limit="5" data-section="World" data-theme="auto"
 *        data-accent="#0b4f8a"><a href="https://BROADSHEET/">Latest news on Broadsheet</a></div>
 *   <div data-broadsheet-embed="article" data-id="STORY-ID"></div>
 *   <script src="https://BROADSHEET/embed.js" async></script>
 *
 * Each placeholder's contents (a link for readers without scripts) give way to an iframe of
 * /embed/feed or /embed/news/<id>. The iframe tells us its content height; we believe only
 * messages from our own iframes, sent from the Broadsheet origin (DESIGN.md, partner embeds).
 */
(function () {
  'use strict';

  var GLOBAL = '__broadsheetEmbed';
  var ATTRIBUTE = 'data-broadsheet-embed';
  var MOUNTED = 'data-broadsheet-embed-mounted';
  var MESSAGE_TYPE = 'broadsheet:resize'; // embed::RESIZE_MESSAGE_TYPE
  var INITIAL_HEIGHT = 150;
  var MIN_HEIGHT = 60;
  var MAX_HEIGHT = 4000;
  // Scripts and same-origin (the embed fetches its JSON and names its origin in messages), and
  // links that open Broadsheet in a new, unsandboxed tab. Nothing else: no forms, no
  // navigating the partner's page, no modals.
  var SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';
  var OPTIONS = { 'data-limit': 'limit', 'data-section': 'section', 'data-theme': 'theme', 'data-accent': 'accent' };
  var TITLES = { feed: 'Latest news from Broadsheet', article: 'A story from Broadsheet' };

  // Included twice: the first copy does the work; the second just looks for new placeholders.
  if (window[GLOBAL]) {
    window[GLOBAL].scan(document);
    return;
  }

  var script = document.currentScript;
  if (!script || !script.src) return;
  var origin = new URL(script.src, location.href).origin;
  var frames = [];
  var mounted = 0;

  function embedAddress(placeholder, kind, id) {
    var address;
    if (kind === 'feed') {
      address = new URL('/embed/feed', origin);
    } else if (kind === 'article') {
      var story = placeholder.getAttribute('data-id');
      if (!story) return null;
      address = new URL('/embed/news/' + encodeURIComponent(story), origin);
    } else {
      return null;
    }
    Object.keys(OPTIONS).forEach(function (name) {
      var value = placeholder.getAttribute(name);
      if (value) address.searchParams.set(OPTIONS[name], value);
    });
    address.searchParams.set('embed_id', id);
    return address.href;
  }

  function mount(placeholder) {
    if (placeholder.hasAttribute(MOUNTED)) return;
    var kind = placeholder.getAttribute(ATTRIBUTE);
    mounted += 1;
    var id = 'broadsheet-' + mounted + '-' + Math.random().toString(36).slice(2, 10);
    var src = embedAddress(placeholder, kind, id);
    if (!src) {
      console.warn('Broadsheet embed: unknown kind "' + kind + '" or a missing data-id; left as it is.');
      return;
    }
    var frame = document.createElement('iframe');
    frame.setAttribute('src', src);
    frame.setAttribute('title', placeholder.getAttribute('data-title') || TITLES[kind]);
    frame.setAttribute('loading', 'lazy');
    // On Broadsheet's own pages (the partners' preview) the iframe is same-origin, and a
    // same-origin frame with scripts can lift any sandbox: there it would be a pretence.
    if (origin !== location.origin) frame.setAttribute('sandbox', SANDBOX);
    frame.style.display = 'block';
    frame.style.width = '100%';
    frame.style.border = '0';
    frame.style.height = INITIAL_HEIGHT + 'px';
    placeholder.setAttribute(MOUNTED, '');
    while (placeholder.firstChild) placeholder.removeChild(placeholder.firstChild);
    placeholder.appendChild(frame);
    frames.push({ frame: frame, id: id });
  }

  function scan(root) {
    if (root.nodeType === 1 && root.hasAttribute(ATTRIBUTE)) mount(root);
    var found = root.querySelectorAll('[' + ATTRIBUTE + ']');
    for (var i = 0; i < found.length; i += 1) mount(found[i]);
  }

  function onMessage(event) {
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== MESSAGE_TYPE) return;
    if (typeof data.height !== 'number' || !isFinite(data.height)) return;
    // A partner's app may have removed some embeds since: forget them.
    frames = frames.filter(function (entry) { return entry.frame.isConnected; });
    for (var i = 0; i < frames.length; i += 1) {
      var entry = frames[i];
      if (entry.frame.contentWindow === event.source && entry.id === data.id) {
        var height = Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, data.height)));
        entry.frame.style.height = height + 'px';
        return;
      }
    }
  }

  Object.defineProperty(window, GLOBAL, { value: Object.freeze({ scan: scan }) });
  window.addEventListener('message', onMessage);
  // Placeholders added later (a partner's own script, a single-page app) are found as they come.
  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      change.addedNodes.forEach(function (node) {
        if (node.nodeType === 1) scan(node);
      });
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
  scan(document);
})();
