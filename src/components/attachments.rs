use crate::model::Attachment;
use crate::strings;
use leptos::prelude::*;

/// A feed item's attachments: a player for each podcast episode or video, and a download link
/// for every other file. Attachments of the same kind with the same title are one thing in
/// several formats (JSON Feed 1.1), so they are one player's sources, and the browser plays the
/// first it can. Nothing plays or downloads until the reader asks (`preload="none"`).
#[component]
pub fn Attachments(attachments: Vec<Attachment>, item_title: String) -> impl IntoView {
    let mut players: Vec<Vec<Attachment>> = Vec::new();
    let mut files = Vec::new();
    for attachment in attachments {
        let Some(kind) = media_kind(&attachment) else {
            files.push(attachment);
            continue;
        };
        let alternate_of = players.iter_mut().find(|p| {
            attachment.title.is_some()
                && p[0].title == attachment.title
                && media_kind(&p[0]) == Some(kind)
        });
        match alternate_of {
            Some(player) => player.push(attachment),
            None => players.push(vec![attachment]),
        }
    }
    (!(players.is_empty() && files.is_empty())).then(|| {
        let players = players
            .into_iter()
            .map(|sources| player(sources, &item_title))
            .collect_view();
        let files = files
            .into_iter()
            .map(|file| {
                let title = file.title.clone().unwrap_or_else(|| item_title.clone());
                let about = details(&file, true);
                view! {
                    <p class="attachment attachment--file">
                        <a href=file.url.to_string() download="">{strings::DOWNLOAD}" "<bdi>{title}</bdi></a>
                        " "{about}
                    </p>
                }
            })
            .collect_view();
        view! { <div class="attachments">{players}{files}</div> }
    })
}

#[derive(Clone, Copy, PartialEq)]
enum MediaKind {
    Audio,
    Video,
}

fn media_kind(attachment: &Attachment) -> Option<MediaKind> {
    let (kind, _) = attachment.mime_type.split_once('/')?;
    match kind {
        "audio" => Some(MediaKind::Audio),
        "video" => Some(MediaKind::Video),
        _ => None,
    }
}

/// One episode or video: the browser's own player, whose controls work from the keyboard and
/// are named for screen readers, captioned with what it is, how long and how big.
fn player(sources: Vec<Attachment>, item_title: &str) -> impl IntoView {
    let first = &sources[0];
    let title = first.title.clone().unwrap_or_else(|| item_title.to_owned());
    let about = details(first, false);
    let download = first.url.to_string();
    let kind = media_kind(first);
    let source_tags = sources
        .iter()
        .map(|s| view! { <source src=s.url.to_string() type=s.mime_type.clone()/> })
        .collect_view();
    let media = match kind {
        Some(MediaKind::Video) => view! {
            <video controls preload="none" playsinline="" width="1600" height="900">{source_tags}</video>
        }
        .into_any(),
        _ => view! { <audio controls preload="none">{source_tags}</audio> }.into_any(),
    };
    view! {
        <figure class="attachment">
            {media}
            <figcaption>
                <bdi class="attachment__title">{title.clone()}</bdi>" "{about}" "
                <a class="attachment__download" href=download download="">
                    {strings::DOWNLOAD}<span class="visually-hidden">" "{title}</span>
                </a>
            </figcaption>
        </figure>
    }
}

/// "(30 min, 24 MB)": what is known of the attachment's length and size, and for a file that
/// is not played here, its type ("PDF").
fn details(attachment: &Attachment, with_type: bool) -> Option<String> {
    let format = attachment
        .mime_type
        .split_once('/')
        .map(|(_, sub)| {
            sub.split([';', '+'])
                .next()
                .unwrap_or(sub)
                .to_ascii_uppercase()
        })
        .filter(|_| with_type);
    let parts: Vec<String> = format
        .into_iter()
        .chain(attachment.duration_in_seconds.map(strings::duration))
        .chain(attachment.size_in_bytes.map(strings::file_size))
        .collect();
    (!parts.is_empty()).then(|| format!("({})", parts.join(", ")))
}
