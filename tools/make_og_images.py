"""Draw the link-preview images (og:image), one per language, into static/img/.

Run once after changing a title; the PNGs are committed. Needs Pillow, which the site
itself does not: `pip install pillow && python tools/make_og_images.py`.
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

TITLES = {
    "fi": ("Kotouttamisen käytäntöjä", "Suomen kunnissa"),
    "sv": ("Integrationsfrämjande", "i Finlands kommuner"),
    "en": ("Integration practices", "in Finnish municipalities"),
}
SUBTITLE = "suomi · svenska · English"
BRAND, WHITE = (0, 58, 112), (255, 255, 255)
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
OUT = Path(__file__).resolve().parent.parent / "static" / "img"


def draw(language: str) -> None:
    image = Image.new("RGB", (1200, 630), BRAND)
    pen = ImageDraw.Draw(image)
    big, small = ImageFont.truetype(FONT, 76), ImageFont.truetype(FONT, 40)
    first, second = TITLES[language]
    pen.text((80, 190), first, font=big, fill=WHITE)
    pen.text((80, 290), second, font=big, fill=WHITE)
    pen.rectangle((80, 420, 380, 428), fill=(255, 191, 71))
    pen.text((80, 470), SUBTITLE, font=small, fill=WHITE)
    image.save(OUT / f"og-{language}.png", optimize=True)


if __name__ == "__main__":
    for code in TITLES:
        draw(code)
