"""desk's icon: renders the hand-written resources/icons/desk.svg to the PNG sizes and the Windows
desk.ico beside it, with Qt's own SVG renderer (PySide6.QtSvg, already a dependency).

    python scripts/icons.py            # write resources/icons/desk-<N>.png and desk.ico
    python scripts/icons.py --check    # the committed files are there and still match the SVG

The PNGs are committed: desk loads them at run time (desk/ui/app_icon.py; a PNG needs no Qt image
plugin), the .deb installs them under /usr/share/icons/hicolor (packaging/deb.py), the
PyInstaller spec and the Inno Setup script take desk.ico. After changing the SVG, run this script
and look at desk-16.png and desk-32.png: the icon must still read at 16 px.
"""

from __future__ import annotations

import argparse
import io
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "icons"
SVG = FOLDER / "desk.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256)
TOLERANCE = 8  # per channel: another Qt version may antialias an edge a little differently


def png_path(size: int) -> Path:
    return FOLDER / f"desk-{size}.png"


def render(size: int):
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def png_bytes(image) -> bytes:
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding every size as PNG (Windows Vista and newer read PNG entries)."""
    out = io.BytesIO()
    out.write(struct.pack("<HHH", 0, 1, len(pngs)))
    offset = 6 + 16 * len(pngs)
    for size, data in pngs.items():
        edge = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        out.write(struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(data), offset))
        offset += len(data)
    for data in pngs.values():
        out.write(data)
    return out.getvalue()


def differs(image, path: Path) -> str | None:
    from PySide6.QtGui import QImage

    if not path.exists():
        return "missing"
    stored = QImage(str(path)).convertToFormat(QImage.Format.Format_ARGB32)
    if stored.size() != image.size():
        return f"is {stored.width()}x{stored.height()}"
    worst = 0
    for y in range(image.height()):
        for x in range(image.width()):
            a, b = image.pixel(x, y), stored.pixel(x, y)
            worst = max(worst, *(abs(((a >> s) & 255) - ((b >> s) & 255)) for s in (0, 8, 16, 24)))
    return f"differs from the SVG by {worst} in a channel" if worst > TOLERANCE else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="check the committed files, write nothing")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (QImage needs it)
    images = {size: render(size) for size in SIZES}
    if args.check:
        problems = [f"{png_path(size).name} {why}" for size, image in images.items()
                    if (why := differs(image, png_path(size)))]
        ico = FOLDER / "desk.ico"
        if not ico.exists() or struct.unpack("<HHH", ico.read_bytes()[:6]) != (0, 1, len(SIZES)):
            problems.append("desk.ico is missing or lacks sizes")
        for problem in problems:
            print(f"resources/icons/{problem}: run python scripts/icons.py", file=sys.stderr)
        if not problems:
            print(f"icons ok: {', '.join(map(str, SIZES))} px and desk.ico match {SVG.name}")
        return 1 if problems else 0
    pngs = {size: png_bytes(image) for size, image in images.items()}
    for size, data in pngs.items():
        png_path(size).write_bytes(data)
    (FOLDER / "desk.ico").write_bytes(ico_bytes(pngs))
    print(f"wrote {len(pngs)} PNGs ({', '.join(map(str, SIZES))} px) and desk.ico in {FOLDER.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
