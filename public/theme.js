// Applies the reader's display settings (theme, text size) before the first paint, so nobody
// sees a flash of the wrong one, and runs their menus in the masthead (`#theme-select`,
// `#text-size-select`; src/components/reader_setting.rs), which therefore
// work on a page the app has not started on, and cost the app no code. Kept tiny and separate
// (not inline) so a strict Content-Security-Policy can allow it.
// - The site: the reader's stored choices, each an attribute on <html> the style sheets follow.
// - A partner's embed (/embed/..., see routes::EMBED_PREFIX): the partner's `theme` and
//   `accent` from the address. An embed never reads or writes storage.
(function () {
  var root = document.documentElement;
  var SETTINGS = [
    { key: 'broadsheet:theme', attribute: 'data-theme', menu: 'theme-select', values: ['light', 'dark'] },
    { key: 'broadsheet:text-size', attribute: 'data-text-size', menu: 'text-size-select', values: ['large', 'larger', 'largest'] },
  ];
  var known = function (setting, value) { return setting.values.indexOf(value) >= 0 ? value : null; };
  var apply = function (setting, value) {
    if (value) root.setAttribute(setting.attribute, value);
    else root.removeAttribute(setting.attribute);
  };
  if (location.pathname.indexOf('/embed/') === 0) {
    var params = new URLSearchParams(location.search);
    // Only a plain hex colour gets in: the value lands in CSS.
    var accent = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(params.get('accent') || '');
    if (accent) root.style.setProperty('--color-partner-accent', '#' + accent[1]);
    apply(SETTINGS[0], known(SETTINGS[0], params.get('theme')));
    return;
  }
  var chosen = [];
  SETTINGS.forEach(function (setting) {
    var value = null;
    try {
      value = known(setting, localStorage.getItem(setting.key));
    } catch {
      // Storage refused (private mode): the default applies.
    }
    apply(setting, value);
    if (value) chosen.push([setting, value]);
  });
  // A page rendered ahead of time shows each default: show the reader's own choices. Only
  // those: writing to a menu costs a style pass while the page is still painting.
  if (chosen.length) {
    document.addEventListener('DOMContentLoaded', function () {
      chosen.forEach(function (choice) {
        var menu = document.getElementById(choice[0].menu);
        if (menu) menu.value = choice[1];
      });
    });
  }
  document.addEventListener('change', function (event) {
    SETTINGS.forEach(function (setting) {
      if (event.target.id !== setting.menu) return;
      var value = known(setting, event.target.value);
      apply(setting, value);
      try {
        if (value) localStorage.setItem(setting.key, value);
        else localStorage.removeItem(setting.key);
      } catch {
        // Storage refused: the choice lasts for this page only.
      }
    });
  });
})();
