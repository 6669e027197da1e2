"""The afwegingskader of a shared protocol (the meldcode) as a decision diagram.

Drawn from the protocol's question graph, never from fixed question numbers: move a branch in
protocols/meldcode.yaml and the picture follows. The questions stand in a column from the
first down; the answer that leads to the question below is drawn downwards (with the action it
also asks for, such as help before question 5, as a box on the way); the other answer is drawn
to the right, to its action (melden, afsluiten). An action after which the framework goes on
(question 2 ja: report, then questions 3 to 5 together with Veilig Thuis) says so in its box and
has a dashed arrow to that question. A last question sends one answer down, the other right.
Reuses the drawing helpers and the colours of generator.documents.diagrams; the alt text is
written from the same data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from generator.documents.diagrams import (
    ACCENT,
    CONDITION,
    CONDITION_LIGHT,
    DETAIL_PT,
    GREY,
    LIGHT,
    LINE,
    NAME_PT,
    PAD,
    SOLUTION,
    SOLUTION_LIGHT,
    WIDTH,
    YFunction,
    _arrow,
    _box,
    _text,
)
from generator.documents.figures import Drawing, Picture, line_height_cm, wrap
from generator.model.protocol import ActionKind, Answer, Branch, Framework, Question

if TYPE_CHECKING:
    from matplotlib.axes import Axes

MARGIN = 0.2
LEFT, LEFT_RIGHT = 0.3, 7.2
"""The column of the questions (and of an action on the way down)."""
SIDE_LEFT, SIDE_RIGHT = 9.4, WIDTH - MARGIN
"""The column of the actions an answer leads to on the right."""
BAND = 0.85
GAP = 0.75
"""Vertical room between two rows, for an arrow and its label."""
COLOURS = {ActionKind.REPORT: (CONDITION, CONDITION_LIGHT),
           ActionKind.CLOSE: (SOLUTION, SOLUTION_LIGHT), ActionKind.HELP: (ACCENT, LIGHT)}


# --- what the picture shows ------------------------------------------------------------------

@dataclass(frozen=True)
class Outcome:
    """One answer of a question: the action it asks for and where the framework goes on."""

    answer: str
    action: str
    kind: str
    next_number: int
    with_veilig_thuis: bool

    def details(self) -> list[str]:
        if not self.next_number:
            return []
        together = ", samen met Veilig Thuis" if self.with_veilig_thuis else ""
        return [f"Daarna afweging {self.next_number}{together}"]


@dataclass(frozen=True)
class QuestionInfo:
    number: int
    text: str
    down: Outcome | None
    """The answer drawn downwards (to the question below, or to a last action)."""
    side: Outcome | None
    """The answer drawn to the right."""


@dataclass(frozen=True)
class DecisionDiagram(Drawing):
    name: str
    questions: tuple[QuestionInfo, ...]

    @property
    def size_cm(self) -> tuple[float, float]:
        return WIDTH, self.layout.height

    @cached_property
    def layout(self) -> DecisionLayout:
        return DecisionLayout.of(self)

    def draw(self, axes: Axes) -> None:
        _draw(axes, self, self.layout)


def decision_diagram(framework: Framework) -> DecisionDiagram:
    """The questions in the order a reader walks them from the start, each with its answers."""
    order = _order(framework)
    infos = []
    for index, question in enumerate(order):
        below = order[index + 1].number if index + 1 < len(order) else 0
        down, side = _split(question, below)
        infos.append(QuestionInfo(question.number, question.short, down, side))
    return DecisionDiagram(framework.name, tuple(infos))


def _order(framework: Framework) -> list[Question]:
    """Breadth first from the start, the 'nee' answer before the 'ja' answer."""
    found: list[Question] = []
    todo = [framework.start] if framework.start else []
    while todo:
        question = todo.pop(0)
        if question in found:
            continue
        found.append(question)
        todo += [branch.next for branch in (question.no, question.yes) if branch.next]
    return found


def _split(question: Question, below: int) -> tuple[Outcome | None, Outcome | None]:
    """Which answer goes down and which to the right: down is the one that leads to the
    question below (without an action if both do), or for a last question the 'ja'."""
    outcomes = {answer: _outcome(answer, question.branch(answer)) for answer in Answer.ALL}
    leading = [answer for answer in (Answer.NO, Answer.YES)
               if outcomes[answer].next_number == below and below]
    if leading:
        down = min(leading, key=lambda answer: bool(outcomes[answer].action))
    else:
        down = Answer.YES
    side = Answer.NO if down == Answer.YES else Answer.YES
    return outcomes[down], outcomes[side]


def _outcome(answer: str, branch: Branch) -> Outcome:
    action = branch.action
    return Outcome(answer, action.name if action else "", action.kind if action else "",
                   branch.next.number if branch.next else 0, branch.with_veilig_thuis)


def decision_alt(diagram: DecisionDiagram) -> str:
    """The diagram in words: each question with what each answer leads to."""
    parts = [f"Beslisschema van het {diagram.name.lower()}."]
    for question in diagram.questions:
        answers = [_outcome_text(outcome) for outcome in (question.down, question.side)
                   if outcome]
        parts.append(f"Afweging {question.number}, {question.text} {' '.join(answers)}")
    return " ".join(parts)


def _outcome_text(outcome: Outcome) -> str:
    steps = [outcome.action] if outcome.action else []
    steps += [detail[0].lower() + detail[1:] for detail in outcome.details()]
    return f"Bij {outcome.answer}: {', '.join(steps)}."


def decision_picture(framework: Framework) -> Picture:
    diagram = decision_diagram(framework)
    return Picture(diagram, decision_alt(diagram))


# --- layout in centimetres -------------------------------------------------------------------

@dataclass(frozen=True)
class Box:
    """A box: top and height in cm from the top of the picture, its wrapped lines."""

    top: float
    height: float
    lines: tuple[str, ...]
    details: tuple[str, ...] = ()

    @property
    def bottom(self) -> float:
        return self.top + self.height

    @property
    def middle(self) -> float:
        return self.top + self.height / 2


@dataclass(frozen=True)
class Row:
    question: Box
    side: Box | None
    on_the_way: Box | None
    """An action box below the question, on the way down (or a last action)."""


@dataclass(frozen=True)
class DecisionLayout:
    height: float
    rows: tuple[Row, ...]

    @staticmethod
    def of(diagram: DecisionDiagram) -> DecisionLayout:
        top, rows = MARGIN, []
        for question in diagram.questions:
            box = _box_of(question.text, top, LEFT_RIGHT - LEFT - BAND)
            side = (_box_of(question.side.action, top, SIDE_RIGHT - SIDE_LEFT,
                            question.side.details()) if question.side and question.side.action
                    else None)
            bottom = max(box.bottom, side.bottom if side else 0)
            way = None
            if question.down and question.down.action:
                way = _box_of(question.down.action, bottom + GAP, LEFT_RIGHT - LEFT,
                              question.down.details())
                bottom = way.bottom
            rows.append(Row(box, side, way))
            top = bottom + GAP
        return DecisionLayout(top - GAP + MARGIN, tuple(rows))


def _box_of(text: str, top: float, width: float, details: Sequence[str] = ()) -> Box:
    lines = wrap(text, width - 2 * PAD, "bold", NAME_PT)
    detail = [line for item in details for line in wrap(item, width - 2 * PAD, size=DETAIL_PT)]
    height = (2 * PAD + line_height_cm(NAME_PT) * len(lines)
              + line_height_cm(DETAIL_PT) * len(detail))
    return Box(top, max(height, 0.9), tuple(lines), tuple(detail))


# --- drawing ---------------------------------------------------------------------------------

def _draw(axes: Axes, diagram: DecisionDiagram, layout: DecisionLayout) -> None:
    def y(distance_from_top: float) -> float:
        return layout.height - distance_from_top

    rows = {question.number: row for question, row in zip(diagram.questions, layout.rows,
                                                           strict=True)}
    for question, row in zip(diagram.questions, layout.rows, strict=True):
        _question(axes, question, row.question, y)
        if question.side and row.side:
            _action(axes, question.side, row.side, SIDE_LEFT, SIDE_RIGHT, y)
            _answer_arrow(axes, [(LEFT_RIGHT, y(row.question.middle)),
                                 (SIDE_LEFT, y(row.question.middle))], question.side, y)
            target = rows.get(question.side.next_number)
            if target:
                _onwards(axes, row.side, target.question, y)
        _down(axes, question, row, rows, y)


def _question(axes: Axes, question: QuestionInfo, box: Box, y: YFunction) -> None:
    bottom = y(box.bottom)
    _box(axes, LEFT, bottom, LEFT_RIGHT - LEFT, box.height, face="white", edge=ACCENT)
    _box(axes, LEFT, bottom, BAND, box.height, face=ACCENT, edge=ACCENT)
    _text(axes, LEFT + BAND / 2, y(box.middle), str(question.number), weight="bold", size=14,
          color="white", ha="center", va="center")
    _lines(axes, LEFT + BAND + PAD, box, y, ACCENT)


def _action(axes: Axes, outcome: Outcome, box: Box, left: float, right: float,
            y: YFunction) -> None:
    edge, face = COLOURS.get(outcome.kind, (GREY, "white"))
    _box(axes, left, y(box.bottom), right - left, box.height, face=face, edge=edge)
    _lines(axes, left + PAD, box, y, edge)


def _lines(axes: Axes, left: float, box: Box, y: YFunction, colour: str) -> None:
    line = box.top + PAD
    for text in box.lines:
        _text(axes, left, y(line), text, weight="bold", size=NAME_PT, color=colour)
        line += line_height_cm(NAME_PT)
    for text in box.details:
        _text(axes, left, y(line), text, color=GREY)
        line += line_height_cm(DETAIL_PT)


def _answer_arrow(axes: Axes, points: list[tuple[float, float]], outcome: Outcome,
                  y: YFunction) -> None:
    _arrow(axes, points)
    (x0, y0), (x1, y1) = points[0], points[-1]
    if y0 == y1:  # to the right: the answer above the arrow
        _text(axes, (x0 + x1) / 2, y0 + 0.08, outcome.answer, weight="bold", size=DETAIL_PT,
              color=ACCENT, ha="center", va="bottom")
    else:  # downwards: the answer beside it
        _text(axes, x0 + 0.15, (y0 + y1) / 2, outcome.answer, weight="bold", size=DETAIL_PT,
              color=ACCENT, va="center")


def _down(axes: Axes, question: QuestionInfo, row: Row, rows: dict[int, Row],
          y: YFunction) -> None:
    outcome = question.down
    if outcome is None:
        return
    x = (LEFT + BAND + LEFT_RIGHT) / 2
    start = row.question.bottom
    if row.on_the_way:
        _answer_arrow(axes, [(x, y(start)), (x, y(row.on_the_way.top))], outcome, y)
        _action(axes, outcome, row.on_the_way, LEFT, LEFT_RIGHT, y)
        start = row.on_the_way.bottom
    target = rows.get(outcome.next_number)
    if target is None:
        return
    points = [(x, y(start)), (x, y(target.question.top))]
    if row.on_the_way:
        _arrow(axes, points)
    else:
        _answer_arrow(axes, points, outcome, y)


def _onwards(axes: Axes, side: Box, target: Box, y: YFunction) -> None:
    """A dashed arrow from an action on the right, through the space between the columns,
    onto the top of the question the framework goes on with."""
    from matplotlib.patches import FancyArrowPatch
    from matplotlib.path import Path

    lane, land = (LEFT_RIGHT + SIDE_LEFT) / 2, LEFT_RIGHT - 0.5
    above = target.top - GAP / 2
    points = [(SIDE_LEFT, y(side.bottom - 0.25)), (lane, y(side.bottom - 0.25)),
              (lane, y(above)), (land, y(above)), (land, y(target.top))]
    codes = [Path.MOVETO] + [Path.LINETO] * (len(points) - 1)
    axes.add_patch(FancyArrowPatch(path=Path(points, codes), arrowstyle="-|>",
                                   mutation_scale=9, linewidth=1.0, color=LINE,
                                   linestyle="--", shrinkA=0, shrinkB=0, joinstyle="miter"))
