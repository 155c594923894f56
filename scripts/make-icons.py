#!/usr/bin/env python3
"""Generate the installed app's icons from the favicon's design (public/favicon.svg).

The icons under public/icons/ are committed; the build never runs this script. It exists so
that they can be remade when the mark changes:

    pip install pillow            # dev time only
    python3 scripts/make-icons.py [--out public/icons]

It writes icon-192.png and icon-512.png (the mark on a rounded tile, as the favicon) and
icon-maskable-512.png (full bleed, the mark inside the central 80 % circle that every
platform's mask keeps), named by public/manifest.json. Shapes are drawn here, at four
times the size and scaled down for clean edges, the way scripts/make-images.py draws; the output
is the same on every run.
"""

import argparse
import os

from PIL import Image, ImageDraw

INK = "#121212"  # the favicon's tile, also the dark theme's background (style/tokens.css)
PAPER = "#ffffff"
SS = 4  # supersampling factor

# The favicon's "B" in its 32-unit viewBox: the stem, and two bowls with their counters.
STEM = (9, 7, 13, 26.1)
BOWLS = [((9, 7, 23.3, 15.8), (13, 10.2, 19.3, 14.8)), ((9, 15.8, 24.2, 26.1), (13, 17.9, 20.2, 23.5))]


def draw_mark(draw, origin, unit):
    """The "B", its 32-unit box at `origin`, `unit` pixels per unit."""
    ox, oy = origin

    def box(x0, y0, x1, y1):
        return (ox + x0 * unit, oy + y0 * unit, ox + x1 * unit, oy + y1 * unit)

    for outer, counter in BOWLS:
        height = (outer[3] - outer[1]) * unit
        draw.rounded_rectangle(box(*outer), radius=height * 0.48, fill=PAPER)
        counter_height = (counter[3] - counter[1]) * unit
        draw.rounded_rectangle(box(*counter), radius=counter_height * 0.45, fill=INK)
    draw.rectangle(box(*STEM), fill=PAPER)


def icon(size, maskable):
    big = size * SS
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if maskable:
        # Full bleed: the platform cuts its own shape. The mark fills about half the tile, well
        # inside the safe circle (80 % of the width).
        draw.rectangle((0, 0, big, big), fill=INK)
        unit = big * 0.55 / 32
    else:
        draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=big * 6 / 32, fill=INK)
        unit = big / 32
    offset = (big - 32 * unit) / 2
    draw_mark(draw, (offset, offset), unit)
    return image.resize((size, size), Image.LANCZOS)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "public", "icons"))
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for name, size, maskable in [
        ("icon-192.png", 192, False),
        ("icon-512.png", 512, False),
        ("icon-maskable-512.png", 512, True),
    ]:
        path = os.path.join(args.out, name)
        icon(size, maskable).save(path, optimize=True)
        print(f"make-icons: {path}")


if __name__ == "__main__":
    main()
