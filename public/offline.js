// Offline reading on the site's pages (README, "Offline reading"): registers the service worker
// (public/sw.js) once the page has loaded, so that it never competes with the page; has it keep
// what this page loaded before it ran; offers a new deploy with "Reload" rather than switching
// silently; says when a page shown offline was stored; fills the offline page's list; and runs
// Save for later (each article's button, the Saved page's list with Remove). Plain
// script, no app code: the app's wasm stays as it is. Never on a partner's embed: the build
// leaves this script out of embed.html, and the address is checked besides (`trunk serve`
// serves embeds from the site's page).
(function () {
  if (!('serviceWorker' in navigator) || location.pathname.indexOf('/embed/') === 0) return;

  var TEXT = {
    update: 'A new version is available',
    reload: 'Reload',
    storedCopy: 'Offline: this is the copy stored on this device ',
    nothingStored: 'None yet: the stories you open are kept on this device.',
    nothingSaved: 'Nothing saved yet: every story has a Save for later button.',
    savedOn: 'Saved ',
    remove: 'Remove',
  };
  // The saved stories, newest first: [{ path, headline, saved (ms), urls (what the worker keeps) }].
  var SAVED_KEY = 'broadsheet:saved';
  var SAVED_STORIES_ID = 'saved-stories'; // components::DeviceStories::Saved.list_id()
  var PAGES_CACHE = 'broadsheet-pages';
  var SAVED_CACHE = 'broadsheet-saved';
  var OFFLINE_STORIES_ID = 'offline-stories'; // components::DeviceStories::Offline.list_id()
  var MATCH = { ignoreVary: true };

  // The Save for later buttons (components::SaveButton) show from here on.
  document.documentElement.setAttribute('data-offline', '');

  var sameOrigin = function (url) {
    try {
      return new URL(url, location.href).origin === location.origin;
    } catch {
      return false;
    }
  };

  // What the page loaded before the worker controlled it: the page, its JSON and its images.
  var keepThisPage = function (worker) {
    var resources = performance.getEntriesByType('resource').filter(function (entry) {
      return sameOrigin(entry.name);
    });
    var byKind = function (kind) {
      return resources.filter(function (entry) { return entry.initiatorType === kind; }).map(function (entry) { return entry.name; });
    };
    var images = byKind('img');
    Array.prototype.forEach.call(document.images, function (image) {
      if (image.currentSrc && sameOrigin(image.currentSrc)) images.push(image.currentSrc);
    });
    worker.postMessage({ type: 'keep', pages: [location.href].concat(byKind('fetch')), images: images });
  };

  var offerUpdate = function (waiting) {
    if (document.querySelector('.update-prompt')) return;
    var prompt = document.createElement('div');
    prompt.className = 'update-prompt';
    prompt.setAttribute('role', 'status');
    var text = document.createElement('p');
    text.className = 'update-prompt__text';
    text.textContent = TEXT.update;
    var reload = document.createElement('button');
    reload.type = 'button';
    reload.className = 'button button--small update-prompt__reload';
    reload.textContent = TEXT.reload;
    reload.addEventListener('click', function () {
      reload.disabled = true;
      // The page reloads when the new worker has taken over (controllerchange below), so it
      // loads the new deploy's files, all of them.
      reloadOnChange = true;
      waiting.postMessage({ type: 'skip-waiting' });
    });
    prompt.append(text, reload);
    document.body.append(prompt);
  };

  // The first worker's claim changes the controller too: only the reader's Reload reloads.
  var reloadOnChange = false;
  navigator.serviceWorker.addEventListener('controllerchange', function () {
    if (reloadOnChange) location.reload();
  });

  var watchForUpdates = function (registration) {
    var offerWhenInstalled = function (worker) {
      worker.addEventListener('statechange', function () {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) offerUpdate(worker);
      });
    };
    if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
    if (registration.installing) offerWhenInstalled(registration.installing);
    registration.addEventListener('updatefound', function () {
      if (registration.installing) offerWhenInstalled(registration.installing);
    });
    // A reader may keep one page open for days: look for a new deploy every hour too.
    setInterval(function () { registration.update().catch(function () {}); }, 60 * 60 * 1000);
  };

  var when = function (response) {
    var date = new Date(response.headers.get('Date') || '');
    if (isNaN(date.getTime())) return '';
    return '(' + date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) + ').';
  };

  // Offline, a page came from the device: say from when, so nobody takes it for the latest.
  var sayWhenStored = function () {
    caches.match(location.href, MATCH).then(function (copy) {
      var main = document.getElementById('main');
      if (!copy || !main || document.querySelector('.stored-copy')) return;
      var notice = document.createElement('p');
      notice.className = 'stored-copy';
      notice.setAttribute('role', 'status');
      notice.textContent = TEXT.storedCopy + when(copy);
      main.before(notice);
    });
  };

  // The offline page's list: every story whose page is on this device, by its headline.
  var listStoredStories = function (list) {
    var headline = function (response, path) {
      return response.text().then(function (html) {
        var page = new DOMParser().parseFromString(html, 'text/html');
        var heading = page.querySelector('#main h1');
        return (heading && heading.textContent.trim()) || decodeURIComponent(path.slice('/news/'.length));
      });
    };
    Promise.all([PAGES_CACHE, SAVED_CACHE].map(function (name) {
      return caches.open(name).then(function (cache) {
        return cache.keys().then(function (requests) {
          return Promise.all(requests.map(function (request) {
            var path = new URL(request.url).pathname;
            if (path.indexOf('/news/') !== 0) return null;
            return cache.match(request, MATCH).then(function (response) {
              return headline(response, path).then(function (title) { return { path: path, title: title }; });
            });
          }));
        });
      });
    })).then(function (found) {
      var seen = {};
      var stories = [].concat.apply([], found).filter(function (story) {
        if (!story || seen[story.path]) return false;
        seen[story.path] = true;
        return true;
      });
      if (!stories.length) {
        var none = document.createElement('li');
        none.textContent = TEXT.nothingStored;
        list.append(none);
      }
      stories.forEach(function (story) {
        var item = document.createElement('li');
        var link = document.createElement('a');
        link.href = story.path;
        link.textContent = story.title;
        item.append(link);
        list.append(item);
      });
    });
  };

  var readSaved = function () {
    var list = [];
    try {
      list = JSON.parse(localStorage.getItem(SAVED_KEY) || '[]');
    } catch {
      // Storage refused, or not ours: nothing saved.
    }
    return (Array.isArray(list) ? list : []).filter(function (entry) {
      return entry && typeof entry.path === 'string' && entry.path.indexOf('/news/') === 0 &&
        typeof entry.headline === 'string' && typeof entry.saved === 'number' && Array.isArray(entry.urls);
    });
  };
  var writeSaved = function (list) {
    try {
      localStorage.setItem(SAVED_KEY, JSON.stringify(list));
    } catch {
      // Storage refused (private mode): saving lasts as long as the page.
    }
  };
  var toWorker = function (message) {
    navigator.serviceWorker.ready.then(function (registration) { registration.active.postMessage(message); });
  };
  var forget = function (path) {
    var list = readSaved();
    list.filter(function (entry) { return entry.path === path; }).forEach(function (entry) {
      toWorker({ type: 'forget', urls: entry.urls });
    });
    writeSaved(list.filter(function (entry) { return entry.path !== path; }));
  };
  var isSaved = function (path) {
    return readSaved().some(function (entry) { return entry.path === path; });
  };
  // The app draws an article's button afresh on each page it draws: each shows the story's state.
  var showSavedState = function () {
    var saved = isSaved(location.pathname);
    document.querySelectorAll('.save-story__button').forEach(function (button) {
      if (button.getAttribute('aria-pressed') !== String(saved)) button.setAttribute('aria-pressed', String(saved));
    });
  };
  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('.save-story__button');
    if (!button) return;
    var path = location.pathname;
    if (isSaved(path)) {
      forget(path);
    } else {
      var urls = [path];
      document.querySelectorAll('#main article img').forEach(function (image) {
        if (image.currentSrc && sameOrigin(image.currentSrc)) urls.push(image.currentSrc);
      });
      var heading = document.querySelector('#main h1');
      var entry = { path: path, headline: (heading && heading.textContent.trim()) || path, saved: Date.now(), urls: urls };
      writeSaved([entry].concat(readSaved()));
      toWorker({ type: 'save', urls: urls });
    }
    showSavedState();
  });
  new MutationObserver(showSavedState).observe(document.documentElement, { childList: true, subtree: true });

  // The Saved page's list, newest first, each with Remove.
  var listSaved = function (list) {
    var saved = readSaved().sort(function (a, b) { return b.saved - a.saved; });
    var showEmpty = function () {
      var none = document.createElement('li');
      none.textContent = TEXT.nothingSaved;
      list.append(none);
    };
    if (!saved.length) showEmpty();
    saved.forEach(function (entry) {
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = entry.path;
      link.textContent = entry.headline;
      var when = document.createElement('span');
      when.className = 'offline-stories__when';
      when.textContent = TEXT.savedOn + new Date(entry.saved).toLocaleDateString(undefined, { dateStyle: 'medium' });
      var remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'button button--small offline-stories__remove';
      remove.textContent = TEXT.remove;
      remove.setAttribute('aria-label', TEXT.remove + ' ' + entry.headline);
      remove.addEventListener('click', function () {
        forget(entry.path);
        // Focus goes on to the next story, or back to the page's heading.
        var next = item.nextElementSibling || item.previousElementSibling;
        item.remove();
        if (next) next.querySelector('a').focus();
        else {
          showEmpty();
          document.querySelector('#main h1').focus();
        }
      });
      item.append(link, ' ', when, ' ', remove);
      list.append(item);
    });
  };

  addEventListener('load', function () {
    var savedList = document.getElementById(SAVED_STORIES_ID);
    if (savedList) listSaved(savedList);
    var list = document.getElementById(OFFLINE_STORIES_ID);
    if (list) listStoredStories(list);
    else if (!navigator.onLine && !savedList) sayWhenStored();
    navigator.serviceWorker
      .register('/sw.js')
      .then(function (registration) {
        watchForUpdates(registration);
        return navigator.serviceWorker.ready;
      })
      .then(function (registration) {
        if (!list && !savedList) keepThisPage(registration.active);
        // A page the app draws in place (a story opened from All News) is kept too.
        if (window.navigation) {
          window.navigation.addEventListener('currententrychange', function () {
            registration.active.postMessage({ type: 'keep', pages: [location.href] });
          });
        }
      })
      .catch(function () {
        // No worker (storage refused, private mode): the site works online as it always has.
      });
  });
})();
