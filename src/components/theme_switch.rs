use crate::browser;
use crate::strings;
use leptos::prelude::*;

/// The reader's choice of light or dark, or the system's. A native `select`: labelled, and
/// usable with a keyboard and a screen reader without any help from us. `public/theme.js`
/// applies and remembers the choice, so the menu works the same before the app has started,
/// and the app carries no theme code.
#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let current = browser::current_theme().unwrap_or_default();
    let options = [
        ("", strings::THEME_AUTO),
        ("light", strings::THEME_LIGHT),
        ("dark", strings::THEME_DARK),
    ];
    view! {
        <div class="theme-switch">
            <label for="theme-select">{strings::THEME}</label>
            <select id="theme-select">
                {options.into_iter().map(|(value, label)| view! {
                    <option value=value selected=current == value>{label}</option>
                }).collect_view()}
            </select>
        </div>
    }
}
