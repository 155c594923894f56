// Applies the theme before the first paint, so nobody sees a flash of the wrong one, and runs
// the masthead's Theme menu (`#theme-select`, src/components/theme_switch.rs), which therefore
// works on a page the app has not started on, and costs the app no code. Kept tiny and separate
// (not inline) so a strict Content-Security-Policy can allow it.
// - The site: the reader's stored choice.
// - A partner's embed (/embed/..., see routes::EMBED_PREFIX): the partner's `theme` and
//   `accent` from the address. An embed never reads or writes storage.
(function () {
  var KEY = 'broadsheet:theme';
  var root = document.documentElement;
  var theme = null;
  var known = function (value) { return value === 'light' || value === 'dark' ? value : null; };
  if (location.pathname.indexOf('/embed/') === 0) {
    var params = new URLSearchParams(location.search);
    theme = known(params.get('theme'));
    // Only a plain hex colour gets in: the value lands in CSS.
    var accent = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(params.get('accent') || '');
    if (accent) root.style.setProperty('--color-partner-accent', '#' + accent[1]);
    if (theme) root.setAttribute('data-theme', theme);
    return;
  }
  try {
    theme = known(localStorage.getItem(KEY));
  } catch {
    // Storage refused (private mode): the system theme applies.
  }
  if (theme) root.setAttribute('data-theme', theme);
  // A page rendered ahead of time says "Auto": show the reader's own choice. Only then: writing
  // to the menu costs a style pass while the page is still painting.
  if (theme) {
    document.addEventListener('DOMContentLoaded', function () {
      var select = document.getElementById('theme-select');
      if (select) select.value = theme;
    });
  }
  document.addEventListener('change', function (event) {
    if (event.target.id !== 'theme-select') return;
    theme = known(event.target.value);
    if (theme) root.setAttribute('data-theme', theme);
    else root.removeAttribute('data-theme');
    try {
      if (theme) localStorage.setItem(KEY, theme);
      else localStorage.removeItem(KEY);
    } catch {
      // Storage refused: the choice lasts for this page only.
    }
  });
})();
