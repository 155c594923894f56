//! Other publishers' `content_html`, read through an allow-list into our own blocks. Nothing
//! from the HTML is ever put into the page as HTML: paragraphs, headings, lists, quotes,
//! images, emphasis and links that pass the URL check become typed blocks; every other element
//! gives up its text, and scripts, styles, frames and forms give up everything.

use super::article::{Block, HeadingLevel, Image, Inline, QuoteKind};
use super::url::SafeUrl;

/// Elements whose content is never text for a reader, dropped whole. Raw-text elements end at
/// their first end tag whatever is inside, as browsers read them.
const DROPPED_RAW_TEXT: [&str; 7] = [
    "script", "style", "iframe", "noscript", "textarea", "title", "noembed",
];

/// Dropped elements that hold markup, so their own kind nests inside them. `svg` and `math`
/// are foreign elements, which may close themselves (`<svg/>`).
const DROPPED_MARKUP: [&str; 6] = ["object", "template", "select", "svg", "math", "frameset"];

/// Dropped elements with no content and no end tag.
const DROPPED_VOID: [&str; 1] = ["embed"];

/// The longest character reference worth decoding (`&#x10FFFF;`, `&hellip;`): the scan for
/// its `;` stops there, so text full of `&` is read in one pass.
const LONGEST_REFERENCE: usize = 10;

/// Links longer than any real one stay text: every run of text under a link owns a copy of it.
const LONGEST_URL: usize = 2048;

/// Reads `html` into blocks. Malformed markup degrades to text; it never fails, and it reads
/// the input in time linear in its length, whatever it holds.
pub fn blocks_from_html(html: &str) -> Vec<Block> {
    let mut builder = Builder::default();
    for token in Tokenizer::new(html) {
        builder.take(token);
    }
    builder.finish()
}

#[derive(Debug, PartialEq)]
enum Token {
    Text(String),
    Start {
        name: String,
        attrs: Vec<(String, String)>,
    },
    End(String),
}

struct Tokenizer<'a> {
    rest: &'a str,
}

impl<'a> Tokenizer<'a> {
    fn new(html: &'a str) -> Self {
        Tokenizer { rest: html }
    }

    /// Skips to just after the end tag that closes a dropped element, or to the end of the
    /// input. Where the element holds markup, its own kind nested inside it must close first.
    /// Each byte is looked at once: the input is compared in place, never copied or lowercased.
    fn skip_element_content(&mut self, name: &str, nests: bool) {
        let mut depth = 1usize;
        let mut rest = self.rest;
        while let Some(lt) = rest.find('<') {
            let after = &rest[lt + 1..];
            let (is_end, body) = match after.strip_prefix('/') {
                Some(body) => (true, body),
                None => (false, after),
            };
            if !names_tag(body, name) || !(is_end || nests) {
                rest = after;
                continue;
            }
            let (tag, remaining) = split_tag(body);
            rest = remaining;
            if !is_end {
                if !closes_itself(tag) {
                    depth += 1;
                }
                continue;
            }
            depth -= 1;
            if depth == 0 {
                self.rest = rest;
                return;
            }
        }
        self.rest = "";
    }
}

/// True when a tag's text after `<` or `</` is the tag `name`, in any case.
fn names_tag(body: &str, name: &str) -> bool {
    let bytes = body.as_bytes();
    bytes.len() >= name.len()
        && bytes[..name.len()].eq_ignore_ascii_case(name.as_bytes())
        && bytes
            .get(name.len())
            .is_none_or(|c| c.is_ascii_whitespace() || matches!(c, b'/' | b'>'))
}

/// `<svg/>`: a foreign element closed by its own tag.
fn closes_itself(tag: &str) -> bool {
    tag.trim_end().ends_with('/')
}

/// Where a comment's text ends, just after its `-->` (or `--!>`); `<!-->` and `<!--->` are
/// empty comments, as browsers read them. `None` when the comment runs to the end.
fn comment_end(comment: &str) -> Option<usize> {
    for empty in [">", "->"] {
        if comment.starts_with(empty) {
            return Some(empty.len());
        }
    }
    let mut from = 0;
    while let Some(at) = comment[from..].find("--") {
        let close = from + at + 2;
        let tail = &comment[close..];
        if tail.starts_with('>') {
            return Some(close + 1);
        }
        if tail.starts_with("!>") {
            return Some(close + 2);
        }
        from += at + 1;
    }
    None
}

impl Iterator for Tokenizer<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        loop {
            if self.rest.is_empty() {
                return None;
            }
            let Some(lt) = self.rest.find('<') else {
                let text = decode_entities(self.rest);
                self.rest = "";
                return Some(Token::Text(text));
            };
            if lt > 0 {
                let text = decode_entities(&self.rest[..lt]);
                self.rest = &self.rest[lt..];
                return Some(Token::Text(text));
            }
            let after = &self.rest[1..];
            if let Some(comment) = after.strip_prefix("!--") {
                self.rest = comment_end(comment).map_or("", |end| &comment[end..]);
                continue;
            }
            if after.starts_with('!') || after.starts_with('?') {
                self.rest = after.find('>').map_or("", |end| &after[end + 1..]);
                continue;
            }
            let (is_end, body) = match after.strip_prefix('/') {
                Some(body) => (true, body),
                None => (false, after),
            };
            if !body.starts_with(|c: char| c.is_ascii_alphabetic()) {
                // A lone `<` is text, as browsers read it.
                self.rest = after;
                return Some(Token::Text("<".to_owned()));
            }
            let (tag, rest) = split_tag(body);
            self.rest = rest;
            let (name, attrs) = parse_tag(tag);
            if is_end {
                return Some(Token::End(name));
            }
            let name_is = |list: &[&str]| list.contains(&name.as_str());
            if name_is(&DROPPED_VOID) {
                continue;
            }
            if name_is(&DROPPED_RAW_TEXT) {
                self.skip_element_content(&name, false);
                continue;
            }
            if name_is(&DROPPED_MARKUP) {
                let foreign = matches!(name.as_str(), "svg" | "math");
                if !(foreign && closes_itself(tag)) {
                    self.skip_element_content(&name, true);
                }
                continue;
            }
            return Some(Token::Start { name, attrs });
        }
    }
}

/// Splits `name attr="a > b">rest` at the `>` that closes the tag, honouring quotes.
fn split_tag(body: &str) -> (&str, &str) {
    let mut quote = None;
    for (i, c) in body.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return (&body[..i], &body[i + 1..]),
            _ => {}
        }
    }
    (body, "")
}

fn parse_tag(tag: &str) -> (String, Vec<(String, String)>) {
    let tag = tag.trim_end_matches('/');
    let name_end = tag
        .find(|c: char| c.is_whitespace() || c == '/')
        .unwrap_or(tag.len());
    let name = tag[..name_end].to_ascii_lowercase();
    let mut attrs = Vec::new();
    let mut rest = tag[name_end..].trim_start_matches(|c: char| c.is_whitespace() || c == '/');
    while !rest.is_empty() {
        let key_end = rest
            .find(|c: char| c.is_whitespace() || c == '=' || c == '/')
            .unwrap_or(rest.len());
        let key = rest[..key_end].to_ascii_lowercase();
        rest = rest[key_end..].trim_start();
        let mut value = String::new();
        if let Some(after_eq) = rest.strip_prefix('=') {
            let after_eq = after_eq.trim_start();
            let (raw, remaining) = match after_eq.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let inner = &after_eq[1..];
                    let end = inner.find(q).unwrap_or(inner.len());
                    (&inner[..end], inner.get(end + 1..).unwrap_or(""))
                }
                _ => {
                    let end = after_eq.find(char::is_whitespace).unwrap_or(after_eq.len());
                    (&after_eq[..end], &after_eq[end..])
                }
            };
            value = decode_entities(raw);
            rest = remaining;
        }
        if !key.is_empty() {
            attrs.push((key, value));
        }
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
    }
    (name, attrs)
}

/// Decodes character references: numeric ones, and the named ones news text uses. The result
/// is text, never markup: `&lt;b&gt;` becomes the characters `<b>`. References to control
/// characters are removed, as the model removes the characters themselves from every string,
/// except the ones browsers read as Windows-1252 (`&#146;` is `’`), which old posts still use.
pub(crate) fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    const NAMED: [(&str, char); 22] = [
        ("amp", '&'),
        ("lt", '<'),
        ("gt", '>'),
        ("quot", '"'),
        ("apos", '\''),
        ("nbsp", '\u{a0}'),
        ("mdash", '—'),
        ("ndash", '–'),
        ("hellip", '…'),
        ("lsquo", '‘'),
        ("rsquo", '’'),
        ("ldquo", '“'),
        ("rdquo", '”'),
        ("laquo", '«'),
        ("raquo", '»'),
        ("copy", '©'),
        ("reg", '®'),
        ("trade", '™'),
        ("euro", '€'),
        ("pound", '£'),
        ("deg", '°'),
        ("middot", '·'),
    ];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest
            .bytes()
            .take(LONGEST_REFERENCE + 2)
            .position(|b| b == b';');
        let decoded = end.and_then(|end| {
            let name = &rest[1..end];
            let number = |digits: &str, radix: u32| {
                let all_digits = !digits.is_empty() && digits.chars().all(|c| c.is_digit(radix));
                all_digits
                    .then(|| u32::from_str_radix(digits, radix).ok())
                    .flatten()
                    .and_then(char::from_u32)
            };
            let ch = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X"))
            {
                number(hex, 16)
            } else if let Some(dec) = name.strip_prefix('#') {
                number(dec, 10)
            } else {
                NAMED.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
            };
            ch.map(|c| (windows_1252(c), end))
        });
        match decoded {
            Some((c, end)) => {
                out.extend(c.filter(|c| !super::is_stray_control(*c)));
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// What browsers make of a numeric reference to a C1 control: the Windows-1252 character with
/// that byte, where there is one.
fn windows_1252(c: char) -> Option<char> {
    const C1: [u16; 32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
        0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
        0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ];
    match (c as u32)
        .checked_sub(0x80)
        .and_then(|i| C1.get(i as usize))
    {
        Some(0) => None,
        Some(&mapped) => char::from_u32(u32::from(mapped)),
        None => Some(c),
    }
}

/// Where text is going: the paragraph, heading, list item or quote being built.
#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    runs: Vec<Inline>,
    bold: usize,
    italic: usize,
    /// The links the text is inside, innermost last.
    links: Vec<SafeUrl>,
    /// For each open `<a>`, whether it added a link to `links` (one without a usable `href`
    /// adds none): text takes the innermost link in one step however deep the nesting.
    anchors: Vec<bool>,
    heading: Option<HeadingLevel>,
    list: Option<(bool, Vec<Vec<Inline>>)>,
    list_depth: usize,
    quote_depth: usize,
    in_figure: bool,
}

impl Builder {
    fn take(&mut self, token: Token) {
        match token {
            Token::Text(text) => self.text(&text),
            Token::Start { name, attrs } => self.start(&name, &attrs),
            Token::End(name) => self.end(&name),
        }
    }

    fn text(&mut self, text: &str) {
        let link = self.links.last();
        let (bold, italic) = (self.bold > 0, self.italic > 0);
        match self.runs.last_mut() {
            Some(last) if (last.bold, last.italic, last.link.as_ref()) == (bold, italic, link) => {
                last.text.push_str(text)
            }
            _ => self.runs.push(Inline {
                text: text.to_owned(),
                bold,
                italic,
                link: link.cloned(),
            }),
        }
    }

    fn start(&mut self, name: &str, attrs: &[(String, String)]) {
        let attr = |key: &str| {
            attrs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        };
        match name {
            "p" | "div" | "section" | "article" | "header" | "footer" | "main" | "aside"
            | "table" | "tr" | "dl" | "dt" | "dd" | "pre" => self.flush(),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                self.heading = Some(match name {
                    "h1" | "h2" => HeadingLevel::H2,
                    "h3" => HeadingLevel::H3,
                    _ => HeadingLevel::H4,
                });
            }
            "ul" | "ol" => {
                if self.list_depth == 0 {
                    self.flush();
                    self.list = Some((name == "ol", Vec::new()));
                } else {
                    self.flush_list_item();
                }
                self.list_depth += 1;
            }
            "li" => self.flush_list_item(),
            "blockquote" => {
                self.flush();
                self.quote_depth += 1;
            }
            "b" | "strong" => self.bold += 1,
            "i" | "em" | "cite" => self.italic += 1,
            "a" => {
                let href = attr("href").filter(|h| h.len() <= LONGEST_URL);
                let link = href.and_then(|h| SafeUrl::parse(h).ok());
                self.anchors.push(link.is_some());
                self.links.extend(link);
            }
            "br" => self.text(" "),
            "td" | "th" => self.text(" "),
            "hr" => {
                self.flush();
                self.blocks.push(Block::Divider);
            }
            "figure" => {
                self.flush();
                self.in_figure = true;
            }
            "figcaption" => self.flush(),
            "img" => self.image(attr("src"), attr("alt"), attr("width"), attr("height")),
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "p" | "div" | "section" | "article" | "header" | "footer" | "main" | "aside"
            | "table" | "tr" | "dl" | "dt" | "dd" | "pre" | "h1" | "h2" | "h3" | "h4" | "h5"
            | "h6" => self.flush(),
            "li" => self.flush_list_item(),
            "ul" | "ol" => {
                self.flush_list_item();
                self.list_depth = self.list_depth.saturating_sub(1);
                if self.list_depth == 0 {
                    if let Some((ordered, items)) = self.list.take() {
                        if !items.is_empty() {
                            self.blocks.push(Block::List { ordered, items });
                        }
                    }
                }
            }
            "blockquote" => {
                self.flush();
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            "b" | "strong" => self.bold = self.bold.saturating_sub(1),
            "i" | "em" | "cite" => self.italic = self.italic.saturating_sub(1),
            "a" => self.close_anchor(),
            "figcaption" => {
                let caption = collapse(&self.take_text());
                if let Some(Block::Image(image)) = self.blocks.last_mut().filter(|_| self.in_figure)
                {
                    image.caption = (!caption.is_empty()).then_some(caption);
                } else if !caption.is_empty() {
                    self.blocks.push(Block::Paragraph {
                        content: vec![plain(caption)],
                    });
                }
            }
            "figure" => {
                self.flush();
                self.in_figure = false;
            }
            _ => {}
        }
    }

    fn close_anchor(&mut self) {
        if self.anchors.pop() == Some(true) {
            self.links.pop();
        }
    }

    /// An image with its size becomes an image block. Without a size it could not be placed
    /// without the page jumping, so it becomes a link to the picture, loaded only on a click.
    fn image(
        &mut self,
        src: Option<&str>,
        alt: Option<&str>,
        width: Option<&str>,
        height: Option<&str>,
    ) {
        let src = src.filter(|s| s.len() <= LONGEST_URL);
        let Some(src) = src.and_then(|s| SafeUrl::parse(s).ok()) else {
            return;
        };
        let alt = alt.map(collapse).unwrap_or_default();
        let size = |v: Option<&str>| {
            v.and_then(|v| v.trim().parse::<u32>().ok())
                .filter(|v| *v > 0)
        };
        match (size(width), size(height)) {
            (Some(width), Some(height)) => {
                self.flush();
                let image = Image {
                    src,
                    srcset: Vec::new(),
                    width,
                    height,
                    alt,
                    caption: None,
                    credit: None,
                };
                self.blocks.push(Block::Image(image));
            }
            _ => {
                let label = if alt.is_empty() {
                    "Image".to_owned()
                } else {
                    format!("Image: {alt}")
                };
                self.links.push(src);
                self.text(&format!(" {label} "));
                self.links.pop();
            }
        }
    }

    fn take_text(&mut self) -> String {
        self.runs.drain(..).map(|r| r.text).collect()
    }

    fn flush_list_item(&mut self) {
        let runs = tidy(std::mem::take(&mut self.runs));
        if runs.is_empty() {
            return;
        }
        match &mut self.list {
            Some((_, items)) => items.push(runs),
            None => self.blocks.push(Block::Paragraph { content: runs }),
        }
    }

    /// Ends the block being built, if it has any text.
    fn flush(&mut self) {
        if self.list.is_some() {
            return self.flush_list_item();
        }
        let runs = tidy(std::mem::take(&mut self.runs));
        let heading = self.heading.take();
        if runs.is_empty() {
            return;
        }
        let block = if let Some(level) = heading {
            Block::Heading {
                level,
                text: runs.into_iter().map(|r| r.text).collect(),
            }
        } else if self.quote_depth > 0 {
            let text = runs.into_iter().map(|r| r.text).collect();
            Block::Quote {
                text,
                attribution: None,
                cite_url: None,
                kind: QuoteKind::Block,
            }
        } else {
            Block::Paragraph { content: runs }
        };
        self.blocks.push(block);
    }

    fn finish(mut self) -> Vec<Block> {
        self.flush();
        if let Some((ordered, items)) = self.list.take() {
            if !items.is_empty() {
                self.blocks.push(Block::List { ordered, items });
            }
        }
        self.blocks
    }
}

fn plain(text: String) -> Inline {
    Inline {
        text,
        bold: false,
        italic: false,
        link: None,
    }
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Collapses white space as HTML does, across run boundaries, and drops empty runs.
fn tidy(runs: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    let mut pending_space = false;
    for mut run in runs {
        let starts_with_space = run.text.starts_with(char::is_whitespace);
        let ends_with_space = run.text.ends_with(char::is_whitespace);
        let words = collapse(&run.text);
        if words.is_empty() {
            pending_space |= !run.text.is_empty();
            continue;
        }
        if (pending_space || starts_with_space) && !out.is_empty() {
            run.text = format!(" {words}");
        } else {
            run.text = words;
        }
        pending_space = ends_with_space;
        out.push(run);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(blocks: &[Block]) -> String {
        format!("{blocks:?}")
    }

    fn runs(content: &[Inline]) -> String {
        content.iter().map(|r| r.text.as_str()).collect()
    }

    /// Everything a reader is shown of the blocks, one block after another.
    fn reader_text(blocks: &[Block]) -> String {
        let shown: Vec<String> = blocks
            .iter()
            .map(|block| match block {
                Block::Image(image) => format!("[img {}]", image.src.as_str()),
                Block::List { items, .. } => items
                    .iter()
                    .map(|i| runs(i))
                    .collect::<Vec<_>>()
                    .join(" / "),
                other => other.text().unwrap_or_else(|| format!("{other:?}")),
            })
            .collect();
        shown.join(" | ")
    }

    #[test]
    fn paragraphs_headings_lists_quotes_and_emphasis_become_blocks() {
        let blocks = blocks_from_html(
            "<h2>Title &amp; more</h2><p>One <b>bold</b> and <em>soft</em>\n  words, \
             <a href=\"https://example.com/x\">a link</a>.</p>\
             <ul><li>first</li><li>second <ol><li>nested</li></ol></li></ul>\
             <blockquote><p>Quoted words</p></blockquote><hr><h5>Small</h5>",
        );
        assert_eq!(blocks.len(), 6, "{blocks:?}");
        assert_eq!(
            blocks[0],
            Block::Heading {
                level: HeadingLevel::H2,
                text: "Title & more".into()
            }
        );
        let Block::Paragraph { content } = &blocks[1] else {
            panic!("{blocks:?}")
        };
        assert_eq!(runs(content), "One bold and soft words, a link.");
        assert!(content.iter().any(|r| r.bold && r.text.trim() == "bold"));
        assert!(content.iter().any(|r| r.italic && r.text.trim() == "soft"));
        let link = content.iter().find(|r| r.link.is_some()).unwrap();
        assert_eq!(
            (link.text.as_str(), link.link.as_ref().unwrap().as_str()),
            (" a link", "https://example.com/x")
        );
        let Block::List {
            ordered: false,
            items,
        } = &blocks[2]
        else {
            panic!("{blocks:?}")
        };
        let items: Vec<String> = items.iter().map(|i| runs(i)).collect();
        assert_eq!(items, ["first", "second", "nested"]);
        assert!(matches!(&blocks[3], Block::Quote { text, .. } if text == "Quoted words"));
        assert_eq!(blocks[4], Block::Divider);
        assert!(matches!(
            &blocks[5],
            Block::Heading {
                level: HeadingLevel::H4,
                ..
            }
        ));
    }

    #[test]
    fn images_need_a_size_to_be_shown_and_a_safe_source_to_exist() {
        let blocks = blocks_from_html(
            "<figure><img src=\"/a.jpg\" width=\"800\" height=\"450\" alt=\"A view\">\
             <figcaption>The caption</figcaption></figure>\
             <p><img src='https://example.com/b.png' alt='B'> <img src=\"javascript:alert(1)\" width=1 height=1></p>",
        );
        let Block::Image(image) = &blocks[0] else {
            panic!("{blocks:?}")
        };
        assert_eq!(
            (image.width, image.height, image.alt.as_str()),
            (800, 450, "A view")
        );
        assert_eq!(image.caption.as_deref(), Some("The caption"));
        let Block::Paragraph { content } = &blocks[1] else {
            panic!("{blocks:?}")
        };
        assert_eq!(runs(content), "Image: B");
        assert_eq!(
            content[0].link.as_ref().unwrap().as_str(),
            "https://example.com/b.png"
        );
        assert_eq!(blocks.len(), 2, "the javascript: image is gone: {blocks:?}");
    }

    /// Known XSS payloads (from the OWASP filter evasion cheat sheet and html5sec). Our output
    /// has no HTML at all, so what must hold is that every link and image URL, resolved by an
    /// independent WHATWG URL parser as a browser would resolve it, is http, https or mailto;
    /// and that script and style bodies are not shown as text either.
    #[test]
    fn xss_payloads_leave_only_inert_text() {
        // Each payload with what a reader sees of it: the text a browser would show (script
        // and style bodies never), images as `[img src]`, unsized ones as their link's label.
        let payloads = [
            ("<script>alert(1)</script>", ""),
            ("<SCRIPT SRC=http://xss.example/xss.js></SCRIPT>", ""),
            ("<IMG SRC=\"javascript:alert('XSS');\">", ""),
            ("<IMG SRC=javascript:alert('XSS')>", ""),
            ("<IMG SRC=JaVaScRiPt:alert('XSS')>", ""),
            ("<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>", "Image"),
            ("<a href=\"jav&#x09;ascript:alert('XSS');\">x</a>", "x"),
            ("<a href=\"jav&#x0A;ascript:alert('XSS');\">x</a>", "x"),
            ("<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>", "x"),
            ("<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:alert(1)\">x</a>", "x"),
            ("<a href=\" &#14;  javascript:alert('XSS');\">x</a>", "x"),
            ("<IMG SRC=# onmouseover=\"alert('xxs')\">", "Image"),
            ("<IMG onerror=\"alert(1)\" SRC=/ width=1 height=1>", "[img /]"),
            ("<svg/onload=alert('XSS')>", ""),
            ("<BODY ONLOAD=alert('XSS')>", ""),
            ("<iframe src=\"javascript:alert('XSS');\"></iframe>", ""),
            ("<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>", "x"),
            ("<IMG SRC=\"jav\tascript:alert('XSS');\" width=1 height=1>", ""),
            ("<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>", "<"),
            ("<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>", "XSS"),
            ("<object data=\"javascript:alert(1)\"></object>", ""),
            ("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>", ""),
            ("<a href=\"vbscript:msgbox(1)\">x</a>", "x"),
            ("<form><button formaction=javascript:alert(1)>x</button></form>", "x"),
            ("<div style=\"background-image: url(javascript:alert('XSS'))\">styled</div>", "styled"),
            // `<scr<script>` is an element of that odd name, so browsers show what follows.
            ("<scr<script>ipt>alert(1)</script>", "ipt>alert(1)"),
            ("<!--<img src=\"--><img src=x onerror=alert(1)//\">", "Image"),
            (
                "<p>kept</p><embed src=javascript:alert(1)><p>on</p><svg/><script/>alert(1)</script><p>end</p>",
                "kept | on | end",
            ),
        ];
        for (payload, seen) in payloads {
            let blocks = blocks_from_html(payload);
            for block in &blocks {
                let urls: Vec<&SafeUrl> = match block {
                    Block::Paragraph { content } => {
                        content.iter().filter_map(|r| r.link.as_ref()).collect()
                    }
                    Block::List { items, .. } => items
                        .iter()
                        .flatten()
                        .filter_map(|r| r.link.as_ref())
                        .collect(),
                    Block::Image(image) => vec![&image.src],
                    _ => vec![],
                };
                let page = url::Url::parse("https://news.example/news/item").unwrap();
                for url in urls {
                    let resolved = page.join(url.as_str()).unwrap();
                    assert!(
                        ["http", "https", "mailto"].contains(&resolved.scheme()),
                        "{payload}: {url}"
                    );
                }
            }
            assert_eq!(reader_text(&blocks), seen, "{payload}: {blocks:?}");
        }
    }

    #[test]
    fn script_bodies_are_dropped_not_shown() {
        let blocks =
            blocks_from_html("<p>before</p><script>window.x = '</p>'</script><p>after</p>");
        assert_eq!(text_of(&blocks).matches("window").count(), 0, "{blocks:?}");
        assert_eq!(blocks.len(), 2);
    }

    #[test]
    fn malformed_markup_degrades_to_text() {
        let blocks = blocks_from_html("a < b and <p class=\"unclosed>text");
        assert!(matches!(&blocks[0], Block::Paragraph { content } if runs(content) == "a < b and"));
        assert!(blocks_from_html("<")
            .iter()
            .all(|b| matches!(b, Block::Paragraph { .. })));
        assert!(blocks_from_html("").is_empty());
    }

    #[test]
    fn character_references_decode_to_plain_text() {
        assert_eq!(
            decode_entities("&amp;lt; &bogus; &#x1F600; &#8217;&#x27;&#X3D;"),
            "&lt; &bogus; 😀 ’'="
        );
        assert_eq!(decode_entities("&lt;b&gt;bold?&lt;/b&gt;"), "<b>bold?</b>");
        assert_eq!(
            decode_entities("don&#146;t &#150; &#129;x"),
            "don’t – x",
            "C1 references as browsers read them"
        );
        assert_eq!(
            decode_entities("a&#0;b&#27;c&#x7;d&#10;e"),
            "abcd\ne",
            "control characters removed, as from every string"
        );
        assert_eq!(
            decode_entities("&#x+41; &#-65; &#; &#x;"),
            "&#x+41; &#-65; &#; &#x;"
        );
        let far = format!("&{}", "x".repeat(20));
        assert_eq!(decode_entities(&format!("{far}amp;")), format!("{far}amp;"));
        assert_eq!(decode_entities(&"&".repeat(50)), "&".repeat(50));
    }

    /// Dropped elements that have no end tag, or close themselves, or are comments closed at
    /// once, end where they are, and the article goes on after them.
    #[test]
    fn void_and_self_closing_dropped_elements_keep_the_rest() {
        let html = "<p>one</p><embed src=x.swf><p>two</p><svg/><p>three</p>\
                    <math display=block /><p>four</p><!--><p>five</p><!---><p>six</p>\
                    <SVG viewBox='0 0 1 1'/><p>seven</p><br/><p>eight</p>\
                    <!-- a -- b --!><p>nine</p><EMBED/><p>ten</p>";
        assert_eq!(
            reader_text(&blocks_from_html(html)),
            "one | two | three | four | five | six | seven | eight | nine | ten"
        );
    }

    #[test]
    fn dropped_elements_end_at_their_own_end_tag() {
        let blocks = blocks_from_html(
            "<svg><svg><text>inner</text></svg><text>outer</text></svg><p>after svg</p>\
             <script>if (a <script) x = '</scripts>';</SCRIPT ><p>after script</p>\
             <template><template>t</template>u</template><p>after template</p>\
             <math><mi>x</mi><math/></math><p>after math</p>",
        );
        assert_eq!(
            reader_text(&blocks),
            "after svg | after script | after template | after math"
        );
    }

    #[test]
    fn text_in_deeply_nested_links_takes_the_innermost_link() {
        let depth = 10_000;
        let html = format!(
            "<p><a href=/outer>{}deep{}</a> <a href=/{}>long</a></p>",
            "<a><b>".repeat(depth),
            "</b></a>".repeat(depth),
            "x".repeat(LONGEST_URL)
        );
        let blocks = blocks_from_html(&html);
        let Block::Paragraph { content } = &blocks[0] else {
            panic!("{blocks:?}")
        };
        let deep = content.iter().find(|r| r.text == "deep").unwrap();
        assert_eq!(deep.link.as_ref().map(SafeUrl::as_str), Some("/outer"));
        assert!(deep.bold);
        let long = content.iter().find(|r| r.text.trim() == "long").unwrap();
        assert_eq!(
            long.link, None,
            "a link longer than any real one stays text"
        );
    }
}
