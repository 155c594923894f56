//! The app's paths, in one place (the route table of the shared DESIGN.md). Components build
//! links with these; the router in `app.rs` matches the same shapes.

pub const ALL_NEWS: &str = "/";

/// The path of an article. The id is percent-encoded so that any id, even a hostile one,
/// stays one path segment.
pub fn article(id: &str) -> String {
    let mut path = String::from("/news/");
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            path.push(char::from(byte));
        } else {
            path.push_str(&format!("%{byte:02X}"));
        }
    }
    path
}

#[cfg(test)]
mod tests {
    #[test]
    fn article_ids_stay_one_segment() {
        assert_eq!(super::article("eight-hour-us-russia-talks"), "/news/eight-hour-us-russia-talks");
        assert_eq!(super::article("../admin?x=<y>"), "/news/..%2Fadmin%3Fx%3D%3Cy%3E");
        assert_eq!(super::article("é"), "/news/%C3%A9");
    }
}
