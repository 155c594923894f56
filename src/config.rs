//! Settings chosen when the site is built.

/// The newsroom's time zone, as minutes east of UTC: All News groups stories under the days of
/// this zone, in the pre-rendered page and in the app alike, so no story changes day when the
/// app adopts the page. (The reader's own zone labels each story's time.) A fixed offset: a
/// newsroom whose zone keeps summer time picks one and rebuilds, or stays on UTC, the default.
pub const NEWSROOM_UTC_OFFSET_MINUTES: i32 = 0;
