//! The oEmbed provider (oEmbed 1.0, https://oembed.com/): for each pre-rendered article, a
//! document of type `rich` at `oembed/<id>.json` (`routes::oembed`), which the article's page
//! links for discovery. Its `html` is the story card snippet the partners' page hands out
//! (public/partners/partners.js, with its default options): a partner's CMS given a story's
//! address embeds the very card a partner would paste by hand, and `embed.js` sizes it.
//!
//! A partner's page is another origin, so every address in a document is absolute: only a run
//! that knows the site's public origin (`--site`) writes them. The documents are static files,
//! so `maxwidth` and `maxheight` in a consumer's request are not honoured: the card fills the
//! width it is given and embed.js sets its height, whatever was asked.

use crate::native::escape;
use broadsheet::model::Article;
use broadsheet::seo::absolute;
use broadsheet::{routes, strings};
use serde_json::{json, Value};

/// The width the card is laid out for: a partner's article column. The card takes whatever
/// width its placeholder has; consumers reserve this much until embed.js has sized it.
const CARD_WIDTH: u32 = 600;
/// The card's height at `CARD_WIDTH` without its picture, headline and standfirst on two or
/// three lines each, as embed.js then sets it (oembed.test.mjs prints the measured height); a
/// hero's 16:9 frame adds `CARD_WIDTH` * 9 / 16.
const CARD_TEXT_HEIGHT: u32 = 280;

/// How long a consumer may keep a document, in seconds: a story changes rarely after the first
/// hour, and the pre-render writes the document again when it does.
const CACHE_AGE_SECONDS: u32 = 3600;

/// The story card placeholder and the script that mounts it, exactly as the partners' page
/// writes the snippet for one story (partners.js, `render`), with every address on `site`.
pub fn card_snippet(id: &str, site: &str) -> String {
    format!(
        "<div data-broadsheet-embed=\"article\" data-id=\"{}\" data-theme=\"auto\"><a href=\"{}\">{}</a></div>\n\
         <script src=\"{}\" async></script>",
        escape(id),
        escape(&format!("{site}{}", routes::article(id))),
        escape(strings::EMBED_STORY_FALLBACK),
        escape(&format!("{site}{}", routes::EMBED_SCRIPT)),
    )
}

/// The oEmbed document of the story whose page is `/news/<id>`, as JSON. `site` is the public
/// origin, without a trailing slash.
pub fn document(article: &Article, id: &str, site: &str) -> String {
    let hero = article.hero.as_ref();
    let height = CARD_TEXT_HEIGHT + hero.map_or(0, |_| CARD_WIDTH * 9 / 16);
    let mut doc = json!({
        "version": "1.0",
        "type": "rich",
        "html": card_snippet(id, site),
        "width": CARD_WIDTH,
        "height": height,
        "title": article.headline,
        "provider_name": strings::SITE_NAME,
        "provider_url": format!("{site}{}", routes::ALL_NEWS),
        "cache_age": CACHE_AGE_SECONDS,
    });
    if !article.authors.is_empty() {
        let names: Vec<&str> = article.authors.iter().map(|a| a.name.as_str()).collect();
        doc["author_name"] = Value::from(names.join(", "));
    }
    // One address for one name: with several authors, no one's page stands for them all.
    if let [only] = article.authors.as_slice() {
        if let Some(url) = &only.url {
            doc["author_url"] = absolute(url.as_str(), site).into();
        }
    }
    // The spec asks for a thumbnail's size with its address; a hero of unknown size has none.
    if let Some(image) = hero.filter(|i| i.width > 0 && i.height > 0) {
        doc["thumbnail_url"] = absolute(image.src.as_str(), site).into();
        doc["thumbnail_width"] = image.width.into();
        doc["thumbnail_height"] = image.height.into();
    }
    doc.to_string()
}
