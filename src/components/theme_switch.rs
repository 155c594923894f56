use super::ReaderSetting;
use crate::browser;
use crate::strings;
use leptos::prelude::*;

/// The reader's choice of light or dark, or the system's (`data-theme` on `<html>`).
#[component]
pub fn ThemeSwitch() -> impl IntoView {
    const OPTIONS: &[(&str, &str)] = &[
        ("", strings::THEME_AUTO),
        ("light", strings::THEME_LIGHT),
        ("dark", strings::THEME_DARK),
    ];
    view! {
        <ReaderSetting
            id="theme-select"
            label=strings::THEME
            options=OPTIONS
            current=browser::root_setting("data-theme")
        />
    }
}
