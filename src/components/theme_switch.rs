use crate::browser;
use crate::strings;
use leptos::prelude::*;

/// The reader's choice of light or dark, or the system's. A native `select`: labelled, and
/// usable with a keyboard and a screen reader without any help from us.
#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let current = browser::current_theme().unwrap_or_default();
    let options = [
        ("", strings::THEME_AUTO),
        ("light", strings::THEME_LIGHT),
        ("dark", strings::THEME_DARK),
    ];
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        browser::set_theme(match value.as_str() {
            "light" => Some("light"),
            "dark" => Some("dark"),
            _ => None,
        });
    };
    view! {
        <div class="theme-switch">
            <label for="theme-select">{strings::THEME}</label>
            <select id="theme-select" on:change=on_change>
                {options.into_iter().map(|(value, label)| view! {
                    <option value=value selected=current == value>{label}</option>
                }).collect_view()}
            </select>
        </div>
    }
}
