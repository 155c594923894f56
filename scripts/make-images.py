#!/usr/bin/env python3
"""Generate Broadsheet's sample editorial illustrations.

The images under public/images/ are committed; the build never runs this script.
It exists so that the pictures can be remade or changed:

    pip install pillow            # dev time only
    python3 scripts/make-images.py [--out public/images] [--only SLUG ...]

Every illustration is drawn at twice 1280x720 (for clean anti-aliased edges), scaled down,
given a faint film grain and written as progressive, optimised JPEG (quality 78) at
1280x720, 640x360, 320x180 and 160x90: public/images/<slug>-<width>.jpg. The two small ones
are for cards' thumbnails (the feed's `_broadsheet.image_srcset`), so a 96 px picture in a
partner's sidebar is not a 640 px download.
Everything is deterministic (fixed random seeds), so re-running gives the same pictures.
No text, no photographs, no third-party artwork: all shapes are drawn here.
"""

import argparse
import math
import os
import random
import sys

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

BASE_W, BASE_H = 1280, 720  # drawing coordinates
SS = 2                      # supersampling factor
W, H = BASE_W * SS, BASE_H * SS
SIZES = (1280, 640, 320, 160)
QUALITY = 78


# ---------------------------------------------------------------- helpers

def s(v):
    """Scale a base (1280-wide) coordinate or length to the supersampled canvas."""
    return int(round(v * SS))


def pts(seq):
    return [(s(x), s(y)) for x, y in seq]


def box(x0, y0, x1, y1):
    return (s(x0), s(y0), s(x1), s(y1))


def hex2rgb(h):
    h = h.lstrip("#")
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))


def mix(a, b, t):
    a, b = hex2rgb(a) if isinstance(a, str) else a, hex2rgb(b) if isinstance(b, str) else b
    return tuple(int(round(a[i] + (b[i] - a[i]) * t)) for i in range(3))


def vgradient(top, bottom, size=(W, H)):
    """A vertical gradient image from colour `top` to `bottom`."""
    grad = Image.linear_gradient("L").resize(size)
    return Image.composite(Image.new("RGB", size, hex2rgb(bottom) if isinstance(bottom, str) else bottom),
                           Image.new("RGB", size, hex2rgb(top) if isinstance(top, str) else top),
                           grad)


def canvas(top, bottom):
    """A full-size picture with a vertical gradient from `top` to `bottom`, and a pen on it."""
    img = vgradient(top, bottom)
    return img, ImageDraw.Draw(img)


def radial_glow(img, cx, cy, radius, colour, strength=0.5):
    """Add a soft round glow of `colour` centred at base coords (cx, cy)."""
    mask = Image.new("L", img.size, 0)
    d = ImageDraw.Draw(mask)
    d.ellipse(box(cx - radius, cy - radius, cx + radius, cy + radius), fill=int(255 * strength))
    mask = mask.filter(ImageFilter.GaussianBlur(s(radius) / 2))
    img.paste(Image.new("RGB", img.size, hex2rgb(colour)), (0, 0), mask)


def shadow(img, draw_fn, offset=(6, 8), blur=10, opacity=110):
    """Composite a blurred dark silhouette of whatever draw_fn(draw) draws onto a mask."""
    mask = Image.new("L", img.size, 0)
    draw_fn(ImageDraw.Draw(mask))
    mask = mask.filter(ImageFilter.GaussianBlur(s(blur)))
    mask = ImageChops.offset(mask, s(offset[0]), s(offset[1]))
    mask = mask.point(lambda v: v * opacity // 255)
    img.paste(Image.new("RGB", img.size, (10, 10, 14)), (0, 0), mask)


def vignette(img, strength=90):
    mask = Image.new("L", img.size, 0)
    d = ImageDraw.Draw(mask)
    d.rectangle((0, 0) + img.size, fill=strength)
    d.ellipse((-s(120), -s(140), W + s(120), H + s(140)), fill=0)
    mask = mask.filter(ImageFilter.GaussianBlur(s(120)))
    img.paste(Image.new("RGB", img.size, (8, 8, 12)), (0, 0), mask)


def finish(img, slug, out_dir, grain=3.0, seed=1):
    """Scale down, add grain, write both JPEG sizes; return [(path, bytes, (w, h))]."""
    written = []
    big = img.resize((1280, 720), Image.LANCZOS)
    if grain:
        rnd = random.Random(seed)
        noise = Image.frombytes("L", big.size, rnd.randbytes(big.size[0] * big.size[1]))
        amp = grain / 128.0
        noise = noise.point(lambda v: int(round(128 + (v - 128) * amp)))
        big = ImageChops.add(big, Image.merge("RGB", (noise, noise, noise)), scale=1.0, offset=-128)
    for width in SIZES:
        height = width * 9 // 16
        out = big if width == 1280 else big.resize((width, height), Image.LANCZOS)
        path = os.path.join(out_dir, f"{slug}-{width}.jpg")
        out.save(path, "JPEG", quality=QUALITY, progressive=True, optimize=True)
        written.append((path, os.path.getsize(path), out.size))
    return written


def font(candidates, size):
    for name in candidates:
        for root in ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/liberation",
                     "/usr/share/fonts/TTF", "/Library/Fonts", "C:/Windows/Fonts"):
            path = os.path.join(root, name)
            if os.path.exists(path):
                return ImageFont.truetype(path, size)
    return None


# ---------------------------------------------------------------- the pictures

def geneva_talks():
    """A negotiating table seen from above: two rows of chairs, notepads, glasses, two desk flags."""
    img, d = canvas("#5d6a73", "#4a555e")
    # carpet: a faint diamond lattice
    for k in range(-40, 80):
        x = k * 48
        d.line(pts([(x, 0), (x + 720, 720)]), fill=mix("#5a666f", "#6a7780", 0.5), width=s(1))
        d.line(pts([(x, 0), (x - 720, 720)]), fill=mix("#5a666f", "#6a7780", 0.5), width=s(1))
    radial_glow(img, 640, 360, 520, "#8a969e", 0.35)
    d = ImageDraw.Draw(img)

    tx0, ty0, tx1, ty1 = 230, 270, 1050, 450
    seats = [tx0 + 80 + i * (tx1 - tx0 - 160) / 5 for i in range(6)]
    chair_a, chair_b = "#2c3136", "#363b41"

    def chairs(dd, fill_top=None, fill_bottom=None):
        for x in seats:
            # top row (backs away from the table)
            dd.rounded_rectangle(box(x - 34, ty0 - 78, x + 34, ty0 - 8), s(12), fill=fill_top)
            dd.rounded_rectangle(box(x - 38, ty0 - 96, x + 38, ty0 - 74), s(10), fill=fill_top)
            # bottom row
            dd.rounded_rectangle(box(x - 34, ty1 + 8, x + 34, ty1 + 78), s(12), fill=fill_bottom)
            dd.rounded_rectangle(box(x - 38, ty1 + 74, x + 38, ty1 + 96), s(10), fill=fill_bottom)

    shadow(img, lambda dd: chairs(dd, 255, 255), offset=(5, 7), blur=8, opacity=120)
    d = ImageDraw.Draw(img)
    chairs(d, hex2rgb(chair_a), hex2rgb(chair_b))
    for x in seats:  # seat cushions, slightly lighter
        d.rounded_rectangle(box(x - 26, ty0 - 70, x + 26, ty0 - 16), s(9), fill=hex2rgb("#3a4047"))
        d.rounded_rectangle(box(x - 26, ty1 + 16, x + 26, ty1 + 70), s(9), fill=hex2rgb("#444a51"))

    # the table
    shadow(img, lambda dd: dd.rounded_rectangle(box(tx0, ty0, tx1, ty1), s(60), fill=255),
           offset=(8, 12), blur=14, opacity=150)
    d = ImageDraw.Draw(img)
    d.rounded_rectangle(box(tx0, ty0, tx1, ty1), s(60), fill=hex2rgb("#6e4c36"))
    d.rounded_rectangle(box(tx0 + 10, ty0 + 10, tx1 - 10, ty1 - 10), s(52), fill=hex2rgb("#7b5840"))
    # wood grain, clipped to the table top
    grain = Image.new("L", img.size, 0)
    gd = ImageDraw.Draw(grain)
    rnd = random.Random(7)
    for i in range(70):
        y = rnd.uniform(ty0 + 16, ty1 - 16)
        x0 = rnd.uniform(tx0 + 20, tx1 - 140)
        gd.line(pts([(x0, y), (x0 + rnd.uniform(120, 420), y + rnd.uniform(-2, 2))]),
                fill=int(rnd.uniform(50, 150)), width=s(1))
    top = Image.new("L", img.size, 0)
    ImageDraw.Draw(top).rounded_rectangle(box(tx0 + 14, ty0 + 14, tx1 - 14, ty1 - 14), s(48), fill=255)
    img.paste(Image.new("RGB", img.size, hex2rgb("#5e4130")), (0, 0), ImageChops.multiply(grain, top))
    d = ImageDraw.Draw(img)
    # a darker inlay band down the middle
    d.rounded_rectangle(box(tx0 + 60, 352, tx1 - 60, 368), s(6), fill=hex2rgb("#5f412e"))

    # place settings: notepad, pen and a glass, mirrored about the middle of the table
    for x in seats:
        hand = 1 if x < 640 else -1
        for side, y in ((-1, ty0 + 24), (1, ty1 - 74)):
            d.rectangle(box(x - 22, y, x + 22, y + 50), fill=hex2rgb("#e7e2d6"))
            for ln in range(5):
                d.line(pts([(x - 16, y + 10 + ln * 8), (x + 16, y + 10 + ln * 8)]),
                       fill=hex2rgb("#c9c3b5"), width=s(1))
            px = x + 30 * hand
            d.line(pts([(px - 1.5 * hand, y + 6), (px + 1.5 * hand, y + 44)]), fill=hex2rgb("#20252b"), width=s(3))
            gx = x - 46 * hand
            gy = y + 12 if side < 0 else y + 38
            d.ellipse(box(gx - 9, gy - 9, gx + 9, gy + 9), fill=hex2rgb("#b9c4c9"),
                      outline=hex2rgb("#e9eef0"), width=s(2))

    # desk flags in the middle, each on a small round base, in muted colours
    def us_flag(x, y):
        fw, fh = 76, 42
        stripes = ["#9a4b4b", "#e4ddd0"]
        for k in range(7):
            d.rectangle(box(x, y + k * fh / 7, x + fw, y + (k + 1) * fh / 7), fill=hex2rgb(stripes[k % 2]))
        d.rectangle(box(x, y, x + fw * 0.42, y + fh * 4 / 7), fill=hex2rgb("#3c4966"))
        for r in range(3):
            for c in range(4):
                cx, cy = x + 5 + c * 7.2, y + 5 + r * 7.0
                d.ellipse(box(cx - 1.3, cy - 1.3, cx + 1.3, cy + 1.3), fill=hex2rgb("#d9d4c8"))

    def ru_flag(x, y):
        fw, fh = 76, 42
        for k, col in enumerate(("#e4ddd0", "#3f5987", "#9a4b4b")):
            d.rectangle(box(x, y + k * fh / 3, x + fw, y + (k + 1) * fh / 3), fill=hex2rgb(col))

    for (fx, fy, draw_flag) in ((640, 300, us_flag), (640, 420, ru_flag)):
        d.ellipse(box(fx - 14, fy - 14, fx + 14, fy + 14), fill=hex2rgb("#2a2d31"))
        d.line(pts([(fx, fy), (fx - 4, fy - 50 if fy < 360 else fy + 8)]), fill=hex2rgb("#c7b27a"), width=s(3))
        if fy < 360:
            shadow(img, lambda dd: dd.rectangle(box(fx - 80, fy - 50, fx - 4, fy - 8), fill=255),
                   offset=(4, 5), blur=4, opacity=90)
            d = ImageDraw.Draw(img)
            draw_flag(fx - 80, fy - 50)
        else:
            shadow(img, lambda dd: dd.rectangle(box(fx + 4, fy - 4, fx + 80, fy + 38), fill=255),
                   offset=(4, 5), blur=4, opacity=90)
            d = ImageDraw.Draw(img)
            draw_flag(fx + 4, fy - 4)

    vignette(img, 80)
    return img


def skyline_sky(top, mid, bottom, sun=None):
    img = Image.new("RGB", (W, H))
    upper = vgradient(top, mid, (W, s(430)))
    lower = vgradient(mid, bottom, (W, H - s(430)))
    img.paste(upper, (0, 0))
    img.paste(lower, (0, s(430)))
    if sun:
        radial_glow(img, sun[0], sun[1], sun[2], sun[3], 0.55)
        d = ImageDraw.Draw(img)
        d.ellipse(box(sun[0] - 34, sun[1] - 34, sun[0] + 34, sun[1] + 34), fill=hex2rgb(sun[4]))
    return img


def town(d, rnd, y_base, x0, x1, colour, hmin, hmax, gables=False):
    x = x0
    while x < x1:
        w = rnd.uniform(26, 70)
        h = rnd.uniform(hmin, hmax)
        if gables and rnd.random() < 0.5:
            # Flemish stepped gable
            steps = 4
            poly = [(x, y_base), (x, y_base - h)]
            for k in range(steps):
                sx = x + (k + 0.5) * w / (2 * steps)
                poly += [(sx, y_base - h - k * 9), (sx, y_base - h - (k + 1) * 9)]
            top = y_base - h - steps * 9
            poly += [(x + w / 2, top)]
            for k in reversed(range(steps)):
                sx = x + w - (k + 0.5) * w / (2 * steps)
                poly += [(sx, y_base - h - (k + 1) * 9), (sx, y_base - h - k * 9)]
            poly += [(x + w, y_base - h), (x + w, y_base)]
            d.polygon(pts(poly), fill=colour)
        elif rnd.random() < 0.4:
            d.polygon(pts([(x, y_base), (x, y_base - h), (x + w / 2, y_base - h - w * 0.45),
                           (x + w, y_base - h), (x + w, y_base)]), fill=colour)
        else:
            d.rectangle(box(x, y_base - h, x + w, y_base), fill=colour)
        x += w + rnd.uniform(-6, 4)


def windows(d, rnd, x0, x1, y0, y1, colour, density=0.06):
    for _ in range(int((x1 - x0) * (y1 - y0) * density / 100)):
        x, y = rnd.uniform(x0, x1), rnd.uniform(y0, y1)
        d.rectangle(box(x, y, x + 3, y + 4), fill=colour)


def brussels_skyline():
    """Brussels at dusk: the Atomium, the Town Hall spire and stepped-gable houses."""
    img = skyline_sky("#30405f", "#9a8aa0", "#e8b98f", sun=(930, 520, 260, "#f3cf9e", "#f6dcb4"))
    d = ImageDraw.Draw(img)
    rnd = random.Random(12)
    # far layer
    town(d, rnd, 640, -20, 1300, hex2rgb("#6c6a86"), 60, 150)
    # middle layer with stepped gables
    town(d, rnd, 660, -20, 1300, hex2rgb("#4a4a66"), 40, 110, gables=True)
    # the Town Hall tower (Grand-Place), right of centre
    c, base, col = 1010, 620, hex2rgb("#30324a")
    d.rectangle(box(c - 120, base - 90, c + 120, base + 40), fill=col)          # hall body
    d.polygon(pts([(c - 120, base - 90), (c - 100, base - 130), (c + 100, base - 130), (c + 120, base - 90)]), fill=col)
    d.rectangle(box(c - 22, base - 250, c + 22, base - 90), fill=col)           # tower
    d.rectangle(box(c - 17, base - 330, c + 17, base - 250), fill=col)
    d.polygon(pts([(c - 14, base - 330), (c, base - 440), (c + 14, base - 330)]), fill=col)  # spire
    d.line(pts([(c, base - 440), (c, base - 470)]), fill=col, width=s(3))
    for k in range(6):  # pinnacles on the hall roof
        px = c - 110 + k * 44
        d.polygon(pts([(px - 5, base - 130), (px, base - 152), (px + 5, base - 130)]), fill=col)
    for k in range(5):  # tracery openings in the spire, lit by the sky
        y = base - 325 + k * 16
        d.rectangle(box(c - 3, y, c + 3, y + 8), fill=hex2rgb("#b99a93"))
    # the Atomium, left of centre: a cube standing on one corner, a sphere at each vertex and
    # one in the middle, joined along the edges and to the centre (orthographic projection)
    ax, ay, scale = 330, 390, 118
    tilt = math.atan(math.sqrt(2))  # puts the (1,1,1) diagonal upright

    def project(v):
        x, y, z = v
        # rotate about z by 45 degrees, then about x by the tilt, then a little about the vertical
        x, y = (x - y) / math.sqrt(2), (x + y) / math.sqrt(2)
        y, z = y * math.cos(tilt) - z * math.sin(tilt), y * math.sin(tilt) + z * math.cos(tilt)
        spin = math.radians(18)
        x, y = x * math.cos(spin) - y * math.sin(spin), x * math.sin(spin) + y * math.cos(spin)
        return (ax + x * scale, ay - z * scale, y)  # screen x, screen y, depth

    verts = [(i, j, k) for i in (-1, 1) for j in (-1, 1) for k in (-1, 1)]
    P = {v: project(v) for v in verts}
    P["c"] = project((0, 0, 0))
    edges = [(a, b) for a in verts for b in verts if a < b and sum(x != y for x, y in zip(a, b)) == 1]
    edges += [("c", v) for v in verts]
    tube = hex2rgb("#3e4058")
    low = sorted(verts, key=lambda v: -P[v][1])  # lowest on screen first
    bottom = low[0]
    ground = 700
    d.polygon(pts([(P[bottom][0] - 7, P[bottom][1]), (P[bottom][0] + 7, P[bottom][1]),
                   (P[bottom][0] + 10, ground), (P[bottom][0] - 10, ground)]), fill=tube)
    for v in low[1:4]:  # the three bipod legs from the lower spheres
        bx = P[v][0] + (P[v][0] - P[bottom][0]) * 0.12
        d.line(pts([(P[v][0], P[v][1]), (bx, ground)]), fill=tube, width=s(7))
    for a, b in edges:
        d.line(pts([P[a][:2], P[b][:2]]), fill=tube, width=s(9))
    for key in sorted(P, key=lambda k: -P[k][2]):  # far spheres first
        px, py, depth = P[key]
        rr = 27
        shade = 0.5 + 0.25 * max(-1.0, min(1.0, -depth / 1.8))
        d.ellipse(box(px - rr, py - rr, px + rr, py + rr), fill=mix("#6f738c", "#b7bacb", shade))
        d.ellipse(box(px - rr + 5, py - rr + 4, px + rr - 11, py + rr - 13), fill=mix("#8f93ab", "#d0d2dd", shade))
        d.ellipse(box(px - rr + 9, py - rr + 8, px - rr + 18, py - rr + 17), fill=hex2rgb("#eeedf2"))
    # foreground block of streets
    front = hex2rgb("#22233a")
    town(d, rnd, 720, -20, 1300, front, 30, 70, gables=True)
    d.rectangle(box(0, 690, 1280, 720), fill=front)
    windows(d, rnd, 0, 1280, 660, 700, hex2rgb("#e9c48a"), 0.05)
    vignette(img, 70)
    return img


def vienna_skyline():
    """Vienna at dusk: St Stephen's spire, the Karlskirche dome and the Riesenrad, over the river."""
    img = skyline_sky("#2e2d55", "#b58aa0", "#f0c49a", sun=(470, 500, 300, "#f5d2a8", "#f7dfbf"))
    d = ImageDraw.Draw(img)
    rnd = random.Random(21)
    water_y = 600
    town(d, rnd, water_y, -20, 1300, hex2rgb("#76678a"), 40, 110)
    col = hex2rgb("#3a3250")
    # Riesenrad (giant wheel), left
    wx, wy, wr = 230, 360, 170
    d.ellipse(box(wx - wr, wy - wr, wx + wr, wy + wr), outline=col, width=s(7))
    d.ellipse(box(wx - wr + 16, wy - wr + 16, wx + wr - 16, wy + wr - 16), outline=col, width=s(3))
    for k in range(30):
        a = math.radians(k * 12)
        d.line(pts([(wx, wy), (wx + math.cos(a) * (wr - 4), wy + math.sin(a) * (wr - 4))]), fill=col, width=s(1.6))
    for k in range(15):
        a = math.radians(k * 24 + 6)
        gx, gy = wx + math.cos(a) * wr, wy + math.sin(a) * wr
        d.rounded_rectangle(box(gx - 9, gy + 2, gx + 9, gy + 16), s(3), fill=col)
    d.ellipse(box(wx - 12, wy - 12, wx + 12, wy + 12), fill=col)
    for dx in (-110, 110):
        d.line(pts([(wx, wy), (wx + dx, water_y)]), fill=col, width=s(8))
    d.line(pts([(wx - 80, wy + 120), (wx + 80, wy + 120)]), fill=col, width=s(5))
    # Karlskirche, centre: dome, lantern, two columns and two side pavilions
    kx, base = 660, water_y
    d.rectangle(box(kx - 150, base - 120, kx + 150, base), fill=col)
    d.polygon(pts([(kx - 60, base - 120), (kx, base - 160), (kx + 60, base - 120)]), fill=col)
    d.rectangle(box(kx - 70, base - 210, kx + 70, base - 120), fill=col)
    d.pieslice(box(kx - 78, base - 300, kx + 78, base - 140), 180, 360, fill=col)
    d.rectangle(box(kx - 10, base - 330, kx + 10, base - 290), fill=col)
    d.polygon(pts([(kx - 12, base - 330), (kx, base - 352), (kx + 12, base - 330)]), fill=col)
    for cx in (kx - 112, kx + 112):
        d.rectangle(box(cx - 15, base - 250, cx + 15, base - 120), fill=col)
        d.rectangle(box(cx - 20, base - 262, cx + 20, base - 250), fill=col)
        d.ellipse(box(cx - 9, base - 278, cx + 9, base - 258), fill=col)
        for k in range(6):  # the spiral reliefs, as light bands
            y = base - 240 + k * 20
            d.line(pts([(cx - 15, y), (cx + 15, y + 8)]), fill=hex2rgb("#54496e"), width=s(2))
    for px in (kx - 190, kx + 190):
        d.rectangle(box(px - 40, base - 130, px + 40, base), fill=col)
        d.polygon(pts([(px - 40, base - 130), (px, base - 175), (px + 40, base - 130)]), fill=col)
    # St Stephen's Cathedral, right: steep roof and the tall south spire
    sx = 1010
    d.polygon(pts([(sx - 170, base), (sx - 170, base - 100), (sx - 120, base - 190), (sx + 60, base - 190),
                   (sx + 110, base - 100), (sx + 110, base)]), fill=col)
    for k in range(5):  # the tiled roof's zig-zag, faintly
        y = base - 175 + k * 16
        for j in range(10):
            x = sx - 130 + j * 22
            d.line(pts([(x, y), (x + 11, y + 8), (x + 22, y)]), fill=hex2rgb("#4a4062"), width=s(2))
    d.rectangle(box(sx + 70, base - 260, sx + 120, base), fill=col)
    d.polygon(pts([(sx + 70, base - 260), (sx + 95, base - 520), (sx + 120, base - 260)]), fill=col)
    for k in range(7):  # crockets along the spire
        y = base - 280 - k * 32
        half = 25 * (1 - (k * 32 + 20) / 260)
        d.polygon(pts([(sx + 95 - half - 6, y), (sx + 95 - half, y - 12), (sx + 95 - half + 2, y)]), fill=col)
        d.polygon(pts([(sx + 95 + half + 6, y), (sx + 95 + half, y - 12), (sx + 95 + half - 2, y)]), fill=col)
    d.rectangle(box(sx - 190, base - 140, sx - 150, base), fill=col)
    d.pieslice(box(sx - 196, base - 170, sx - 144, base - 110), 180, 360, fill=col)
    # near embankment
    town(d, rnd, water_y, -20, 1300, hex2rgb("#2a2540"), 20, 46)
    windows(d, rnd, 0, 1280, water_y - 40, water_y - 8, hex2rgb("#f0c88f"), 0.06)
    # the river with the sky reflected in broken strokes
    water = vgradient("#6e5878", "#2a2540", (W, H - s(water_y)))
    img.paste(water, (0, s(water_y)))
    d = ImageDraw.Draw(img)
    for _ in range(260):
        x, y = rnd.uniform(0, 1280), rnd.uniform(water_y + 4, 716)
        length = rnd.uniform(10, 60)
        col_w = mix("#f3cfa3", "#8d6f8c", (y - water_y) / (720 - water_y))
        d.line(pts([(x, y), (x + length, y)]), fill=col_w, width=s(1.5))
    vignette(img, 70)
    return img


def security_week_map():
    """Three cities joined by arcs on a dotted, map-like grid: Brussels, Geneva, Vienna."""
    img, d = canvas("#17243a", "#0f1828")

    def proj(lon, lat):
        return (170 + (lon + 2) * 48, 720 - (lat - 41) * 62)

    rnd = random.Random(3)
    for lon in range(-6, 22):
        for lat in range(41, 53):
            for sub_x in range(3):
                for sub_y in range(3):
                    x, y = proj(lon + sub_x / 3, lat + sub_y / 3)
                    if 0 < x < 1280 and 0 < y < 720:
                        d.ellipse(box(x - 1.3, y - 1.3, x + 1.3, y + 1.3), fill=hex2rgb("#2b3d58"))
    for lon in range(0, 24, 4):  # meridians and parallels
        d.line(pts([proj(lon, 40), proj(lon, 54)]), fill=hex2rgb("#22334c"), width=s(1))
    for lat in range(42, 54, 2):
        d.line(pts([proj(-3, lat), proj(24, lat)]), fill=hex2rgb("#22334c"), width=s(1))

    cities = {"brussels": proj(4.35, 50.85), "geneva": proj(6.14, 46.20), "vienna": proj(16.37, 48.21)}
    order = [("geneva", "brussels"), ("brussels", "vienna"), ("geneva", "vienna")]
    colours = {"geneva": "#d9a441", "brussels": "#5fa3c7", "vienna": "#c76b5f"}

    def arc(a, b, bulge):
        (x0, y0), (x1, y1) = a, b
        mx, my = (x0 + x1) / 2, (y0 + y1) / 2
        nx, ny = -(y1 - y0), (x1 - x0)
        ln = math.hypot(nx, ny)
        cx, cy = mx + nx / ln * bulge, my + ny / ln * bulge
        return [((1 - t) ** 2 * x0 + 2 * (1 - t) * t * cx + t * t * x1,
                 (1 - t) ** 2 * y0 + 2 * (1 - t) * t * cy + t * t * y1) for t in [i / 120 for i in range(121)]]

    for (a, b), bulge in zip(order, (-70, -90, 80)):
        line = arc(cities[a], cities[b], bulge)
        glow = Image.new("L", img.size, 0)
        ImageDraw.Draw(glow).line(pts(line), fill=160, width=s(10))
        glow = glow.filter(ImageFilter.GaussianBlur(s(8)))
        img.paste(Image.new("RGB", img.size, hex2rgb("#5d7fa8")), (0, 0), glow)
        d = ImageDraw.Draw(img)
        for i in range(0, 120, 4):  # dashed
            d.line(pts(line[i:i + 3]), fill=hex2rgb("#c9d6e6"), width=s(2.5))
    for name, (x, y) in cities.items():
        col = colours[name]
        radial_glow(img, x, y, 70, col, 0.45)
        d = ImageDraw.Draw(img)
        for rr, w in ((46, 1.5), (30, 2)):
            d.ellipse(box(x - rr, y - rr, x + rr, y + rr), outline=mix(col, "#17243a", 0.35), width=s(w))
        d.ellipse(box(x - 12, y - 12, x + 12, y + 12), fill=hex2rgb(col))
        d.ellipse(box(x - 5, y - 5, x + 5, y + 5), fill=hex2rgb("#f4efe4"))
    vignette(img, 90)
    return img


def long_words():
    """Typographic art: a justified column of word-shapes, one word too long for its line."""
    img, d = canvas("#f1ebdf", "#e6dece")
    rnd = random.Random(42)
    left, right = 250, 900
    guide = hex2rgb("#9fc1d6")
    for x in (left, right):
        d.line(pts([(x, 0), (x, 720)]), fill=guide, width=s(1.5))
    d.line(pts([(0, 96), (1280, 96)]), fill=guide, width=s(1.5))
    # a big faint pilcrow in the right margin
    faint = hex2rgb("#d9cfbc")
    d.ellipse(box(975, 150, 1085, 290), fill=faint)
    d.rectangle(box(1030, 150, 1130, 164), fill=faint)
    d.rectangle(box(1072, 150, 1086, 540), fill=faint)
    d.rectangle(box(1112, 150, 1126, 540), fill=faint)
    ink = hex2rgb("#3a3733")
    line_h, xh = 34, 13
    y = 120
    row = 0
    while y < 700:
        if row == 8:
            # the long word: runs past the margin and off the page, with a break mark
            d.rounded_rectangle(box(left, y, left + 120, y + xh), s(3), fill=ink)
            d.rounded_rectangle(box(left + 136, y, 1300, y + xh), s(3), fill=hex2rgb("#a23b2c"))
            for k in range(18):
                x = left + 160 + k * 60 + rnd.uniform(-8, 8)
                d.rectangle(box(x, y - 8, x + 5, y), fill=hex2rgb("#a23b2c"))  # ascenders
            d.line(pts([(right + 14, y - 16), (right + 14, y + xh + 16)]), fill=hex2rgb("#a23b2c"), width=s(2))
            d.line(pts([(right + 6, y + xh + 22), (right + 22, y + xh + 22)]), fill=hex2rgb("#a23b2c"), width=s(4))
        elif row == 9:
            # the hyphenated remainder, as it should have been
            d.rounded_rectangle(box(left, y, left + 300, y + xh), s(3), fill=hex2rgb("#a23b2c"))
            x = left + 316
            while x < right - 40:
                w = rnd.uniform(30, 110)
                d.rounded_rectangle(box(x, y, min(x + w, right), y + xh), s(3), fill=ink)
                x += w + 16
        elif row in (4, 15):
            # paragraph end: a short line
            x = left
            for _ in range(rnd.randint(2, 4)):
                w = rnd.uniform(40, 120)
                d.rounded_rectangle(box(x, y, x + w, y + xh), s(3), fill=ink)
                x += w + 14
        else:
            words = []
            while sum(words) + 14 * len(words) < right - left - 60:
                words.append(rnd.uniform(28, 120))
            gap = (right - left - sum(words)) / max(1, len(words) - 1)
            x = left
            for w in words:
                d.rounded_rectangle(box(x, y, x + w, y + xh), s(3), fill=ink)
                if rnd.random() < 0.35:  # an ascender here and there
                    ax = x + rnd.uniform(2, max(3, w - 6))
                    d.rectangle(box(ax, y - 7, ax + 4, y), fill=ink)
                x += w + gap
        y += line_h
        row += 1
    return img


def composing_stick():
    """Metal type in a composing stick, seen from above: mirrored letters on lead sorts."""
    img, d = canvas("#3b3f44", "#25282c")
    radial_glow(img, 640, 300, 520, "#6d727a", 0.45)
    d = ImageDraw.Draw(img)
    # the stick: a steel tray
    shadow(img, lambda dd: dd.rectangle(box(70, 170, 1210, 560), fill=255), offset=(10, 14), blur=16, opacity=170)
    d = ImageDraw.Draw(img)
    d.rectangle(box(70, 170, 1210, 560), fill=hex2rgb("#8d9399"))
    d.rectangle(box(70, 170, 1210, 186), fill=hex2rgb("#c2c7cc"))
    d.rectangle(box(70, 544, 1210, 560), fill=hex2rgb("#5d6267"))
    d.rectangle(box(70, 170, 96, 560), fill=hex2rgb("#a7adb2"))
    d.rectangle(box(1050, 170, 1080, 560), fill=hex2rgb("#b4b9be"))  # the knee
    face = font(["DejaVuSerif-Bold.ttf", "LiberationSerif-Bold.ttf"], s(52))
    rows = ["Silbentrennung", "Zeilenumbruch", "Wortzwischenraum", "Blocksatz"]
    rnd = random.Random(5)
    y = 196
    for text in rows:
        x = 1046
        for ch in text:  # the line reads mirrored, as metal type does
            adv = face.getlength(ch) / SS if face is not None else (34 if ch in "mwMW" else 16 if ch in "ilj" else 26)
            w = adv + 4
            x -= w
            shade = mix("#7a8085", "#a0a6ab", rnd.random())
            d.rectangle(box(x, y, x + w, y + 80), fill=shade, outline=hex2rgb("#555a5f"), width=s(1.2))
            d.line(pts([(x + 1, y + 70), (x + w - 1, y + 70)]), fill=hex2rgb("#5e6368"), width=s(2))  # nick
            if face is not None:
                glyph = Image.new("L", (s(w), s(80)), 0)
                ImageDraw.Draw(glyph).text((s(w / 2), s(36)), ch, font=face, fill=255, anchor="mm")
                glyph = glyph.transpose(Image.FLIP_LEFT_RIGHT)
                img.paste(Image.new("RGB", glyph.size, hex2rgb("#2a2d31")), (s(x), s(y)), glyph)
                d = ImageDraw.Draw(img)
            else:
                d.rectangle(box(x + 4, y + 20, x + w - 4, y + 52), fill=hex2rgb("#2a2d31"))
        # a brass lead between lines
        d.rectangle(box(100, y + 82, 1046, y + 88), fill=hex2rgb("#b48a4a"))
        y += 88
        if y > 500:
            break
    vignette(img, 80)
    return img


def star_pattern():
    """Eight-pointed stars and crosses (the classic 'star and cross' tiling), as in zellij or tile work."""
    img = Image.new("RGB", (W, H), hex2rgb("#2f7d84"))
    d = ImageDraw.Draw(img)
    a = 172                     # lattice spacing; stars on the even squares, crosses on the odd
    R = a * math.sqrt(2) / 2    # so that diagonal neighbours touch point to point
    inner = math.cos(math.radians(45)) / math.cos(math.radians(22.5))  # the {8/2} star
    line = hex2rgb("#1b2633")

    def star(cx, cy, r, rot=0.0):
        return [(cx + (r if k % 2 == 0 else r * inner) * math.cos(math.radians(k * 22.5 + rot)),
                 cy + (r if k % 2 == 0 else r * inner) * math.sin(math.radians(k * 22.5 + rot)))
                for k in range(16)]

    ox, oy = 640, 360
    for j in range(-5, 6):
        for i in range(-7, 8):
            cx, cy = ox + i * a, oy + j * a
            if (i + j) % 2 == 0:
                d.polygon(pts(star(cx, cy, R)), fill=hex2rgb("#efe3c7"), outline=line, width=s(5))
                d.polygon(pts(star(cx, cy, R * 0.58, 22.5)), fill=hex2rgb("#1f3b63"), outline=line, width=s(3))
                d.polygon(pts(star(cx, cy, R * 0.26)), fill=hex2rgb("#c8963e"), outline=line, width=s(2.5))
            else:
                r = 17
                d.polygon(pts([(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)]),
                          fill=hex2rgb("#9b3d33"), outline=line, width=s(2.5))
    # a warm light across the tiles, like late sun on a wall
    light = Image.new("L", img.size, 0)
    ImageDraw.Draw(light).polygon(pts([(0, 0), (700, 0), (200, 720), (0, 720)]), fill=70)
    light = light.filter(ImageFilter.GaussianBlur(s(160)))
    img.paste(Image.new("RGB", img.size, hex2rgb("#fff1d0")), (0, 0), light)
    vignette(img, 100)
    return img


def webb_mirror():
    """Eighteen gold hexagonal mirror segments against a starfield."""
    img, d = canvas("#0b1228", "#04060d")
    rnd = random.Random(99)
    for _ in range(900):
        x, y, r = rnd.uniform(0, 1280), rnd.uniform(0, 720), rnd.choice((0.6, 0.8, 1.0, 1.0, 1.4, 2.0))
        c = int(rnd.uniform(120, 255))
        d.ellipse(box(x - r, y - r, x + r, y + r), fill=(c, c, min(255, c + 15)))
    radial_glow(img, 640, 380, 380, "#2a3a66", 0.5)
    d = ImageDraw.Draw(img)
    size = 62  # hexagon circumradius (pointy-top)
    cx0, cy0 = 640, 380
    hexes = []
    for q in range(-2, 3):
        for r in range(-2, 3):
            if abs(q + r) > 2 or (q, r) == (0, 0):
                continue
            x = cx0 + size * math.sqrt(3) * (q + r / 2)
            y = cy0 + size * 1.5 * r
            hexes.append((x, y))
    assert len(hexes) == 18

    def hexagon(x, y, rr):
        return [(x + rr * math.cos(math.radians(60 * k - 30)), y + rr * math.sin(math.radians(60 * k - 30)))
                for k in range(6)]

    shadow(img, lambda dd: [dd.polygon(pts(hexagon(x, y, size)), fill=255) for x, y in hexes],
           offset=(0, 0), blur=30, opacity=120)
    d = ImageDraw.Draw(img)
    for x, y in hexes:
        d.polygon(pts(hexagon(x, y, size - 1)), fill=hex2rgb("#1c1c22"))
        t = (x - 440) / 400
        base = mix("#c99a3a", "#f0cc6e", max(0, min(1, 1 - t + rnd.uniform(-0.15, 0.15))))
        d.polygon(pts(hexagon(x, y, size - 5)), fill=base)
        hl = Image.new("L", img.size, 0)
        ImageDraw.Draw(hl).polygon(pts(hexagon(x - 12, y - 16, size * 0.45)), fill=120)
        hl = hl.filter(ImageFilter.GaussianBlur(s(14)))
        clip = Image.new("L", img.size, 0)
        ImageDraw.Draw(clip).polygon(pts(hexagon(x, y, size - 5)), fill=255)
        img.paste(Image.new("RGB", img.size, hex2rgb("#fff4cf")), (0, 0), ImageChops.multiply(hl, clip))
        d = ImageDraw.Draw(img)
    # the secondary mirror on its three struts, in front of the central opening
    sm = (cx0, cy0 - 6)
    for ex, ey in ((cx0, cy0 - 5 * size * 0.95), (cx0 - 4.2 * size, cy0 + 2.9 * size), (cx0 + 4.2 * size, cy0 + 2.9 * size)):
        d.line(pts([sm, (ex, ey)]), fill=hex2rgb("#20242e"), width=s(6))
        d.line(pts([sm, (ex, ey)]), fill=hex2rgb("#6a7282"), width=s(1.5))
    d.ellipse(box(sm[0] - 24, sm[1] - 24, sm[0] + 24, sm[1] + 24), fill=hex2rgb("#20242e"))
    d.ellipse(box(sm[0] - 17, sm[1] - 17, sm[0] + 17, sm[1] + 17), fill=hex2rgb("#d8b05a"))
    return img


def heart_helix():
    """A stylised heart built from simple geometry, a heartbeat trace and a double helix."""
    img, d = canvas("#ece4da", "#ddd2c6")
    radial_glow(img, 520, 360, 300, "#f5eee6", 0.6)
    d = ImageDraw.Draw(img)
    hx, hy, r = 500, 320, 100
    tip = (hx, hy + 2.45 * r)
    lobes = [(hx - 0.72 * r, hy), (hx + 0.72 * r, hy)]

    def tangent(c, sign):
        dx, dy = tip[0] - c[0], tip[1] - c[1]
        dist = math.hypot(dx, dy)
        base = math.atan2(dy, dx)
        ang = base + sign * math.acos(r / dist)
        return (c[0] + r * math.cos(ang), c[1] + r * math.sin(ang))

    outline = [tangent(lobes[0], 1), tip, tangent(lobes[1], -1), lobes[1], lobes[0]]

    def heart(dd, fill):
        for c in lobes:
            dd.ellipse(box(c[0] - r, c[1] - r, c[0] + r, c[1] + r), fill=fill)
        dd.polygon(pts(outline), fill=fill)

    # the great vessels, short stubs behind the heart
    for dx, h, w in ((-34, 150, 15), (6, 178, 17), (44, 140, 12)):
        d.rounded_rectangle(box(hx + dx - w, hy - h, hx + dx + w, hy - 40), s(w - 1), fill=hex2rgb("#74303b"))
    shadow(img, lambda dd: heart(dd, 255), offset=(10, 16), blur=20, opacity=90)
    d = ImageDraw.Draw(img)
    heart(d, hex2rgb("#8e3b46"))
    mask = Image.new("L", img.size, 0)
    heart(ImageDraw.Draw(mask), 255)
    hl = Image.new("L", img.size, 0)
    ImageDraw.Draw(hl).ellipse(box(hx - 150, hy - 80, hx - 40, hy + 40), fill=90)
    hl = hl.filter(ImageFilter.GaussianBlur(s(26)))
    img.paste(Image.new("RGB", img.size, hex2rgb("#d78a92")), (0, 0), ImageChops.multiply(hl, mask))
    sh = Image.new("L", img.size, 0)
    ImageDraw.Draw(sh).polygon(pts([(hx + 10, hy - 40), (hx + 200, hy), (tip[0] + 4, tip[1])]), fill=70)
    sh = sh.filter(ImageFilter.GaussianBlur(s(18)))
    img.paste(Image.new("RGB", img.size, hex2rgb("#5a1f29")), (0, 0), ImageChops.multiply(sh, mask))
    d = ImageDraw.Draw(img)
    d.line(pts([(hx + 6, hy - 30), (hx + 18, hy + 70), (tip[0] + 2, tip[1] - 40)]), fill=hex2rgb("#74303b"), width=s(4), joint="curve")
    # ECG trace across the picture
    trace = []
    for x in range(0, 1281, 4):
        y = 560
        phase = (x - 60) % 320
        if 120 < phase < 140:
            y -= (phase - 120) * 5
        elif 140 <= phase < 160:
            y -= (160 - phase) * 5 - (phase - 140) * 3
        elif 160 <= phase < 175:
            y += 60 - (phase - 160) * 4
        elif 200 < phase < 240:
            y -= math.sin((phase - 200) / 40 * math.pi) * 16
        trace.append((x, y))
    d.line(pts(trace), fill=hex2rgb("#2d6e73"), width=s(4), joint="curve")
    # double helix on the right
    for k in range(0, 520, 2):
        y = 100 + k
        a = k / 520 * 4 * math.pi
        x1 = 990 + 70 * math.sin(a)
        x2 = 990 + 70 * math.sin(a + math.pi)
        if k % 26 == 0:
            d.line(pts([(x1, y), (x2, y)]), fill=hex2rgb("#b9aa98"), width=s(3))
        front1 = math.cos(a) > 0
        d.ellipse(box(x1 - 5, y - 5, x1 + 5, y + 5), fill=hex2rgb("#2d6e73" if front1 else "#7fa9a6"))
        d.ellipse(box(x2 - 5, y - 5, x2 + 5, y + 5), fill=hex2rgb("#8e3b46" if not front1 else "#c69299"))
    return img


def warming_stripes():
    """Vertical stripes from cool blue to deep red, in the manner of climate 'warming stripes'.

    Schematic, not a data chart: the series is a smooth rising curve plus seeded noise."""
    img = Image.new("RGB", (W, H))
    d = ImageDraw.Draw(img)
    rnd = random.Random(2021)
    n = 172
    values = []
    for i in range(n):
        t = i / (n - 1)
        trend = -0.35 + 0.15 * t + 1.25 * max(0, t - 0.65) ** 1.6 / 0.35 ** 1.6 * 0.9
        values.append(trend + rnd.gauss(0, 0.11))
    blues = ["#08306b", "#08519c", "#2171b5", "#4292c6", "#6baed6", "#9ecae1", "#c6dbef", "#deebf7"]
    reds = ["#fee0d2", "#fcbba1", "#fc9272", "#fb6a4a", "#ef3b2c", "#cb181d", "#a50f15", "#67000d"]
    scale = blues + reds

    def colour(v):
        t = max(0.0, min(1.0, (v + 0.6) / 1.8))
        pos = t * (len(scale) - 1)
        i = int(pos)
        return mix(scale[i], scale[min(i + 1, len(scale) - 1)], pos - i)

    for i, v in enumerate(values):
        x0, x1 = i * 1280 / n, (i + 1) * 1280 / n
        d.rectangle(box(x0, 0, x1 + 0.5, 720), fill=colour(v))
    # mute the palette a little so it sits with the other pictures
    img = Image.blend(img, Image.new("RGB", img.size, hex2rgb("#5a5550")), 0.12)
    return img


# slug: (drawing function, random seed for the grain, grain strength)
PICTURES = {
    "geneva-talks": (geneva_talks, 11, 3.0),
    "brussels-skyline": (brussels_skyline, 12, 3.0),
    "vienna-skyline": (vienna_skyline, 13, 3.0),
    "security-week-map": (security_week_map, 14, 3.0),
    "long-words": (long_words, 15, 3.0),
    "composing-stick": (composing_stick, 16, 3.0),
    "star-pattern": (star_pattern, 17, 0.0),  # many hard edges already; grain would cost bytes
    "webb-mirror": (webb_mirror, 18, 2.0),
    "heart-helix": (heart_helix, 19, 3.0),
    "warming-stripes": (warming_stripes, 20, 3.0),
}


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.path.join(here, "..", "public", "images"))
    ap.add_argument("--only", nargs="*", choices=sorted(PICTURES))
    args = ap.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    for slug in args.only or PICTURES:
        fn, seed, grain = PICTURES[slug]
        for path, size, (w, h) in finish(fn(), slug, args.out, grain=grain, seed=seed):
            print(f"{os.path.relpath(path)}\t{w}x{h}\t{size} bytes")
            if w == 1280 and size > 120_000:
                print(f"warning: {path} is over 120 KB", file=sys.stderr)


if __name__ == "__main__":
    main()
