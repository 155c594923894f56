use crate::model::Attachment;
use crate::strings;
use leptos::prelude::*;

/// A feed item's attachments, each a figure captioned with what it is, how long and how big,
/// and a link to download it: a podcast episode or a video also gets the browser's own player,
/// whose controls work from the keyboard and are named for screen readers. Attachments of the
/// same kind with the same title are one thing in several formats (JSON Feed 1.1), so they are
/// one player's sources, and the browser plays the first it can. Nothing plays or downloads
/// until the reader asks (`preload="none"`).
///
/// Every attachment is drawn by the one view below, the player chosen inside it: each distinct
/// view type costs every reader's download its own code (about 1 KB gzip a type).
#[component]
pub fn Attachments(attachments: Vec<Attachment>, item_title: String) -> impl IntoView {
    let mut groups: Vec<Vec<Attachment>> = Vec::new();
    for attachment in attachments {
        let kind = media_kind(&attachment);
        let alternate_of = groups.iter_mut().find(|g| {
            kind.is_some()
                && attachment.title.is_some()
                && g[0].title == attachment.title
                && media_kind(&g[0]) == kind
        });
        match alternate_of {
            Some(group) => group.push(attachment),
            None => groups.push(vec![attachment]),
        }
    }
    let figures = groups
        .into_iter()
        .map(|sources| {
            let first = &sources[0];
            let title = first.title.clone().unwrap_or_else(|| item_title.clone());
            let about = details(first);
            let download = first.url.to_string();
            let kind = media_kind(first);
            let sources = sources
                .into_iter()
                .map(|s| view! { <source src=s.url.to_string() type=s.mime_type/> })
                .collect_view();
            // Options, not one `into_any` player: type-erased views cost far more code.
            let (audio, video) = match kind {
                Some(MediaKind::Audio) => (Some(sources), None),
                Some(MediaKind::Video) => (None, Some(sources)),
                None => (None, None),
            };
            view! {
                <figure class="attachment">
                    {audio.map(|s| view! { <audio controls preload="none">{s}</audio> })}
                    {video.map(|s| view! { <video controls preload="none">{s}</video> })}
                    <figcaption>
                        <bdi class="attachment__title">{title.clone()}</bdi>" "{about}" "
                        <a class="attachment__download" href=download>
                            {strings::DOWNLOAD}<span class="visually-hidden">" "{title}</span>
                        </a>
                    </figcaption>
                </figure>
            }
        })
        .collect_view();
    view! { <div class="attachments">{figures}</div> }
}

#[derive(Clone, Copy, PartialEq)]
enum MediaKind {
    Audio,
    Video,
}

fn media_kind(attachment: &Attachment) -> Option<MediaKind> {
    match attachment.mime_type.split_once('/')?.0 {
        "audio" => Some(MediaKind::Audio),
        "video" => Some(MediaKind::Video),
        _ => None,
    }
}

/// "(30 min, 24 MB)": what is known of the attachment's length and size, and for a file that
/// is not played here, its type ("(PDF, 120 kB)").
fn details(attachment: &Attachment) -> String {
    let mut about = String::new();
    let mut add = |part: &str| {
        about.push_str(if about.is_empty() { "(" } else { ", " });
        about.push_str(part);
    };
    if media_kind(attachment).is_none() {
        if let Some((_, format)) = attachment.mime_type.split_once('/') {
            add(&format.to_ascii_uppercase());
        }
    }
    if let Some(seconds) = attachment.duration_in_seconds {
        add(&strings::duration(seconds));
    }
    if let Some(bytes) = attachment.size_in_bytes {
        add(&strings::file_size(bytes));
    }
    if !about.is_empty() {
        about.push(')');
    }
    about
}
