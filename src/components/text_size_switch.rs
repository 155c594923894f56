use super::ReaderSetting;
use crate::browser;
use crate::strings;
use leptos::prelude::*;

/// The reader's text size (`data-text-size` on `<html>`): every size in the style sheets is in
/// rem, so one root size scales the text and the layout with it.
#[component]
pub fn TextSizeSwitch() -> impl IntoView {
    const OPTIONS: &[(&str, &str)] = &[
        ("", strings::TEXT_SIZE_DEFAULT),
        ("large", strings::TEXT_SIZE_LARGE),
        ("larger", strings::TEXT_SIZE_LARGER),
        ("largest", strings::TEXT_SIZE_LARGEST),
    ];
    view! {
        <ReaderSetting
            id="text-size-select"
            label=strings::TEXT_SIZE
            options=OPTIONS
            current=browser::root_setting("data-text-size")
        />
    }
}
