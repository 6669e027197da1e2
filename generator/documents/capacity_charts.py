"""Charts of a care desk for the onderbouwing: demand against capacity, and cost against budget.

Like the diagrams, each chart is plain hashable data (a `Drawing`) laid out in centimetres and
drawn with matplotlib's Agg renderer into a reproducible PNG (see generator.documents.figures);
the alt text is written from the same data.

* `DemandChart`: per dagdeel, for each day a bar of the hours of care asked, stacked per kind of
  care, with a dark stripe at the hours the basisdienstenpatroon staffs and a red mark where the
  pattern falls short (too few hours, or not the staff that may give the care);
* `BudgetChart`: per pattern (the declared one and the minimal one) its yearly cost and the flex
  reserve as one bar, against a line at the budget.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from generator.capacity.money import euro, hours_text
from generator.documents.figures import Drawing, Picture, font, text_width_cm
from generator.documents.words import join_and

if TYPE_CHECKING:
    from matplotlib.axes import Axes

WIDTH = 16.0
ACCENT, GRID, TEXT, SHORT = "#1F3A5F", "#D5DBE2", "#404040", "#B3261E"
CARE_COLOURS = ("#1F3A5F", "#5B84B1", "#A9C1DE", "#C9A227", "#7A9E7E", "#B5651D", "#8E6C8A")
FLEX_COLOUR = "#C9D6E6"
LABEL_PT, SMALL_PT, TINY_PT = 8.0, 7.0, 6.0


def _text(axes: Axes, x: float, y: float, text: str, *, size: float = SMALL_PT,
          weight: str = "regular", color: str = TEXT, ha: str = "left",
          va: str = "center") -> None:
    axes.text(x, y, text, fontproperties=font(weight, size), color=color, ha=ha, va=va,
              parse_math=False)


def _rect(axes: Axes, x: float, y: float, width: float, height: float, colour: str, *,
          edge: str | None = None, hatch: str | None = None) -> None:
    from matplotlib.patches import Rectangle

    axes.add_patch(Rectangle((x, y), width, height, facecolor=colour,
                             edgecolor=edge or colour, linewidth=0.6 if edge else 0,
                             hatch=hatch))


def _line(axes: Axes, xs: Sequence[float], ys: Sequence[float], colour: str,
          width: float = 0.6, *, behind: bool = False) -> None:
    """A line; `behind` puts it under the bars (grid lines)."""
    axes.plot(xs, ys, color=colour, linewidth=width, solid_capstyle="butt",
              zorder=0.5 if behind else 2)


def nice_step(top: float, lines: int = 5) -> float:
    """A round grid step (1, 2, 2.5 or 5 times a power of ten) giving about `lines` lines."""
    raw = max(top, 1.0) / lines
    power = 10 ** math.floor(math.log10(raw))
    return next(f * power for f in (1, 2, 2.5, 5, 10) if f * power >= raw)


# --- demand against capacity ------------------------------------------------------------------

@dataclass(frozen=True)
class DayBar:
    """One day in one dagdeel: hours asked per kind of care, hours staffed, short or not."""

    day: str
    demand: tuple[Fraction, ...]
    staffed: Fraction
    short: bool

    @property
    def asked(self) -> Fraction:
        return sum(self.demand, Fraction(0))


@dataclass(frozen=True)
class DemandChart(Drawing):
    desk: str
    cares: tuple[str, ...]
    parts: tuple[tuple[str, tuple[DayBar, ...]], ...]

    LEFT, RIGHT, BOTTOM, PLOT = 1.25, 0.15, 1.05, 5.0
    LEGEND_ROW = 0.42

    @property
    def size_cm(self) -> tuple[float, float]:
        return WIDTH, self.BOTTOM + self.PLOT + self.top

    @property
    def top(self) -> float:
        """Room above the plot: the legend's rows and a margin."""
        return 0.25 + self.LEGEND_ROW * len(self.legend_rows)

    @property
    def legend_rows(self) -> list[list[tuple[str, str]]]:
        """Legend items (label, kind: a colour, `staffed` or `short`) in rows that fit."""
        items = [(care, colour) for care, colour in zip(self.cares, CARE_COLOURS * 3,
                                                        strict=False)]
        items += [(STAFFED, "staffed"), (SHORT_LABEL, "short")]
        rows: list[list[tuple[str, str]]] = [[]]
        used = 0.0
        for label, kind in items:
            width = _legend_width(label)
            if rows[-1] and used + width > WIDTH - self.LEFT - self.RIGHT:
                rows.append([])
                used = 0.0
            rows[-1].append((label, kind))
            used += width
        return rows

    @property
    def bars(self) -> list[DayBar]:
        return [bar for _, bars in self.parts for bar in bars]

    def draw(self, axes: Axes) -> None:
        plot_width = WIDTH - self.LEFT - self.RIGHT
        top = max([float(max(b.asked, b.staffed)) for b in self.bars] + [1.0])
        step = nice_step(top)
        scale = self.PLOT / (math.ceil(top / step) * step)
        self._grid(axes, step, scale, plot_width)
        group = plot_width / max(len(self.parts), 1)
        for index, (name, bars) in enumerate(self.parts):
            left = self.LEFT + index * group
            self._group(axes, left, group, bars, scale)
            _text(axes, left + group / 2, 0.28, name, size=LABEL_PT, weight="bold",
                  color=ACCENT, ha="center")
            if index:
                _line(axes, [left, left], [self.BOTTOM - 0.55, self.BOTTOM], GRID)
        self._legend(axes)

    def _grid(self, axes: Axes, step: float, scale: float, plot_width: float) -> None:
        value = 0.0
        while value * scale <= self.PLOT + 1e-9:
            y = self.BOTTOM + value * scale
            _line(axes, [self.LEFT, self.LEFT + plot_width], [y, y], GRID, 0.5, behind=True)
            _text(axes, self.LEFT - 0.1, y, f"{hours_text(Fraction(str(value)))} u",
                  size=TINY_PT, ha="right")
            value += step

    def _group(self, axes: Axes, left: float, group: float, bars: tuple[DayBar, ...],
               scale: float) -> None:
        slot = group / (len(bars) + 1)
        width = slot * 0.62
        for position, bar in enumerate(bars):
            x = left + slot * (position + 1) - width / 2
            y = self.BOTTOM
            for colour, hours in zip(CARE_COLOURS * 3, bar.demand, strict=False):
                height = float(hours) * scale
                if height > 0:
                    _rect(axes, x, y, width, height, colour)
                    y += height
            staffed = self.BOTTOM + float(bar.staffed) * scale
            _line(axes, [x - 0.05, x + width + 0.05], [staffed, staffed], "black", 1.6)
            if bar.short:
                _triangle(axes, x + width / 2, max(y, staffed) + 0.2)
            _text(axes, x + width / 2, self.BOTTOM - 0.22, bar.day, size=TINY_PT, ha="center")

    def _legend(self, axes: Axes) -> None:
        y = self.size_cm[1] - 0.3
        for items in self.legend_rows:
            x = self.LEFT
            for label, kind in items:
                if kind == "staffed":
                    _line(axes, [x, x + 0.28], [y, y], "black", 1.6)
                elif kind == "short":
                    _triangle(axes, x + 0.14, y)
                else:
                    _rect(axes, x, y - 0.1, 0.28, 0.2, kind)
                _text(axes, x + 0.36, y, label)
                x += _legend_width(label)
            y -= self.LEGEND_ROW

    def alt(self) -> str:
        sentences = [
            f"Staafdiagram van {self.desk}: per dagdeel en per dag de uren zorgvraag, gestapeld "
            f"per zorgsoort ({join_and([c.lower() for c in self.cares])}), met een streep bij de "
            "uren die het basisdienstenpatroon inroostert."]
        for name, bars in self.parts:
            sentences.append(f"{name}: zorgvraag {_span([b.asked for b in bars])} uur per dag, "
                             f"ingeroosterd {_span([b.staffed for b in bars])} uur.")
        short = [f"{name.lower()} {join_and([b.day for b in bars if b.short])}"
                 for name, bars in self.parts if any(b.short for b in bars)]
        sentences.append(f"Tekort op: {join_and(short)}." if short else "Geen tekorten.")
        return " ".join(sentences)


STAFFED = "ingeroosterde uren (basisdienstenpatroon)"
SHORT_LABEL = "tekort: te weinig uren of niet het juiste personeel"


def _legend_width(label: str) -> float:
    """Marker, gap, text and the space before the next item, in cm."""
    return 0.36 + text_width_cm(label, size=SMALL_PT) + 0.35


def _triangle(axes: Axes, x: float, y: float) -> None:
    from matplotlib.patches import RegularPolygon

    axes.add_patch(RegularPolygon((x, y), 3, radius=0.11, orientation=math.pi,
                                  facecolor=SHORT, edgecolor=SHORT))


def _span(values: Sequence[Fraction]) -> str:
    low, high = min(values), max(values)
    return hours_text(low) if low == high else f"{hours_text(low)} tot {hours_text(high)}"


def demand_picture(chart: DemandChart) -> Picture:
    return Picture(chart, chart.alt())


# --- cost against budget ----------------------------------------------------------------------

@dataclass(frozen=True)
class BudgetChart(Drawing):
    """Per pattern its yearly cost and the flex reserve, against the budget."""

    rows: tuple[tuple[str, Fraction, Fraction], ...]
    """(label, yearly cost of the pattern, flex reserve)."""
    budget: Fraction

    LEFT, RIGHT, BAR, GAP, TOP, BOTTOM = 3.9, 2.3, 0.55, 0.45, 0.75, 0.95

    @property
    def size_cm(self) -> tuple[float, float]:
        return WIDTH, self.TOP + self.BOTTOM + len(self.rows) * (self.BAR + self.GAP)

    def draw(self, axes: Axes) -> None:
        height = self.size_cm[1]
        plot_width = WIDTH - self.LEFT - self.RIGHT
        top = max([float(self.budget)] + [float(cost + flex) for _, cost, flex in self.rows])
        step = nice_step(top, 6)
        scale = plot_width / (math.ceil(top / step) * step)
        value = 0.0
        while self.LEFT + value * scale <= WIDTH - self.RIGHT + 1e-9:
            x = self.LEFT + value * scale
            _line(axes, [x, x], [self.BOTTOM - 0.1, height - self.TOP + 0.1], GRID, 0.5,
                  behind=True)
            _text(axes, x, self.BOTTOM - 0.35, euro(Fraction(str(value))), size=TINY_PT,
                  ha="center")
            value += step
        for index, (label, cost, flex) in enumerate(self.rows):
            y = height - self.TOP - (index + 1) * (self.BAR + self.GAP) + self.GAP / 2
            _text(axes, self.LEFT - 0.15, y + self.BAR / 2, label, size=LABEL_PT, ha="right")
            _rect(axes, self.LEFT, y, float(cost) * scale, self.BAR, ACCENT)
            _rect(axes, self.LEFT + float(cost) * scale, y, float(flex) * scale, self.BAR,
                  FLEX_COLOUR, edge=ACCENT, hatch="////")
            total = cost + flex
            end, line = self.LEFT + float(total) * scale, self.LEFT + float(self.budget) * scale
            label = euro(total)
            if end + 0.12 + text_width_cm(label, "bold", SMALL_PT) > line - 0.05 and end < line:
                end = line  # the label goes right of the budget line rather than across it
            _text(axes, end + 0.12, y + self.BAR / 2, label, size=SMALL_PT, weight="bold",
                  color=SHORT if total > self.budget else TEXT)
        x = self.LEFT + float(self.budget) * scale
        _line(axes, [x, x], [self.BOTTOM - 0.1, height - self.TOP + 0.15], SHORT, 1.4)
        _text(axes, x, height - self.TOP + 0.35, f"budget {euro(self.budget)}", size=SMALL_PT,
              weight="bold", color=SHORT, ha="center")
        self._legend(axes)

    def _legend(self, axes: Axes) -> None:
        y = 0.22
        _rect(axes, self.LEFT, y - 0.1, 0.28, 0.2, ACCENT)
        _text(axes, self.LEFT + 0.36, y, "kosten van het patroon per jaar")
        x = self.LEFT + 0.36 + text_width_cm("kosten van het patroon per jaar", size=SMALL_PT) + 0.4
        _rect(axes, x, y - 0.1, 0.28, 0.2, FLEX_COLOUR, edge=ACCENT, hatch="////")
        _text(axes, x + 0.36, y, "flexreserve")

    def alt(self) -> str:
        parts = [f"{label.lower()} {euro(cost)} plus flexreserve {euro(flex)} is "
                 f"{euro(cost + flex)}" for label, cost, flex in self.rows]
        return (f"Staafdiagram van de kosten per jaar tegen het budget van {euro(self.budget)}: "
                f"{'; '.join(parts)}.")


def budget_picture(chart: BudgetChart) -> Picture:
    return Picture(chart, chart.alt())
