// Applies the theme before the first paint, so nobody sees a flash of the wrong one. Kept tiny
// and separate (not inline) so a strict Content-Security-Policy can allow it.
// - The site: the reader's stored choice (the key is THEME_STORAGE_KEY in src/browser.rs).
// - A partner's embed (/embed/..., see routes::EMBED_PREFIX): the partner's `theme` and
//   `accent` from the address. An embed never reads or writes storage.
(function () {
  var root = document.documentElement;
  var theme = null;
  if (location.pathname.indexOf('/embed/') === 0) {
    var params = new URLSearchParams(location.search);
    theme = params.get('theme');
    // Only a plain hex colour gets in: the value lands in CSS.
    var accent = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(params.get('accent') || '');
    if (accent) root.style.setProperty('--color-partner-accent', '#' + accent[1]);
  } else {
    try {
      theme = localStorage.getItem('broadsheet:theme');
    } catch (e) {
      // Storage refused (private mode): the system theme applies.
    }
  }
  if (theme === 'light' || theme === 'dark') root.setAttribute('data-theme', theme);
})();
