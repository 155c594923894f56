use leptos::prelude::*;

/// One of the reader's display settings as a native `select`: labelled, and usable with a
/// keyboard and a screen reader without any help from us. `public/theme.js` applies the choice
/// to `<html>` before the first paint and remembers it, so the menu works the same before the
/// app has started and the app carries no code for it. `current` is the value already applied
/// (an empty value is the default).
#[component]
pub fn ReaderSetting(
    id: &'static str,
    label: &'static str,
    options: &'static [(&'static str, &'static str)],
    current: Option<String>,
) -> impl IntoView {
    let current = current.unwrap_or_default();
    view! {
        <div class="reader-setting">
            <label for=id>{label}</label>
            <select id=id>
                {options.iter().map(|&(value, name)| view! {
                    <option value=value selected=current == value>{name}</option>
                }).collect_view()}
            </select>
        </div>
    }
}
