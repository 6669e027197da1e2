"""Pictures for documents: matplotlib figures drawn to PNG bytes that are the same on every run.

A document context carries a `Picture`: what to draw (a `Drawing`, plain hashable data), the alt
text and the printed width. The PNG is drawn only when a document is rendered (never while
`validate` builds contexts to check a template), and once per process for equal drawings (the
werkinstructie and a checklist show the same ladder).

Reproducible to the byte, so `regiekit build --check` can compare documents:

* matplotlib's Agg renderer without pyplot (no global figure state), at a fixed size and dpi;
* the DejaVu Sans files that ship inside matplotlib, by path, never a system font of the same
  name; every rcParam that changes pixels is fixed here rather than taken from a matplotlibrc;
* math text off for every label (a `$` in a YAML text stays a dollar sign);
* the PNG encoded here with the standard library's zlib, without metadata chunks (no Software,
  no date): Pillow's encoder, which matplotlib would use, compresses differently from one Pillow
  release to the next.

The pixels depend on matplotlib's Agg and bundled FreeType, which change rarely; when they do,
`build --check` reports the documents with pictures as stale and one `regiekit build` renews them.
"""

from __future__ import annotations

import re
import struct
import zlib
from abc import ABC, abstractmethod
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.font_manager import FontProperties

DPI = 200
CM_PER_INCH = 2.54
PNG_LEVEL = 6
"""zlib's default level: level 9 makes a diagram 6% smaller and takes six times as long."""

RC_PARAMS: dict[str, Any] = {
    "text.antialiased": True,
    "text.hinting": "force_autohint",
    "lines.antialiased": True,
    "patch.antialiased": True,
    "path.simplify": False,
    "agg.path.chunksize": 0,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
    "axes.unicode_minus": True,
}
"""Every setting that changes the pixels, fixed whatever matplotlibrc the machine has."""


class Drawing(ABC):
    """What a picture shows, as hashable data; subclasses are frozen dataclasses.

    `size_cm` is the printed size (width, height); `draw` paints on axes whose data coordinates
    are centimetres from the bottom-left corner, so a drawing lays itself out in print units.
    """

    @property
    @abstractmethod
    def size_cm(self) -> tuple[float, float]: ...

    @abstractmethod
    def draw(self, axes: Axes) -> None: ...


@dataclass(frozen=True)
class Picture:
    """An image in a document context: its drawing, alt text (Dutch) and printed width."""

    drawing: Drawing
    alt: str

    @property
    def width_cm(self) -> float:
        return self.drawing.size_cm[0]

    @property
    def png(self) -> bytes:
        return render_png(self.drawing)


@lru_cache(maxsize=128)
def render_png(drawing: Drawing) -> bytes:
    """The drawing as PNG bytes (cached: equal drawings are drawn once per process)."""
    return encode_png(paint(drawing).buffer_rgba())


def paint(drawing: Drawing) -> Any:
    """The drawing painted on an Agg canvas (a FigureCanvasAgg) of its printed size, with
    every pixel-changing setting fixed; its figure's one axes hold what was drawn."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    width, height = drawing.size_cm
    with matplotlib.rc_context(RC_PARAMS):  # type: ignore[arg-type]  # keys typed as Literals
        figure = Figure(figsize=(width / CM_PER_INCH, height / CM_PER_INCH), dpi=DPI)
        canvas = FigureCanvasAgg(figure)
        axes = figure.add_axes((0, 0, 1, 1))
        axes.set_xlim(0, width)
        axes.set_ylim(0, height)
        axes.set_axis_off()
        drawing.draw(axes)
        canvas.draw()
        return canvas


def encode_png(rgba: Any) -> bytes:
    """An RGB PNG of an (height, width, 4) pixel buffer (alpha dropped: figures are opaque).

    Rows are stored unfiltered: for drawings of flat colours with anti-aliased edges that
    compresses better than PNG's difference filters (measured: 111 KB against 138 KB). The only
    chunk besides the pixels is the resolution, so a reader that sizes by dpi sizes it right.
    """
    import numpy as np

    pixels = np.asarray(rgba)[:, :, :3]
    height, width, _ = pixels.shape
    rows = np.empty((height, 1 + width * 3), dtype=np.uint8)
    rows[:, 0] = 0  # filter type: none
    rows[:, 1:] = pixels.reshape(height, width * 3)
    per_metre = round(DPI / 0.0254)
    return b"".join([
        b"\x89PNG\r\n\x1a\n",
        _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)),
        _chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)),
        _chunk(b"IDAT", zlib.compress(rows.tobytes(), PNG_LEVEL)),
        _chunk(b"IEND", b""),
    ])


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(
        ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


# --- text in print units ----------------------------------------------------------------------

FONT_FILES = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf",
              "italic": "DejaVuSans-Oblique.ttf"}


@cache
def font(weight: str = "regular", size: float = 9.0) -> FontProperties:
    """DejaVu Sans from matplotlib's own data folder: the same glyphs on every machine."""
    import matplotlib
    from matplotlib.font_manager import FontProperties

    path = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / FONT_FILES[weight]
    return FontProperties(fname=path, size=size)


def line_height_cm(size: float) -> float:
    """The distance between two lines of `size`-point text, in centimetres."""
    return size * 1.3 / 72 * CM_PER_INCH


def text_width_cm(text: str, weight: str = "regular", size: float = 9.0) -> float:
    """How wide `text` prints, measured with the glyphs the picture is drawn with."""
    return _text_width_cm(text, weight, size)


@lru_cache(maxsize=4096)
def _text_width_cm(text: str, weight: str, size: float) -> float:
    from matplotlib.textpath import text_to_path

    width, _, _ = text_to_path.get_text_width_height_descent(text, font(weight, size),
                                                             ismath=False)
    return float(width) / 72 * CM_PER_INCH


def wrap(text: str, width_cm: float, weight: str = "regular", size: float = 9.0) -> list[str]:
    """`text` broken into lines that fit `width_cm`, between words or after a slash.

    A word longer than the width gets a line of its own.
    """
    lines: list[str] = []
    current = ""
    for token in re.findall(r"\S+?/(?=\S)|\S+\s*", text):
        candidate = current + token
        if current and text_width_cm(candidate.rstrip(), weight, size) > width_cm:
            lines.append(current.rstrip())
            candidate = token
        current = candidate
    if current.strip():
        lines.append(current.rstrip())
    return lines
