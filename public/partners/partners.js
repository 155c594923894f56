// The snippet builder for partners: the form's choices become a placeholder for embed.js, shown
// as text to copy and mounted live below it. Every value goes through the DOM's own attribute
// and text APIs or is escaped for the snippet: nothing here is parsed as HTML.
(function () {
  'use strict';

  var form = document.getElementById('options');
  var snippet = document.getElementById('snippet');
  var preview = document.getElementById('preview');
  var copyButton = document.getElementById('copy');
  var copyStatus = document.getElementById('copy-status');
  var origin = location.origin;

  function choices() {
    var data = new FormData(form);
    var kind = data.get('kind');
    var attributes = [['data-broadsheet-embed', kind]];
    if (kind === 'feed') {
      attributes.push(['data-limit', String(Math.min(20, Math.max(1, Number(data.get('limit')) || 5)))]);
      if (data.get('section')) attributes.push(['data-section', data.get('section')]);
    } else if (data.get('story')) {
      attributes.push(['data-id', data.get('story')]);
    }
    attributes.push(['data-theme', data.get('theme')]);
    if (data.get('use-accent')) attributes.push(['data-accent', data.get('accent')]);
    return { kind: kind, attributes: attributes };
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function fallbackLink(kind) {
    return kind === 'feed' ? 'Latest news on Broadsheet' : 'Read this story on Broadsheet';
  }

  // Where a reader without scripts goes: the story's own page for a card. The id is encoded as
  // the site's links encode it (routes::article: all but RFC 3986's unreserved characters), so
  // the snippet is the very one the story's oEmbed document gives (src/bin/prerender/oembed.rs).
  function fallbackHref(chosen) {
    var story = chosen.kind === 'article' && chosen.attributes.filter(function (pair) {
      return pair[0] === 'data-id';
    })[0];
    if (!story) return origin + '/';
    return origin + '/news/' + encodeURIComponent(story[1]).replace(/[!'()*]/g, function (c) {
      return '%' + c.charCodeAt(0).toString(16).toUpperCase();
    });
  }

  function render() {
    var chosen = choices();
    form.querySelectorAll('[data-for]').forEach(function (field) {
      field.hidden = field.getAttribute('data-for') !== chosen.kind;
    });
    document.getElementById('accent').disabled = !document.getElementById('use-accent').checked;

    var attributes = chosen.attributes.map(function (pair) {
      return ' ' + pair[0] + '="' + escapeHtml(pair[1]) + '"';
    }).join('');
    snippet.value =
      '<div' + attributes + '><a href="' + escapeHtml(fallbackHref(chosen)) + '">' + fallbackLink(chosen.kind) + '</a></div>\n' +
      '<script src="' + escapeHtml(origin + '/embed.js') + '" async></script>';

    var placeholder = document.createElement('div');
    chosen.attributes.forEach(function (pair) { placeholder.setAttribute(pair[0], pair[1]); });
    placeholder.setAttribute('data-title', 'Preview: ' + fallbackLink(chosen.kind));
    preview.replaceChildren(placeholder); // embed.js notices the new placeholder and mounts it.
    copyStatus.textContent = '';
  }

  function fill(select, entries) {
    entries.forEach(function (entry) {
      var option = document.createElement('option');
      option.value = entry[0];
      option.textContent = entry[1];
      select.appendChild(option);
    });
  }

  // The API base is configured once, in the site's own page (meta broadsheet:api).
  function apiBase() {
    return fetch('/', { headers: { Accept: 'text/html' } })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var meta = new DOMParser().parseFromString(html, 'text/html').querySelector('meta[name="broadsheet:api"]');
        return new URL((meta && meta.getAttribute('content')) || '/api/', origin);
      });
  }

  function loadChoices() {
    return apiBase()
      .then(function (base) { return fetch(new URL('feed.json', base)); })
      .then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      })
      .then(function (feed) {
        var items = Array.isArray(feed.items) ? feed.items : [];
        var sections = [];
        items.forEach(function (item) {
          var section = item._broadsheet && item._broadsheet.section;
          if (typeof section === 'string' && sections.indexOf(section) < 0) sections.push(section);
        });
        fill(document.getElementById('section'), sections.sort().map(function (s) { return [s, s]; }));
        fill(document.getElementById('story'), items.filter(function (item) {
          return typeof item.id === 'string';
        }).map(function (item) {
          return [item.id, typeof item.title === 'string' ? item.title : item.id];
        }));
      })
      .catch(function () {
        // Without the feed the lists stay short; the snippet still works with all sections.
        copyStatus.textContent = 'The story list could not be loaded; the feed embed still works.';
      });
  }

  copyButton.addEventListener('click', function () {
    var done = function () { copyStatus.textContent = 'Snippet copied.'; };
    var byHand = function () {
      snippet.focus();
      snippet.select();
      copyStatus.textContent = 'Press Ctrl+C (or Cmd+C) to copy the selected snippet.';
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(snippet.value).then(done, byHand);
    } else {
      byHand();
    }
  });
  form.addEventListener('input', render);
  form.addEventListener('change', render);
  loadChoices().then(render);
})();
