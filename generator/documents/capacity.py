"""From a care desk's analysis to the context of `onderbouwing-capaciteit.docx`.

The onderbouwing is for the negotiation with the municipality: the zorgvraagoverzicht, the
functiemix, the declared basisdienstenpatroon as a week grid, its cost against the budget with the
flex reserve, every shortfall (the same sentences `regiekit capaciteit` reports), and the minimal
pattern with what it would cost and the budget it needs. Every figure comes from
generator.capacity; here it only becomes Dutch text, rows and two charts.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from generator.capacity.analysis import DeskAnalysis
from generator.capacity.checks import authority, budget, budget_minimal, shortfall
from generator.capacity.demand import Series, series
from generator.capacity.money import BudgetView, euro, hours_text
from generator.capacity.pattern import Pattern
from generator.capacity.week import MINUTES_PER_DAY, day_span, duration, minutes
from generator.documents.capacity_charts import (
    BudgetChart,
    DayBar,
    DemandChart,
    budget_picture,
    demand_picture,
)
from generator.documents.context import clean, control_rows, row
from generator.documents.words import capitalize, dutch_date, join_and
from generator.model.capacity import DAYS, StaffFunction
from generator.model.region import Source

Context = dict[str, Any]
DOCUMENT = "onderbouwing-capaciteit.docx"
KIND = "Onderbouwing capaciteit"


def capacity_context(analysis: DeskAnalysis) -> Context:
    """Everything the onderbouwing of one desk shows."""
    municipality, desk = analysis.municipality, analysis.desk
    issues = [breach.message for module in (shortfall, authority, budget, budget_minimal)
              for breach in module.check(analysis)]
    context = {
        "region": {"name": municipality.name},
        "doc": document_block(analysis),
        "note": municipality.note,
        "summary": summary(analysis, issues),
        "demand": demand_rows(analysis),
        "demand_chart": demand_picture(demand_chart(analysis)),
        "functions": [function_row(analysis, f) for f in municipality.functions],
        "pattern": week_grid(analysis, analysis.declared),
        "providers": provider_rows(analysis),
        "costs": budget_rows(analysis),
        "cost_chart": budget_picture(budget_chart(analysis)),
        "issues": issues,
        "minimal": week_grid(analysis, analysis.minimal),
        "comparison": comparison_rows(analysis),
        "negotiation": negotiation(analysis),
        "method": METHOD,
        "sources": list(dict.fromkeys(source_text(source) for source in (
            desk.source, desk.budget.source, desk.budget.flex.source))),
    }
    return clean(context)  # type: ignore[no-any-return]


def document_block(analysis: DeskAnalysis) -> Context:
    """Title-page data and footer, with the document control of the agreement."""
    municipality, desk = analysis.municipality, analysis.desk
    document = municipality.document
    responsible = municipality.responsible_for(desk)
    district = desk.district
    residents = f" ({district.residents:,} inwoners)".replace(",", ".") \
        if district.residents else ""
    rows = (row("Gemeente", municipality.name) + row("Wijk", district.name + residents)
            + row("Verantwoordelijke organisatie", responsible[0].name if responsible else "")
            + row("Aanbieders", join_and([p.name for p in desk.providers]))
            + row("Begrotingsjaar", str(desk.budget.year)) + control_rows(document))
    version = f"versie {document.version}" if document.version else ""
    date = dutch_date(document.day) if document.day else ""
    return {"kind": KIND, "title": desk.name, "rows": rows,
            "footer": " · ".join(p for p in (KIND, desk.name, version, date) if p)}


# --- summary ----------------------------------------------------------------------------------

def summary(analysis: DeskAnalysis, issues: list[str]) -> list[str]:
    budget_view = analysis.budget
    demand = sum((analysis.demand_hours(slot) for slot in analysis.demand), Fraction(0))
    declared, minimal = analysis.yearly(analysis.declared), analysis.yearly(analysis.minimal)
    covers = analysis.covers(analysis.declared)
    lines = [
        f"De zorgvraag in de wijk {analysis.desk.district.name} is {hours_text(demand)} uur per "
        f"week. Het basisdienstenpatroon roostert {hours_text(_hours(analysis.declared))} uur per "
        f"week in en kost {euro(declared)} per jaar; met de flexreserve "
        f"({budget_view.reserve_text()}) is dat {euro(declared + budget_view.flex)} tegen een "
        f"budget van {euro(budget_view.granted)}.",
        "Het patroon dekt de zorgvraag in elk dagdeel met personeel dat die zorg mag geven."
        if covers else
        f"Het patroon dekt de zorgvraag niet overal: zie Tekorten ({len(issues)} "
        f"{'bevinding' if len(issues) == 1 else 'bevindingen'}).",
        f"Het minimaal noodzakelijke basisdienstenpatroon kost {euro(minimal)} per jaar "
        f"({_difference(minimal - declared)} ten opzichte van het basisdienstenpatroon); met de "
        f"flexreserve is een budget van {euro(budget_view.needed_for(minimal))} nodig.",
    ]
    return lines


def _hours(pattern: Pattern) -> Fraction:
    return sum(pattern.hours_per_function().values(), Fraction(0))


def _difference(amount: Fraction) -> str:
    if amount == 0:
        return "even duur"
    return f"{euro(abs(amount))} {'goedkoper' if amount < 0 else 'duurder'}"


# --- zorgvraagoverzicht -----------------------------------------------------------------------

def demand_rows(analysis: DeskAnalysis) -> list[Context]:
    """One row per kind of care and dagdeel: hours per week and per day."""
    rows = []
    grouped = series(analysis.municipality, analysis.desk)
    for care in analysis.municipality.care_kinds:
        first = True
        for part in analysis.municipality.day_parts:
            entry = grouped.get((care, part.id))
            if entry is None or entry.week_total == 0:
                continue
            needs = care.qualification.name + (f" en {care.authority.name.lower()}"
                                               if care.authority else "")
            rows.append({"care": care.name if first else "", "needs": needs if first else "",
                         "part": part.name, "week": hours_text(entry.week_total),
                         "days": per_day_text(entry)})
            first = False
    return rows


def per_day_text(entry: Series) -> str:
    """`24 elke dag`, or `21,6 ma t/m vr; 16 za, zo`: the hours per day, days grouped."""
    by_hours: dict[Fraction, list[str]] = {}
    for day in DAYS:
        hours, _ = entry.on(day) if entry.weekly or day in entry.days else (Fraction(0), None)
        by_hours.setdefault(hours, []).append(day)
    return "; ".join(f"{hours_text(hours)} {day_span(days)}" for hours, days in by_hours.items())


def demand_chart(analysis: DeskAnalysis) -> DemandChart:
    cares = [care for care in analysis.municipality.care_kinds
             if any(e.care is care for entries in analysis.demand.values() for e in entries)]
    short = {found.slot for found in analysis.shortfalls(analysis.declared)} | {
        gap.slot for gap in analysis.authority_gaps(analysis.declared)}
    supply = analysis.declared.supply
    parts = []
    for slot_part, part in enumerate(analysis.municipality.day_parts):
        bars = []
        for slot in (s for s in analysis.week.slots if s.part_index == slot_part):
            entries = analysis.demand.get(slot, [])
            bars.append(DayBar(slot.day, tuple(
                sum((e.hours for e in entries if e.care is care), Fraction(0)) for care in cares),
                Fraction(sum(supply.get(slot, {}).values()), 60), slot in short))
        parts.append((part.name, tuple(bars)))
    return DemandChart(analysis.desk.name, tuple(care.name for care in cares), tuple(parts))


# --- functiemix and pattern -------------------------------------------------------------------

def function_row(analysis: DeskAnalysis, function: StaffFunction) -> Context:
    cares = [care.name.lower() for care in analysis.municipality.care_kinds
             if care.may_be_given_by(function)]
    return {"name": function.name, "level": str(function.level or ""),
            "qualifications": join_and([q.name for q in sorted(
                function.covered, key=lambda q: (-(q.level or 0), q.name))]),
            "authorities": join_and([a.name.lower() for a in function.authorities]) or "geen",
            "rate": f"€ {function.hourly_rate:.2f}".replace(".", ","),
            "cares": capitalize(join_and(cares)) or "geen"}


def week_grid(analysis: DeskAnalysis, pattern: Pattern) -> list[Context]:
    """One row per shift time and function, a column per day with the number of staff; rows in
    the order of the day (from the first dagdeel), shorter shifts first."""
    counts: dict[tuple[str, str, StaffFunction], dict[str, int]] = {}
    for line in pattern.lines:
        per_day = counts.setdefault((line.start, line.end, line.function), {})
        per_day[line.day] = per_day.get(line.day, 0) + line.count
    day_start = minutes(analysis.municipality.day_parts[0].start)
    functions = list(analysis.municipality.functions)

    def order(item: tuple[tuple[str, str, StaffFunction], dict[str, int]]) -> tuple[int, ...]:
        (start, end, function), _ = item
        return ((minutes(start) - day_start) % MINUTES_PER_DAY, duration(start, end),
                functions.index(function))

    return [{"time": _time_label(analysis, start, end), "function": function.name,
             "days": [str(per_day.get(day, "")) for day in DAYS]}
            for (start, end, function), per_day in sorted(counts.items(), key=order)]


def _time_label(analysis: DeskAnalysis, start: str, end: str) -> str:
    part = next((p for p in analysis.municipality.day_parts if (p.start, p.end) == (start, end)),
                None)
    return f"{part.name} {start}–{end}" if part else f"{start}–{end}"


def provider_rows(analysis: DeskAnalysis) -> list[Context]:
    """Per provider: which functions it staffs and how many hours a week."""
    hours: dict[Any, dict[StaffFunction, Fraction]] = {}
    for line in analysis.declared.lines:
        per = hours.setdefault(line.provider, {})
        per[line.function] = per.get(line.function, Fraction(0)) + Fraction(line.minutes, 60)
    responsible = analysis.municipality.responsible_for(analysis.desk)
    return [{"name": provider.name + (" (verantwoordelijk)" if provider in responsible else ""),
             "staff": join_and([f"{f.name} {hours_text(h)} uur" for f, h in per.items()]),
             "total": hours_text(sum(per.values(), Fraction(0)))}
            for provider, per in hours.items()]


# --- cost and budget --------------------------------------------------------------------------

def budget_rows(analysis: DeskAnalysis) -> list[Context]:
    view = analysis.budget
    declared = analysis.yearly(analysis.declared)
    total = declared + view.flex
    room = view.granted - total
    minimal = analysis.yearly(analysis.minimal)
    return (row("Basisdienstenpatroon per week", euro(analysis.declared.weekly_cost))
            + row("Basisdienstenpatroon per jaar",
                  f"{euro(declared)} ({hours_text(view.weeks)} weken)")
            + row("Flexreserve", view.reserve_text())
            + row("Totaal met flexreserve", euro(total))
            + row("Toegekend budget", euro(view.granted))
            + row("Ruimte" if room >= 0 else "Overschrijding", euro(abs(room)))
            + row("Minimaal patroon per jaar", euro(minimal))
            + row("Minimaal patroon met flexreserve", euro(minimal + view.flex))
            + row("Budget nodig voor het minimale patroon", euro(view.needed_for(minimal))))


def budget_chart(analysis: DeskAnalysis) -> BudgetChart:
    flex = analysis.budget.flex
    return BudgetChart((("Basisdienstenpatroon", analysis.yearly(analysis.declared), flex),
                        ("Minimaal patroon", analysis.yearly(analysis.minimal), flex)),
                       analysis.budget.granted)


def comparison_rows(analysis: DeskAnalysis) -> list[Context]:
    declared, minimal = analysis.declared, analysis.minimal
    hours_declared, hours_minimal = declared.hours_per_function(), minimal.hours_per_function()
    cost_declared, cost_minimal = declared.cost_per_function(), minimal.cost_per_function()
    rows = []
    for function in analysis.municipality.functions:
        mine, least = hours_declared.get(function, Fraction(0)), hours_minimal.get(
            function, Fraction(0))
        if not (mine or least):
            continue
        rows.append({"function": function.name, "declared": hours_text(mine),
                     "minimal": hours_text(least), "difference": _signed(least - mine),
                     "cost": _signed_euro(analysis.budget.yearly(
                         cost_minimal.get(function, Fraction(0))
                         - cost_declared.get(function, Fraction(0))))})
    return rows


def _signed(value: Fraction) -> str:
    return ("+" if value > 0 else "") + hours_text(value)


def _signed_euro(value: Fraction) -> str:
    return ("+ " if value > 0 else "- " if value < 0 else "") + euro(abs(value))


def negotiation(analysis: DeskAnalysis) -> list[str]:
    view = analysis.budget
    minimal = analysis.yearly(analysis.minimal)
    needed = view.needed_for(minimal)
    lines = [f"Voor de zorgvraag in dit overzicht is minimaal {euro(needed)} per jaar nodig: "
             f"{euro(minimal)} voor het minimale basisdienstenpatroon en de flexreserve "
             f"({view.reserve_text() if view.flex_percentage is None else _percentage(view)}).",
             ]
    if needed > view.granted:
        lines.append(f"Dat is {euro(needed - view.granted)} meer dan het toegekende budget van "
                     f"{euro(view.granted)}: binnen dit budget bestaat geen patroon dat de "
                     "zorgvraag dekt. Dit bedrag is de inzet van het gesprek met de gemeente, "
                     "of de zorg die geleverd moet worden wordt bijgesteld.")
    else:
        lines.append(f"Het toegekende budget van {euro(view.granted)} laat daarboven "
                     f"{euro(view.granted - needed)} over.")
    return lines


def _percentage(view: BudgetView) -> str:
    return f"{hours_text(view.flex_percentage or Fraction(0))}% van dat budget"


METHOD = [
    "De zorgvraag per dag en dagdeel komt uit het zorgvraagoverzicht: per zorgsoort de uren per "
    "week, over de dagen zonder eigen opgave gelijk verdeeld.",
    "Een functie mag zorg geven als zij de vereiste kwalificatie heeft of een hogere die haar "
    "omvat; een specifieke kwalificatie (zoals psychogeriatrie) alleen zelf, en een bevoegdheid "
    "(zoals indiceren) alleen als de functie haar heeft. Per dagdeel is getoetst of de uren zo "
    "over het ingeroosterde personeel te verdelen zijn (de stelling van Hall); het tekort is het "
    "aantal uren dat onverdeeld blijft.",
    "Het minimale basisdienstenpatroon is met een solver voor geheeltallige lineaire "
    "programmering (HiGHS) berekend: het goedkoopste patroon van hele diensten (per dagdeel, of "
    "met de begin- en eindtijden uit het basisdienstenpatroon) dat de zorgvraag dekt met een "
    "functie die de zorg mag geven, met in elk dagdeel met indicatiestelling iemand die mag "
    "indiceren. Het is bewezen het goedkoopste; welke aanbieder de diensten levert, bepaalt de "
    "verantwoordelijke organisatie.",
]


def source_text(source: Source | None) -> str:
    return f"Bron: {source.describe()}" if source else ""
