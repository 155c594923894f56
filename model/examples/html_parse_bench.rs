//! How long the allow-list takes to read hostile `content_html`: generated pages of about 1 MB
//! built to hit the reader's worst paths, each parsed natively, with the median and slowest
//! time printed.
//!
//! `cargo run --release -p broadsheet-model --example html_parse_bench [-- --runs N --kb N]`

use broadsheet_model::html::blocks_from_html;
use std::time::{Duration, Instant};

fn repeat_to(size: usize, piece: &str) -> String {
    piece.repeat(size / piece.len() + 1)
}

/// Each page stresses one path; `mixed` interleaves them all.
fn pages(size: usize) -> Vec<(&'static str, String)> {
    vec![
        (
            "svg, closed and self-closing",
            repeat_to(
                size,
                "<p>Kept &amp; read</p><svg viewBox='0 0 1 1'><path d='M0 0'/></svg><SVG/><math/>",
            ),
        ),
        ("void embeds", repeat_to(size, "<embed src=x.swf>text ")),
        ("empty comments", repeat_to(size, "<!-->text<!--->more ")),
        (
            "entities, no semicolon",
            repeat_to(size, "&amp &#x26 &bogus "),
        ),
        ("ampersands before one far ;", repeat_to(size, "&") + ";"),
        (
            "deep nesting, never closed",
            repeat_to(
                size,
                "<div><blockquote><ul><li><b><i><a>word <a href=/x>linked ",
            ),
        ),
        ("unclosed start tags", repeat_to(size, "<p class=x <b <i ")),
        (
            "mixed",
            repeat_to(
                size,
                "<svg><g/></svg><embed>&amp;&#8217;&&<div><a><b>deep <!-->x<math/>\
                 <script>s</script><ul><li>item &hellip;",
            ),
        ),
    ]
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut runs, mut kb) = (5usize, 1024usize);
    while let Some(flag) = args.next() {
        let value = args.next().and_then(|v| v.parse().ok());
        match (flag.as_str(), value) {
            ("--runs", Some(n)) => runs = n,
            ("--kb", Some(n)) => kb = n,
            _ => {
                eprintln!("usage: html_parse_bench [--runs N] [--kb N]");
                std::process::exit(2);
            }
        }
    }
    println!(
        "{:<30} {:>9} {:>8} {:>11} {:>11}",
        "page", "bytes", "blocks", "median ms", "max ms"
    );
    for (name, html) in pages(kb * 1024) {
        let mut times: Vec<Duration> = Vec::with_capacity(runs);
        let mut blocks = 0;
        for _ in 0..runs.max(1) {
            let start = Instant::now();
            blocks = std::hint::black_box(blocks_from_html(&html)).len();
            times.push(start.elapsed());
        }
        times.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        println!(
            "{name:<30} {:>9} {blocks:>8} {:>11.1} {:>11.1}",
            html.len(),
            ms(times[times.len() / 2]),
            ms(times[times.len() - 1])
        );
    }
}
