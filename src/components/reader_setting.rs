use crate::browser;
use crate::strings;
use leptos::prelude::*;

/// One of the reader's display settings: the attribute `public/theme.js` sets on `<html>`
/// (before the first paint, from storage) and the menu that chooses it. An empty value is the
/// default, which sets no attribute.
pub struct Setting {
    pub menu_id: &'static str,
    pub label: &'static str,
    pub attribute: &'static str,
    pub options: &'static [(&'static str, &'static str)],
}

/// Light or dark, or the system's.
pub const THEME: Setting = Setting {
    menu_id: "theme-select",
    label: strings::THEME,
    attribute: "data-theme",
    options: &strings::THEME_OPTIONS,
};

/// Every size in the style sheets is in rem, so one root size scales the text and the layout.
pub const TEXT_SIZE: Setting = Setting {
    menu_id: "text-size-select",
    label: strings::TEXT_SIZE,
    attribute: "data-text-size",
    options: &strings::TEXT_SIZE_OPTIONS,
};

/// A setting's menu as a native `select`: labelled, and usable with a keyboard and a screen
/// reader without any help from us. `public/theme.js` applies and remembers the choice, so the
/// menu works the same before the app has started, and the app carries no code for it; the menu
/// shows the value already applied.
#[component]
pub fn ReaderSetting(setting: &'static Setting) -> impl IntoView {
    let current = browser::root_setting(setting.attribute).unwrap_or_default();
    view! {
        <div class="reader-setting">
            <label for=setting.menu_id>{setting.label}</label>
            <select id=setting.menu_id>
                {setting.options.iter().map(|&(value, name)| view! {
                    <option value=value selected=current == value>{name}</option>
                }).collect_view()}
            </select>
        </div>
    }
}
