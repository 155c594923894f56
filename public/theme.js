// Applies the reader's stored theme before the first paint, so a reader who chose dark never
// sees a flash of light. Kept tiny and separate (not inline) so a strict Content-Security-Policy
// can allow it. The key is THEME_STORAGE_KEY in src/browser.rs.
try {
  var theme = localStorage.getItem('broadsheet:theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.setAttribute('data-theme', theme);
} catch (e) {
  // Storage refused (private mode, sandboxed frame): the system theme applies.
}
