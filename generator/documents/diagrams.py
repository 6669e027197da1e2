"""Diagrams: each escalation ladder, who becomes regisseur by kader, and a case on a timeline.

A diagram is built in two parts. `ladder_diagram` / `assignment_diagram` read the model and
keep only what the picture shows, as plain hashable data (names, numbers, flags); the `draw`
methods lay that out in centimetres with matplotlib (see generator.documents.figures for how the
PNG stays byte-identical). The alt text is written from the same data, so picture and text
never disagree.

A ladder reads top-down: the cause (aanleiding) in a box, then each step as a numbered box with
who carries it out, the reply term, the required form, its conditions and whether it closes only
with a solution; beside each step a row of dots under the roles that start steps on this ladder
(filled: may start this step; hollow: may not). A step without result leads on with an arrow; a
choice between several steps is a diamond naming the role that chooses, a jump past the next
step runs along the left margin.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from generator.documents.figures import (
    Drawing,
    Picture,
    font,
    line_height_cm,
    text_width_cm,
    wrap,
)
from generator.documents.words import (
    capitalize,
    join_and,
    join_or,
    short_date,
    working_days,
)
from generator.model.region import Assignment, Condition, Ladder, Region, Role, Step

if TYPE_CHECKING:
    from matplotlib.axes import Axes

YFunction = Callable[[float], float]
"""Distance from the top of the picture (how layouts count) -> matplotlib's y (from the bottom)."""

WIDTH = 16.0
"""Printed width in cm: the text width of an A4 page with the templates' 2.2 cm margins."""

ACCENT, LIGHT, GREY, LINE = "#1F3A5F", "#E8EEF5", "#595959", "#8A96A3"
OFF = "#C3CAD2"
CONDITION, CONDITION_LIGHT = "#9A4E00", "#FFF3E3"
SOLUTION, SOLUTION_LIGHT = "#2E6B30", "#E6F2E6"

NAME_PT, DETAIL_PT, SMALL_PT, HEADER_PT = 9.5, 8.0, 7.5, 7.0
PAD = 0.18
"""Inner margin of a box, in cm."""


# --- ladder: the data the picture shows -----------------------------------------------------

@dataclass(frozen=True)
class StepInfo:
    number: int
    name: str
    performer: str
    """Who carries the step out, when that is not simply its one starter; else ''."""
    reply_days: int
    form: str
    conditions: tuple[str, ...]
    closes_only_with_solution: bool
    may_start: tuple[bool, ...]
    """Per column of the ladder's starter roles: may this role start the step?"""
    each_self: bool
    following: tuple[int, ...]
    chooser: str
    together_with: int = 0
    """The step this one is taken at the same time as (not after), or 0."""
    alongside: tuple[int, ...] = ()
    """The steps taken at the same time as this one."""

    def details(self) -> list[tuple[str, str]]:
        """The lines under the step's name, each with its kind (plain, condition, solution)."""
        lines = []
        if self.together_with:
            lines.append((f"Tegelijk met stap {self.together_with}, niet erna", "condition"))
        if self.performer:
            lines.append((f"Uitgevoerd door: {self.performer}", "plain"))
        if self.reply_days:
            lines.append((f"Reactie binnen {working_days(self.reply_days)}", "plain"))
        if self.form:
            lines.append((f"Formulier: {self.form}", "plain"))
        lines += [(f"Voorwaarde: {text}", "condition") for text in self.conditions]
        if self.closes_only_with_solution:
            lines.append(("Sluit alleen af met een oplossing", "solution"))
        return lines


@dataclass(frozen=True)
class LadderDiagram(Drawing):
    """One escalation ladder as the diagram shows it."""

    name: str
    causes: tuple[str, ...]
    starters: tuple[str, ...]
    """The names of the roles that start some step, one column of dots each."""
    steps: tuple[StepInfo, ...]

    @property
    def size_cm(self) -> tuple[float, float]:
        return WIDTH, self.layout.height

    @cached_property
    def layout(self) -> LadderLayout:
        return LadderLayout.of(self)

    def draw(self, axes: Axes) -> None:
        _draw_ladder(axes, self, self.layout)


def ladder_diagram(ladder: Ladder) -> LadderDiagram:
    starters = _starter_roles(ladder.steps)
    return LadderDiagram(
        name=ladder.name,
        causes=tuple(ladder.triggers),
        starters=tuple(role.name for role in starters),
        steps=tuple(_step_info(step, starters) for step in ladder.steps),
    )


def _starter_roles(steps: Sequence[Step]) -> list[Role]:
    """Every role that may start some step, in order of first appearance."""
    return list(dict.fromkeys(role for step in steps for role in step.initiators))


def _step_info(step: Step, starters: Sequence[Role]) -> StepInfo:
    performer = step.performer
    return StepInfo(
        number=step.number,
        name=capitalize(step.name),
        performer=performer.name if performer and list(step.initiators) != [performer] else "",
        reply_days=step.reply_term_days or 0,
        form=step.form.name if step.form else "",
        conditions=tuple(_sentence(condition.text) for condition in step.conditions),
        closes_only_with_solution=step.closes_only_with_solution,
        may_start=tuple(role in step.initiators for role in starters),
        each_self=step.all_initiators and len(step.initiators) > 1,
        following=tuple(s.number for s in step.following),
        chooser=step.chooser.name if step.chooser else "",
        together_with=step.together_with.number if step.together_with else 0,
        alongside=tuple(s.number for s in step.companions),
    )


def _sentence(text: str) -> str:
    """A condition as a label: `Alleen bij jeugd.` -> `alleen bij jeugd`."""
    text = text.strip().rstrip(".")
    return text[:1].lower() + text[1:]


# --- ladder: alt text -------------------------------------------------------------------------

def ladder_alt(diagram: LadderDiagram) -> str:
    """The diagram in Dutch sentences, for screen readers (the picture's `descr`)."""
    sentences = [f"Schema van de route {diagram.name}, van boven naar beneden."]
    if diagram.causes:
        sentences.append(f"Aanleiding: {join_or([_sentence(c) for c in diagram.causes])}.")
    sentences += [_step_sentence(diagram, step) for step in diagram.steps]
    return " ".join(sentences)


def _step_sentence(diagram: LadderDiagram, step: StepInfo) -> str:
    roles = [role for role, allowed in zip(diagram.starters, step.may_start, strict=True)
             if allowed]
    parts = [f"{join_and(roles)} starten de stap elk zelf" if step.each_self
             else f"starten mag {join_or(roles)}"]
    parts += [_sentence(text) for text, _ in step.details()]
    sentence = f"Stap {step.number}, {step.name}: {'; '.join(parts)}."
    return f"{sentence} {_following_sentence(step)}".strip()


def _following_sentence(step: StepInfo) -> str:
    numbers = [f"stap {number}" for number in step.following]
    together = (f"Tegelijk met deze stap: {join_and([f'stap {n}' for n in step.alongside])}. "
                if step.alongside else "")
    if not numbers:
        return together.strip()
    return together + _after_sentence(step, numbers)


def _after_sentence(step: StepInfo, numbers: list[str]) -> str:
    if len(numbers) > 1 and step.chooser:
        return f"Bij geen resultaat kiest de {step.chooser} {join_or(numbers)}."
    return f"Bij geen resultaat volgt {join_or(numbers)}."


# --- ladder: layout in centimetres ------------------------------------------------------------

MARGIN = 0.15
LANE_RIGHT = 1.15
"""Jumps past the next step run in lanes left of this x."""
BOX_LEFT, BOX_RIGHT = 1.3, 9.3
BAND = 0.95
"""Width of the coloured number band on the left of a step box."""
MATRIX_LEFT, MATRIX_RIGHT = 9.6, WIDTH - MARGIN
ARROW_GAP, CHOICE_GAP = 0.65, 1.45
MIN_STEP = 1.25


@dataclass(frozen=True)
class BoxPlace:
    """A step box: top edge and height (cm from the top of the picture), wrapped texts."""

    top: float
    height: float
    name_lines: tuple[str, ...]
    detail_lines: tuple[tuple[str, str], ...]

    @property
    def bottom(self) -> float:
        return self.top + self.height

    @property
    def middle(self) -> float:
        return self.top + self.height / 2


@dataclass(frozen=True)
class LadderLayout:
    height: float
    cause_top: float
    cause_lines: tuple[str, ...]
    cause_height: float
    header_lines: tuple[tuple[str, ...], ...]
    boxes: tuple[BoxPlace, ...] = field(default=())

    @staticmethod
    def of(diagram: LadderDiagram) -> LadderLayout:
        text_width = BOX_RIGHT - BOX_LEFT - 2 * PAD
        bullet = "• " if len(diagram.causes) > 1 else ""
        cause_lines = [line for cause in diagram.causes
                       for line in wrap(bullet + capitalize(cause), text_width, size=DETAIL_PT)]
        cause_height = (2 * PAD + line_height_cm(DETAIL_PT) * (len(cause_lines) + 1))
        columns = max(len(diagram.starters), 1)
        column_width = (MATRIX_RIGHT - MATRIX_LEFT) / columns
        header_lines = tuple(tuple(wrap(capitalize(name), column_width - 0.15, size=HEADER_PT))
                             for name in diagram.starters)
        header_height = line_height_cm(DETAIL_PT) + line_height_cm(HEADER_PT) * max(
            (len(lines) for lines in header_lines), default=1)
        top = MARGIN + max(cause_height, header_height) + ARROW_GAP
        boxes = []
        for index, step in enumerate(diagram.steps):
            place = _box_place(step, top)
            boxes.append(place)
            last = index == len(diagram.steps) - 1
            top = place.bottom + (0.0 if last else
                                  CHOICE_GAP if len(step.following) > 1 else ARROW_GAP)
        legend = line_height_cm(SMALL_PT) + 0.35
        return LadderLayout(top + legend + MARGIN, MARGIN, tuple(cause_lines), cause_height,
                            header_lines, tuple(boxes))


def _box_place(step: StepInfo, top: float) -> BoxPlace:
    width = BOX_RIGHT - BOX_LEFT - BAND - 2 * PAD
    names = wrap(step.name, width, "bold", NAME_PT)
    details = [(line, kind) for text, kind in step.details()
               for line in wrap(text, width, size=DETAIL_PT)]
    height = (2 * PAD + line_height_cm(NAME_PT) * len(names)
              + line_height_cm(DETAIL_PT) * len(details) + (0.08 if details else 0))
    return BoxPlace(top, max(height, MIN_STEP), tuple(names), tuple(details))


# --- ladder: drawing --------------------------------------------------------------------------

def _draw_ladder(axes: Axes, diagram: LadderDiagram, layout: LadderLayout) -> None:
    def y(distance_from_top: float) -> float:
        return layout.height - distance_from_top

    _cause(axes, layout, y)
    _matrix_header(axes, diagram, layout, y)
    boxes = layout.boxes
    if boxes:
        _arrow(axes, [(_centre(), y(layout.cause_top + layout.cause_height)),
                      (_centre(), y(boxes[0].top))])
    rows = {step.number: index for index, step in enumerate(diagram.steps)}
    lanes = _lanes(diagram, rows)
    for index, (step, place) in enumerate(zip(diagram.steps, boxes, strict=True)):
        _step_box(axes, step, place, y)
        _dots(axes, diagram, step, place, y)
        _links(axes, step, index, boxes, rows, lanes, y)
    _legend(axes, diagram, layout)


def _centre() -> float:
    return (BOX_LEFT + BAND + BOX_RIGHT) / 2


def _text(axes: Axes, x: float, y: float, text: str, *, weight: str = "regular",
          size: float = DETAIL_PT, color: str = "black", ha: str = "left",
          va: str = "top") -> None:
    axes.text(x, y, text, fontproperties=font(weight, size), color=color, ha=ha, va=va,
              parse_math=False)


def _box(axes: Axes, left: float, bottom: float, width: float, height: float, *,
         face: str, edge: str, style: str = "round,pad=0,rounding_size=0.12",
         dashed: bool = False) -> None:
    from matplotlib.patches import FancyBboxPatch

    axes.add_patch(FancyBboxPatch((left, bottom), width, height, boxstyle=style,
                                  facecolor=face, edgecolor=edge, linewidth=0.9,
                                  linestyle="--" if dashed else "-"))


def _arrow(axes: Axes, points: Sequence[tuple[float, float]], color: str = ACCENT) -> None:
    """A polyline ending in an arrow head."""
    from matplotlib.patches import FancyArrowPatch
    from matplotlib.path import Path

    codes = [Path.MOVETO] + [Path.LINETO] * (len(points) - 1)
    axes.add_patch(FancyArrowPatch(path=Path(points, codes), arrowstyle="-|>",
                                   mutation_scale=9, linewidth=1.1, color=color,
                                   shrinkA=0, shrinkB=0, joinstyle="miter"))


def _cause(axes: Axes, layout: LadderLayout, y: YFunction) -> None:
    top, height = layout.cause_top, layout.cause_height
    _box(axes, BOX_LEFT, y(top + height), BOX_RIGHT - BOX_LEFT, height, face=LIGHT, edge=LINE)
    _text(axes, BOX_LEFT + PAD, y(top + PAD), "Aanleiding", weight="bold", color=ACCENT)
    for number, line in enumerate(layout.cause_lines, start=1):
        _text(axes, BOX_LEFT + PAD, y(top + PAD + number * line_height_cm(DETAIL_PT)), line)


def _columns(diagram: LadderDiagram) -> list[float]:
    """The x of each starter column's centre."""
    count = max(len(diagram.starters), 1)
    width = (MATRIX_RIGHT - MATRIX_LEFT) / count
    return [MATRIX_LEFT + width * (index + 0.5) for index in range(len(diagram.starters))]


def _matrix_header(axes: Axes, diagram: LadderDiagram, layout: LadderLayout,
                   y: YFunction) -> None:
    top = layout.cause_top
    _text(axes, (MATRIX_LEFT + MATRIX_RIGHT) / 2, y(top), "Wie mag de stap starten?",
          weight="bold", color=ACCENT, ha="center")
    for x, lines in zip(_columns(diagram), layout.header_lines, strict=True):
        for number, line in enumerate(lines):
            _text(axes, x, y(top + line_height_cm(DETAIL_PT) + number * line_height_cm(HEADER_PT)),
                  line, size=HEADER_PT, ha="center")


def _step_box(axes: Axes, step: StepInfo, place: BoxPlace, y: YFunction) -> None:
    bottom = y(place.bottom)
    _box(axes, BOX_LEFT, bottom, BOX_RIGHT - BOX_LEFT, place.height, face="white", edge=ACCENT)
    _box(axes, BOX_LEFT, bottom, BAND, place.height, face=ACCENT, edge=ACCENT,
         style="round,pad=0,rounding_size=0.12")
    _text(axes, BOX_LEFT + BAND / 2, y(place.middle), str(step.number), weight="bold", size=15,
          color="white", ha="center", va="center")
    left = BOX_LEFT + BAND + PAD
    line = place.top + PAD
    for text in place.name_lines:
        _text(axes, left, y(line), text, weight="bold", size=NAME_PT, color=ACCENT)
        line += line_height_cm(NAME_PT)
    line += 0.08
    colors = {"plain": GREY, "condition": CONDITION, "solution": SOLUTION}
    for text, kind in place.detail_lines:
        _text(axes, left, y(line), text, weight="regular" if kind == "plain" else "bold",
              color=colors[kind])
        line += line_height_cm(DETAIL_PT)


def _dots(axes: Axes, diagram: LadderDiagram, step: StepInfo, place: BoxPlace,
          y: YFunction) -> None:
    from matplotlib.patches import Circle

    centre = y(place.middle)
    allowed = [x for x, may in zip(_columns(diagram), step.may_start, strict=True) if may]
    if step.each_self and len(allowed) > 1:
        axes.plot([allowed[0], allowed[-1]], [centre, centre], color=ACCENT, linewidth=1.2)
        _text(axes, (allowed[0] + allowed[-1]) / 2, centre - 0.25, "elk zelf", size=SMALL_PT,
              color=ACCENT, ha="center")
    for x, may in zip(_columns(diagram), step.may_start, strict=True):
        axes.add_patch(Circle((x, centre), 0.17, facecolor=ACCENT if may else "white",
                              edgecolor=ACCENT if may else OFF, linewidth=1.0, zorder=3))


def _lanes(diagram: LadderDiagram, rows: dict[int, int]) -> dict[tuple[int, int], float]:
    """An x in the left margin for every link drawn beside the boxes: a jump that skips a row,
    and every step taken at the same time as another; outer lanes for longer links."""
    links = [(step.number, target) for index, step in enumerate(diagram.steps)
             for target in step.following if rows.get(target) != index + 1]
    links += [(step.number, partner) for step in diagram.steps for partner in step.alongside
              if partner in rows]
    links.sort(key=lambda link: abs(rows.get(link[1], 0) - rows[link[0]]))
    return {link: LANE_RIGHT - 0.3 * (number + 1) for number, link in enumerate(links)}


def _links(axes: Axes, step: StepInfo, index: int, boxes: Sequence[BoxPlace],
           rows: dict[int, int], lanes: dict[tuple[int, int], float], y: YFunction) -> None:
    """Arrows from a step to the steps taken at the same time, and to the steps that follow it
    when it brings no result."""
    for partner in step.alongside:
        if partner in rows:
            _together(axes, boxes[index], boxes[rows[partner]], lanes[(step.number, partner)], y)
    if not step.following:
        return
    place, x = boxes[index], _centre()
    start = place.bottom
    if len(step.following) > 1:
        start = _choice(axes, step, place, y)
    for target in step.following:
        row = rows.get(target)
        if row is None:
            continue
        if row == index + 1:
            _arrow(axes, [(x, y(start)), (x, y(boxes[row].top))])
            if len(step.following) == 1:
                _text(axes, x + 0.12, y(start + 0.12), "geen resultaat", size=SMALL_PT,
                      color=GREY)
        else:
            lane = lanes[(step.number, target)]
            origin = ((x - 0.28, y(start - 0.28)) if len(step.following) > 1
                      else (BOX_LEFT, y(place.middle)))
            _arrow(axes, [origin, (lane, origin[1]), (lane, y(boxes[row].middle)),
                          (BOX_LEFT, y(boxes[row].middle))])


def _together(axes: Axes, step: BoxPlace, partner: BoxPlace, lane: float,
              y: YFunction) -> None:
    """A branch off the arrow into `step` that enters `partner`: both start together, the
    partner does not wait for the step's result."""
    entry, x = step.top - 0.22, _centre()
    _arrow(axes, [(x, y(entry)), (lane, y(entry)), (lane, y(partner.middle)),
                  (BOX_LEFT, y(partner.middle))], color=CONDITION)
    # Between the lane and the boxes, beside the gap above the partner: other links cross the
    # margin only at a box's middle or just above a box.
    axes.text(lane + 0.06, y(partner.top - ARROW_GAP / 2), "tegelijk",
              fontproperties=font("bold", SMALL_PT), color=CONDITION, rotation=90,
              ha="left", va="center", parse_math=False)


def _choice(axes: Axes, step: StepInfo, place: BoxPlace, y: YFunction) -> float:
    """A diamond under the box naming who chooses; returns the distance of its lower tip."""
    from matplotlib.patches import Polygon

    x, half = _centre(), 0.28
    top = place.bottom + 0.3
    _arrow(axes, [(x, y(place.bottom)), (x, y(top))])
    middle = top + half
    axes.add_patch(Polygon([(x, y(top)), (x + half, y(middle)), (x, y(middle + half)),
                            (x - half, y(middle))], closed=True, facecolor=LIGHT,
                           edgecolor=ACCENT, linewidth=1.0, zorder=3))
    _text(axes, x, y(middle), "?", weight="bold", size=DETAIL_PT, color=ACCENT, ha="center",
          va="center")
    numbers = join_or([f"stap {number}" for number in step.following])
    who = f"de {step.chooser} kiest" if step.chooser else "kies"
    left = x + half + 0.15
    lines = wrap(f"Geen resultaat: {who} {numbers}", WIDTH - MARGIN - left, size=SMALL_PT)
    first = middle - (len(lines) - 1) * line_height_cm(SMALL_PT) / 2
    for number, line in enumerate(lines):
        _text(axes, left, y(first + number * line_height_cm(SMALL_PT)), line, size=SMALL_PT,
              color=ACCENT, va="center")
    return middle


def _legend(axes: Axes, diagram: LadderDiagram, layout: LadderLayout) -> None:
    from matplotlib.patches import Circle

    if not diagram.starters:
        return
    base = MARGIN + 0.15
    entries = [("mag de stap starten", True)]
    if not all(all(step.may_start) for step in diagram.steps):
        entries.append(("mag deze stap niet starten", False))
    widths = [0.35 + text_width_cm(label, size=SMALL_PT) + 0.35 for label, _ in entries]
    x = WIDTH - MARGIN - sum(widths) + 0.35
    for (label, filled), width in zip(entries, widths, strict=True):
        axes.add_patch(Circle((x + 0.12, base), 0.11, facecolor=ACCENT if filled else "white",
                              edgecolor=ACCENT if filled else OFF, linewidth=1.0))
        _text(axes, x + 0.35, base, label, size=SMALL_PT, color=GREY, va="center")
        x += width


# --- who becomes regisseur: one row per rule ----------------------------------------------------

@dataclass(frozen=True)
class AssignmentRow:
    when: str
    becomes: str
    otherwise: str
    """Who may hold the role instead after an explicit agreement, or ''."""


@dataclass(frozen=True)
class AssignmentDiagram(Drawing):
    """Who becomes `role`, by the conditions of each rule (ZOU: by kader)."""

    role: str
    rows: tuple[AssignmentRow, ...]

    @property
    def size_cm(self) -> tuple[float, float]:
        return WIDTH, self.layout[-1]

    @cached_property
    def layout(self) -> tuple[float, ...]:
        """The top of each row, then the picture's height (cm from the top)."""
        tops, top = [], MARGIN + line_height_cm(NAME_PT) + 0.2
        for row in self.rows:
            tops.append(top)
            top += RowPlace.of(row).height + 0.35
        return (*tops, top - 0.35 + MARGIN)

    def draw(self, axes: Axes) -> None:
        height = self.layout[-1]

        def y(distance: float) -> float:
            return height - distance

        _text(axes, MARGIN, y(MARGIN), f"Wie wordt {self.role}?", weight="bold", size=NAME_PT,
              color=ACCENT)
        for row, top in zip(self.rows, self.layout, strict=False):
            _assignment_row(axes, row, top, y)


WHEN_RIGHT, ROLE_LEFT = 5.6, 6.8


@dataclass(frozen=True)
class RowPlace:
    """The wrapped texts of an assignment row and the heights of its boxes, in cm."""

    when: tuple[str, ...]
    becomes: tuple[str, ...]
    otherwise: tuple[str, ...]

    @staticmethod
    def of(row: AssignmentRow) -> RowPlace:
        role_width = WIDTH - MARGIN - ROLE_LEFT - 2 * PAD
        return RowPlace(
            tuple(wrap(row.when, WHEN_RIGHT - MARGIN - 2 * PAD, "bold", DETAIL_PT)),
            tuple(wrap(row.becomes, role_width, "bold", NAME_PT)),
            tuple(wrap(row.otherwise, role_width, size=DETAIL_PT)) if row.otherwise else ())

    @property
    def box(self) -> float:
        """Height of the condition box and of the role box beside it."""
        return 2 * PAD + max(line_height_cm(DETAIL_PT) * len(self.when),
                             line_height_cm(NAME_PT) * len(self.becomes))

    @property
    def other(self) -> float:
        return 2 * PAD + line_height_cm(DETAIL_PT) * len(self.otherwise) if self.otherwise else 0

    @property
    def height(self) -> float:
        return self.box + (self.other + 0.15 if self.otherwise else 0)


def _lines(axes: Axes, left: float, top: float, lines: Sequence[str], y: YFunction, *,
           box: float, weight: str = "regular", size: float = DETAIL_PT,
           color: str = "black") -> None:
    """`lines` centred vertically in a box of height `box` whose top is at `top`."""
    step = line_height_cm(size)
    first = top + (box - step * len(lines)) / 2 + step / 2
    for number, line in enumerate(lines):
        _text(axes, left, y(first + number * step), line, weight=weight, size=size,
              color=color, va="center_baseline")


def _assignment_row(axes: Axes, row: AssignmentRow, top: float, y: YFunction) -> None:
    place = RowPlace.of(row)
    _box(axes, MARGIN, y(top + place.box), WHEN_RIGHT - MARGIN, place.box,
         face=CONDITION_LIGHT, edge=CONDITION)
    _lines(axes, MARGIN + PAD, top, place.when, y, box=place.box, weight="bold",
           color=CONDITION)
    _box(axes, ROLE_LEFT, y(top + place.box), WIDTH - MARGIN - ROLE_LEFT, place.box,
         face="white", edge=ACCENT)
    _lines(axes, ROLE_LEFT + PAD, top, place.becomes, y, box=place.box, weight="bold",
           size=NAME_PT, color=ACCENT)
    _arrow(axes, [(WHEN_RIGHT, y(top + place.box / 2)), (ROLE_LEFT, y(top + place.box / 2))])
    if place.otherwise:
        other_top = top + place.box + 0.15
        _box(axes, ROLE_LEFT, y(other_top + place.other), WIDTH - MARGIN - ROLE_LEFT,
             place.other, face="white", edge=LINE, dashed=True)
        _lines(axes, ROLE_LEFT + PAD, other_top, place.otherwise, y, box=place.other,
               color=GREY)


def assignment_diagrams(region: Region) -> dict[Role, AssignmentDiagram]:
    """A diagram for every role the region assigns by more than one rule (a choice to draw)."""
    by_role: dict[Role, list[Assignment]] = {}
    for assignment in region.assignments:
        by_role.setdefault(assignment.role, []).append(assignment)
    return {role: AssignmentDiagram(role.name, tuple(_assignment_info(a) for a in rules))
            for role, rules in by_role.items() if len(rules) > 1}


def _assignment_info(assignment: Assignment) -> AssignmentRow:
    when = capitalize("; ".join(_sentence(c.text) for c in assignment.conditions)) or "Altijd"
    becomes = join_or([_candidate(c.role.name, c.conditions) for c in assignment.candidates])
    otherwise = ""
    if assignment.unless_agreed_otherwise and assignment.alternatives:
        otherwise = ("Tenzij expliciet anders afgesproken; dan ook: " + join_or(
            [_candidate(c.role.name, c.conditions) for c in assignment.alternatives]))
    return AssignmentRow(when, capitalize(becomes), otherwise)


def _candidate(name: str, conditions: Sequence[Condition]) -> str:
    texts = [_sentence(condition.text) for condition in conditions]
    return f"{name} ({'; '.join(texts)})" if texts else name


def assignment_alt(diagram: AssignmentDiagram) -> str:
    rows = [f"{row.when}: {_sentence(row.becomes)}"
            + (f". {row.otherwise}" if row.otherwise else "") + "."
            for row in diagram.rows]
    return f"Schema: wie wordt {diagram.role}? " + " ".join(rows)


# --- pictures for the documents ---------------------------------------------------------------

MAX_LADDER_STEPS = 40
"""Longest ladder drawn: a longer one would be metres tall (2,000 steps took 100 s and 4 GB to
draw); its steps are still all described in the text."""


def ladder_picture(ladder: Ladder) -> Picture | None:
    """The ladder's diagram, or None for a ladder too long to draw (MAX_LADDER_STEPS)."""
    if len(ladder.steps) > MAX_LADDER_STEPS:
        return None
    diagram = ladder_diagram(ladder)
    return Picture(diagram, ladder_alt(diagram))


def assignment_picture(diagram: AssignmentDiagram) -> Picture:
    return Picture(diagram, assignment_alt(diagram))



# --- a case on a timeline ---------------------------------------------------------------------

@dataclass(frozen=True)
class Span:
    """A period on a lane: from `start` to `end`; `running` when it had not ended by then."""

    start: dt.date
    end: dt.date
    running: bool = False


@dataclass(frozen=True)
class Mark:
    """One day on a lane: an event, a reply (on time or late) or a reply deadline."""

    day: dt.date
    kind: str = "event"
    """event, reply, late-reply or deadline"""


@dataclass(frozen=True)
class Lane:
    label: str
    spans: tuple[Span, ...] = ()
    marks: tuple[Mark, ...] = ()


@dataclass(frozen=True)
class TimelineDiagram(Drawing):
    """A case's lanes over its days; weekends and days off shaded, the days off named under
    the legend (names written above their day ran into each other and left most of the
    picture empty)."""

    first: dt.date
    last: dt.date
    reference: dt.date
    lanes: tuple[Lane, ...]
    days_off: tuple[tuple[dt.date, str], ...]
    """Weekdays in the period that are not working days, with their names."""

    @property
    def size_cm(self) -> tuple[float, float]:
        return WIDTH, self.top + len(self.lanes) * LANE + self.legend_height + 1.0

    @property
    def top(self) -> float:
        """Where the first lane starts."""
        return MARGIN + 0.25

    @cached_property
    def legend_rows(self) -> tuple[tuple[tuple[str, str, str, float], ...], ...]:
        """The legend entries (kind, colour, label, x), broken into rows that fit the width."""
        rows: list[list[tuple[str, str, str, float]]] = [[]]
        x = MARGIN
        shown = self.shown
        for kind, color, label in TIMELINE_LEGEND:
            if label not in shown:
                continue
            width = 0.5 + text_width_cm(label, size=DAY_OFF_PT) + 0.3
            if x + width > WIDTH - MARGIN and rows[-1]:
                rows.append([])
                x = MARGIN
            rows[-1].append((kind, color, label, x))
            x += width
        return tuple(tuple(entries) for entries in rows)

    @property
    def shown(self) -> set[str]:
        """The legend labels of what this timeline actually shows."""
        spans = [span for lane in self.lanes for span in lane.spans]
        marks = {mark.kind for lane in self.lanes for mark in lane.marks}
        days = (self.first + dt.timedelta(days=n) for n in range(self.days))
        return {label for label, present in (
            ("stap of periode", any(not span.running for span in spans)),
            ("loopt nog", any(span.running for span in spans)),
            ("gebeurtenis", "event" in marks), ("reactie op tijd", "reply" in marks),
            ("reactie te laat", "late-reply" in marks),
            ("uiterste reactiedatum", "deadline" in marks),
            ("weekend", any(day.weekday() >= 5 for day in days)),
            ("feestdag of vrije dag", bool(self.days_off))) if present}

    @cached_property
    def days_off_lines(self) -> tuple[str, ...]:
        """`Vrije dagen: Goede vrijdag 29 mrt, Tweede paasdag 1 apr`, wrapped to the width."""
        if not self.days_off:
            return ()
        names = ", ".join(_day_off_label(day, why) for day, why in self.days_off)
        return tuple(wrap(f"Vrije dagen: {names}", WIDTH - 2 * MARGIN, size=DAY_OFF_PT))

    @property
    def legend_height(self) -> float:
        return (len(self.legend_rows) + len(self.days_off_lines)) * 0.42

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def x(self, day: dt.date) -> float:
        """The left edge of `day`'s column."""
        return PLOT_LEFT + (day - self.first).days * (PLOT_RIGHT - PLOT_LEFT) / self.days

    def centre(self, day: dt.date) -> float:
        return self.x(day) + (PLOT_RIGHT - PLOT_LEFT) / self.days / 2

    def draw(self, axes: Axes) -> None:
        height = self.size_cm[1]

        def y(distance: float) -> float:
            return height - distance

        _calendar_shading(axes, self, y)
        for index, lane in enumerate(self.lanes):
            _lane(axes, self, lane, self.top + index * LANE, y)
        _time_axis(axes, self, y)
        _timeline_legend(axes, self, y)


PLOT_LEFT, PLOT_RIGHT = 4.6, WIDTH - MARGIN
LANE, DAY_OFF_PT = 0.62, SMALL_PT - 0.5
DEADLINE, LATE, WEEKEND, DAY_OFF = "#B3261E", "#B3261E", "#E9ECF0", "#FBDDBA"
TIMELINE_LEGEND = (("bar", ACCENT, "stap of periode"), ("open", LIGHT, "loopt nog"),
                   ("dot", ACCENT, "gebeurtenis"), ("dot", SOLUTION, "reactie op tijd"),
                   ("dot", LATE, "reactie te laat"), ("line", DEADLINE, "uiterste reactiedatum"),
                   ("box", WEEKEND, "weekend"), ("box", DAY_OFF, "feestdag of vrije dag"))


def _day_off_label(day: dt.date, why: str) -> str:
    return f"{why} {short_date(day)}"


def _calendar_shading(axes: Axes, diagram: TimelineDiagram, y: YFunction) -> None:
    from matplotlib.patches import Rectangle

    top, bottom = diagram.top - 0.1, diagram.top + len(diagram.lanes) * LANE
    width = (PLOT_RIGHT - PLOT_LEFT) / diagram.days
    named = dict(diagram.days_off)
    for offset in range(diagram.days):
        day = diagram.first + dt.timedelta(days=offset)
        color = DAY_OFF if day in named else WEEKEND if day.weekday() >= 5 else None
        if color:
            axes.add_patch(Rectangle((diagram.x(day), y(bottom)), width, bottom - top,
                                     facecolor=color, edgecolor="none", zorder=0))


def _lane(axes: Axes, diagram: TimelineDiagram, lane: Lane, top: float, y: YFunction) -> None:
    from matplotlib.patches import Circle, FancyBboxPatch

    middle = y(top + LANE / 2)
    axes.plot([PLOT_LEFT, PLOT_RIGHT], [y(top + LANE)] * 2, color=OFF, linewidth=0.4)
    lines = wrap(lane.label, PLOT_LEFT - MARGIN - 0.2, size=SMALL_PT)
    if len(lines) > 2:
        lines = [lines[0], lines[1] + " …"]
    for number, line in enumerate(lines):
        _text(axes, MARGIN, middle + (len(lines) - 1) * 0.15 - number * 0.3, line,
              size=SMALL_PT, va="center_baseline")
    for span in lane.spans:
        left, right = diagram.x(span.start), diagram.x(span.end + dt.timedelta(days=1))
        axes.add_patch(FancyBboxPatch((left, middle - 0.11), right - left, 0.22,
                                      boxstyle="round,pad=0,rounding_size=0.06",
                                      facecolor=LIGHT if span.running else ACCENT,
                                      edgecolor=ACCENT, linewidth=0.8,
                                      linestyle="--" if span.running else "-", zorder=2))
    for mark in lane.marks:
        x = diagram.centre(mark.day)
        if mark.kind == "deadline":
            axes.plot([x, x], [middle - 0.24, middle + 0.24], color=DEADLINE, linewidth=1.8,
                      zorder=4)
        else:
            color = {"event": ACCENT, "reply": SOLUTION, "late-reply": LATE}[mark.kind]
            axes.add_patch(Circle((x, middle), 0.09, facecolor=color, edgecolor="white",
                                  linewidth=0.6, zorder=5))


def _time_axis(axes: Axes, diagram: TimelineDiagram, y: YFunction) -> None:
    bottom = diagram.top + len(diagram.lanes) * LANE
    weekly = diagram.days <= 120
    for offset in range(diagram.days):
        day = diagram.first + dt.timedelta(days=offset)
        if (day.weekday() == 0) if weekly else (day.day == 1):
            x = diagram.x(day)
            axes.plot([x, x], [y(bottom), y(bottom + 0.12)], color=GREY, linewidth=0.6)
            _text(axes, x, y(bottom + 0.15), short_date(day), size=SMALL_PT - 0.5, color=GREY,
                  ha="center")
    x = diagram.centre(diagram.reference)
    axes.plot([x, x], [y(diagram.top - 0.1), y(bottom)], color=GREY, linewidth=0.9,
              linestyle=(0, (3, 2)), zorder=3)
    near_edge = x + text_width_cm("peildatum", size=DAY_OFF_PT) / 2 > WIDTH - MARGIN
    _text(axes, x, y(bottom + 0.5), "peildatum", size=DAY_OFF_PT, color=GREY,
          ha="right" if near_edge else "center")


def _timeline_legend(axes: Axes, diagram: TimelineDiagram, y: YFunction) -> None:
    from matplotlib.patches import Circle, Rectangle

    first = diagram.top + len(diagram.lanes) * LANE + 1.0
    for number, entries in enumerate(diagram.legend_rows):
        base = y(first + number * 0.42 + 0.12)
        for kind, color, label, x in entries:
            if kind in ("bar", "open"):
                axes.add_patch(Rectangle((x, base - 0.08), 0.4, 0.16, facecolor=color,
                                         edgecolor=ACCENT, linewidth=0.7,
                                         linestyle="--" if kind == "open" else "-"))
            elif kind == "dot":
                axes.add_patch(Circle((x + 0.2, base), 0.09, facecolor=color,
                                      edgecolor="none"))
            elif kind == "line":
                axes.plot([x + 0.2, x + 0.2], [base - 0.15, base + 0.15], color=color,
                          linewidth=1.8)
            else:
                axes.add_patch(Rectangle((x, base - 0.15), 0.4, 0.3, facecolor=color,
                                         edgecolor="none"))
            _text(axes, x + 0.5, base, label, size=DAY_OFF_PT, color=GREY, va="center")
    below = first + len(diagram.legend_rows) * 0.42
    for number, line in enumerate(diagram.days_off_lines):
        _text(axes, MARGIN, y(below + number * 0.42 + 0.12), line, size=DAY_OFF_PT,
              color=GREY, va="center")
