use crate::model::Image;
use leptos::prelude::*;

/// An image with its caption and credit. The hero is wanted at once (it is the largest paint
/// above the fold); images further down wait until the reader scrolls near them. Width and
/// height are always set, so the page does not jump when the image arrives.
#[component]
pub fn Figure(image: Image, #[prop(optional)] hero: bool) -> impl IntoView {
    let srcset = image.srcset_attribute();
    let Image {
        src,
        width,
        height,
        alt,
        caption,
        credit,
        ..
    } = image;
    let size_known = width > 0 && height > 0;
    let (width, height) = if size_known {
        (width, height)
    } else {
        (1600, 900)
    };
    let sizes = srcset.as_ref().map(|_| {
        if hero {
            "(min-width: 64rem) 60rem, 100vw"
        } else {
            "(min-width: 48rem) 42rem, 100vw"
        }
    });
    let has_caption = caption.is_some() || credit.is_some();
    view! {
        <figure
            class=if hero { "figure figure--hero" } else { "figure" }
            class:figure--framed=!size_known
        >
            <img
                src=src.to_string()
                srcset=srcset
                sizes=sizes
                width=width
                height=height
                alt=alt
                loading=if hero { "eager" } else { "lazy" }
                fetchpriority=hero.then_some("high")
                decoding="async"
            />
            {has_caption.then(|| view! {
                <figcaption>
                    {caption.map(|c| view! { <span class="figure__caption">{c}</span> })}
                    " "
                    {credit.map(|c| view! { <span class="figure__credit">{c}</span> })}
                </figcaption>
            })}
        </figure>
    }
}
