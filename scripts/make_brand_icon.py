"""Draw the integration's brand icon (brand/icon.png, 256 px, and icon@2x.png, 512 px).

Drawn from code so that it can be reproduced; run with the development environment's Python.
"""

from pathlib import Path

from PIL import Image, ImageDraw

BRAND = (
    Path(__file__).resolve().parent.parent
    / "custom_components"
    / "mtor_balance"
    / "brand"
)


def draw(size: int) -> Image.Image:
    """Return the icon: a balance beam with a leaf (fasting) and a drop (leucine)."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    unit = size / 16
    green, orange, grey = (46, 160, 67, 255), (235, 120, 30, 255), (70, 70, 70, 255)
    pen.polygon(
        [(8 * unit, 4 * unit), (6 * unit, 14 * unit), (10 * unit, 14 * unit)], fill=grey
    )
    pen.rounded_rectangle(
        [1 * unit, 3.4 * unit, 15 * unit, 4.6 * unit], radius=unit / 2, fill=grey
    )
    pen.ellipse([0.5 * unit, 5 * unit, 5.5 * unit, 10 * unit], fill=green)
    pen.ellipse([10.5 * unit, 5 * unit, 15.5 * unit, 10 * unit], fill=orange)
    return image


if __name__ == "__main__":
    BRAND.mkdir(exist_ok=True)
    draw(256).save(BRAND / "icon.png", optimize=True)
    draw(512).save(BRAND / "icon@2x.png", optimize=True)
