"""Before/after sheets from two folders of screenshots (tests/browser/shots.py's output).

    python tests/browser/sheets.py --before build/shots-before --after build/shots-after --out notes/issue-15

One WebP per target: "before" on the left, "after" on the right (a figure new since "before" has
an empty left half); in each half the desktop shots (light, then dark) above the phone shots
(light and dark side by side).
Not a test: a tool for looking at a change, and for showing it in a note.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from PIL import Image, ImageDraw

from shots import SCHEMES, WIDTHS

DESKTOP, PHONE = 720, 300   # widths on the sheet: half of 1440, and a phone a little reduced
GAP, LABEL = 12, 28
BACKGROUND = (128, 128, 128)


def half(shots: Path, slug: str) -> Image.Image | None:
    """One version's column: desktop light and dark stacked, then the two phones side by side."""
    if not (shots / f"{slug}-{SCHEMES[0]}-{WIDTHS[0]}.png").exists():
        return None
    desktop = [_scaled(shots / f"{slug}-{scheme}-{WIDTHS[0]}.png", DESKTOP) for scheme in SCHEMES]
    phones = [_scaled(shots / f"{slug}-{scheme}-{WIDTHS[1]}.png", PHONE) for scheme in SCHEMES]
    height = sum(image.height + GAP for image in desktop) + max(image.height for image in phones)
    column = Image.new("RGB", (DESKTOP, height), BACKGROUND)
    y = 0
    for image in desktop:
        column.paste(image, (0, y))
        y += image.height + GAP
    for i, image in enumerate(phones):
        column.paste(image, (i * (PHONE + GAP), y))
    return column


def sheet(before: Path, after: Path, slug: str) -> Image.Image:
    halves = [half(before, slug), half(after, slug)]
    height = max(h.height for h in halves if h is not None)
    out = Image.new("RGB", (2 * DESKTOP + 3 * GAP, LABEL + height + GAP), BACKGROUND)
    draw = ImageDraw.Draw(out)
    for i, (title, column) in enumerate(zip(("before", "after"), halves, strict=True)):
        x = GAP + i * (DESKTOP + GAP)
        draw.text((x, 8), f"{slug}: {title}" + (" (not in the site then)" if column is None else ""),
                  fill=(255, 255, 255))
        if column is not None:
            out.paste(column, (x, LABEL))
    return out


def _scaled(path: Path, width: int) -> Image.Image:
    image = Image.open(path).convert("RGB")
    return image.resize((width, round(image.height * width / image.width)), Image.LANCZOS)


def slugs(folder: Path) -> set[str]:
    pattern = re.compile(rf"(.+)-(?:{'|'.join(SCHEMES)})-(?:{'|'.join(map(str, WIDTHS))})\.png")
    return {m.group(1) for path in folder.glob("*.png") if (m := pattern.fullmatch(path.name))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", type=Path, required=True)
    parser.add_argument("--after", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    targets = sorted(slugs(args.after))
    if not targets:
        parser.error(f"no screenshots in {args.after}")
    for slug in targets:
        path = args.out / f"{slug}.webp"
        sheet(args.before, args.after, slug).save(path, quality=60, method=6)
        print(path, f"{path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
