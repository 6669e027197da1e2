"""Every code a finding can carry, with its Dutch title, severity and source, in one place.

Two kinds: the rules of the rule catalogue (`rules/regels.yaml`, run by `check`), read from the
catalogue itself; and the codes of the tool (`validate`'s YAML, schema and consistency checks,
and the structural findings of `check`), declared in TOOL_CODES below. Reporters take titles and
help text from here (SARIF `rules`, `regiekit regels`), and the configuration may only switch off
a code listed here as `can_disable`: structure and references must hold for any command to read
a region, so those checks stay on.

A new command that reports findings declares its codes here (or in its own catalogue), and a
test (tests/cli/test_codes.py) fails for a code used in the source that is not declared.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from generator.errors import RegiekitError, UsageError
from generator.findings import Severity

if TYPE_CHECKING:
    from generator.model.catalogue import Catalogue


@dataclass(frozen=True)
class Code:
    """One code: what `regiekit regels` lists and SARIF describes."""

    id: str
    title: str
    severity: Severity
    source: str
    command: str
    help: str = ""
    can_disable: bool = False


_YAML = "YAML zoals regiekit het leest (YAML 1.2, geen tags, geen dubbele sleutels)"
_SCHEMA = "JSON Schema van het bestand ('regiekit schema' toont het)"
_CONSISTENCY = "samenhang van de regio-afspraken (regiekit validate)"
_TEMPLATES = "Word-sjablonen (generator/templates, regions/<id>/templates)"
_CASE_FORMAT = "casusformaat ('regiekit schema casus')"
_SHARED = "gedeelde protocollen (protocols/, 'regiekit schema protocol')"
_DESKS = "samenhang van de zorgloketten (zorgloketten.yaml, seed 004)"
_TABLE = "CSV-tabel (zorgvraag of inzet) zoals regiekit hem leest"
_ERROR, _WARNING = Severity.ERROR, Severity.WARNING


def _tool(code: str, title: str, source: str, *, severity: Severity = _ERROR,
          command: str = "validate", can_disable: bool = False, help: str = "") -> Code:
    return Code(code, title, severity, source, command, help, can_disable)


TOOL_CODES: tuple[Code, ...] = (
    _tool("BESTAND-ONLEESBAAR", "Bestand kan niet gelezen worden", _YAML),
    _tool("BESTAND-GEEN-UTF8", "Bestand is geen UTF-8-tekst", _YAML),
    _tool("BESTAND-OVERGESLAGEN", "Geen gewoon bestand (FIFO, socket, apparaat): overgeslagen",
          _YAML, severity=_WARNING),
    _tool("MAP-ONLEESBAAR", "Map of bestand in een map kan niet gelezen worden", _YAML),
    _tool("BESTAND-ONBEKEND-SOORT", "Onbekend soort bestand: niet gecontroleerd", _YAML,
          help="Verwacht regio.yaml, een regelbestand in rules/ of een casus (sleutel casus)."),
    _tool("YAML-SYNTAX", "Geen geldige YAML", _YAML),
    _tool("YAML-DIEPTE", "Lijsten en tabellen te diep genest", _YAML),
    _tool("YAML-ALIAS", "Aliassen groeien te groot of verwijzen naar zichzelf", _YAML),
    _tool("YAML-SLEUTEL", "Een sleutel is geen eenvoudige tekst", _YAML),
    _tool("YAML-TAG", "Tag geweigerd (alleen tekst, getallen, lijsten en tabellen)", _YAML),
    _tool("YAML-DUBBELE-SLEUTEL", "Sleutel twee keer in dezelfde tabel", _YAML),
    _tool("SCHEMA-VERPLICHT", "Verplichte sleutel ontbreekt", _SCHEMA),
    _tool("SCHEMA-ONBEKENDE-SLEUTEL", "Onbekende sleutel", _SCHEMA),
    _tool("SCHEMA-TYPE", "Waarde van het verkeerde soort", _SCHEMA),
    _tool("SCHEMA-WAARDE", "Waarde niet toegestaan", _SCHEMA),
    _tool("SCHEMA-MINIMUM", "Getal te klein", _SCHEMA),
    _tool("SCHEMA-MAXIMUM", "Getal te groot", _SCHEMA),
    _tool("SCHEMA-PATROON", "Tekst heeft niet de vereiste vorm", _SCHEMA),
    _tool("SCHEMA-DATUM", "Geen bestaande datum", _SCHEMA),
    _tool("SCHEMA-FORMAAT", "Waarde heeft niet het vereiste formaat", _SCHEMA),
    _tool("SCHEMA-LEEG", "Waarde mag niet leeg zijn", _SCHEMA),
    _tool("SCHEMA-TE-KORT", "Te weinig elementen of tekens", _SCHEMA),
    _tool("SCHEMA-TE-LANG", "Te veel elementen of tekens", _SCHEMA),
    _tool("SCHEMA-DUBBEL", "Waarde staat twee keer in de lijst", _SCHEMA),
    _tool("SCHEMA-ONGELDIG", "Voldoet niet aan het schema", _SCHEMA),
    _tool("SCHEMA-GEEN-VORM", "Past bij geen van de toegestane vormen", _SCHEMA),
    _tool("ID-DUBBEL", "Id komt twee keer voor", _CONSISTENCY),
    _tool("ESCALATIE-DUBBEL", "Escalatie staat twee keer in de casus", _CASE_FORMAT),
    _tool("TEKST-TE-LANG", "Tekst langer dan 10.000 tekens: documenten openen traag",
          _CONSISTENCY, severity=_WARNING, can_disable=True),
    _tool("REGIO-ID-MAP", "Regio-id gelijk aan de mapnaam onder regions/", _CONSISTENCY),
    _tool("REGIO-ID-DUBBEL", "Regio-id door twee regio's gebruikt", _CONSISTENCY),
    _tool("VERWIJZING-ONBEKEND", "Verwijzing naar iets dat niet bestaat", _CONSISTENCY),
    _tool("LADDER-NUMMER-DUBBEL", "Stapnummer twee keer in een ladder", _CONSISTENCY),
    _tool("LADDER-NUMMERING", "Stappen niet doorlopend genummerd vanaf 1", _CONSISTENCY),
    _tool("LADDER-VERVOLG-ONBEKEND", "Vervolgstap bestaat niet", _CONSISTENCY),
    _tool("LADDER-CYCLUS", "Ladder loopt rond", _CONSISTENCY),
    _tool("LADDER-ONBEREIKBAAR", "Stap niet te bereiken vanaf stap 1", _CONSISTENCY),
    _tool("LADDER-TEGELIJK-ONBEKEND", "Stap tegelijk met een stap die niet bestaat",
          _CONSISTENCY),
    _tool("LADDER-TERMIJN-ONTBREEKT", "Digitale zorgtafel zonder reactietermijn",
          _CONSISTENCY, severity=_WARNING, can_disable=True),
    _tool("PROTOCOL-KOPIE", "Regio neemt een gedeeld protocol over in plaats van ernaar te "
          "verwijzen", _SHARED),
    _tool("PROTOCOL-PROFIEL", "Profiel hoort niet bij het gedeelde protocol", _SHARED),
    _tool("PROTOCOL-ONTBREEKT", "Regio verwijst niet naar het gedeelde protocol van haar land",
          _SHARED, severity=_WARNING, can_disable=True),
    _tool("PROTOCOL-STAPNUMMERS", "Stappen van het protocol niet doorlopend genummerd", _SHARED),
    _tool("PROTOCOL-ID-DUBBEL", "Protocol- of profiel-id in twee gedeelde protocollen", _SHARED),
    _tool("AFWEGING-ONBEKEND", "Afweging bestaat niet", _SHARED),
    _tool("AFWEGING-DOODLOPEND", "Afwegingskader loopt dood (geen actie en geen volgende "
          "afweging, of hulp zonder evaluatie)", _SHARED),
    _tool("AFWEGING-CYCLUS", "Afwegingskader loopt rond", _SHARED),
    _tool("AFWEGING-ONBEREIKBAAR", "Afweging niet te bereiken vanaf het begin", _SHARED),
    _tool("PROFIEL-STAP-ONBEKEND", "Profiel noemt een stap die niet bestaat", _SHARED),
    _tool("PROFIEL-PLAATSING", "Afweging in geen of in twee stappen van een profiel", _SHARED),
    _tool("PROFIEL-VOLGORDE", "Profiel zet een afweging vóór de afweging die ernaar leidt",
          _SHARED),
    _tool("FORMULIER-ZONDER-VERPLICHT", "Formulier zonder verplicht veld", _CONSISTENCY),
    _tool("HERZIENING-VERLOPEN", "De datum van de volgende herziening is voorbij",
          "documentbeheer van de regio (document.volgende_herziening)", severity=_WARNING,
          can_disable=True),
    _tool("SJABLOON-ONBEKEND", "Sjabloon dat geen document gebruikt", _TEMPLATES,
          severity=_WARNING, can_disable=True),
    _tool("SJABLOON-ONLEESBAAR", "Sjabloon is geen leesbaar Word-document", _TEMPLATES),
    _tool("SJABLOON-SYNTAX", "Fout in de Jinja-opmaak van een sjabloon", _TEMPLATES),
    _tool("SJABLOON-VARIABELE", "Sjabloon gebruikt een variabele die niet bestaat", _TEMPLATES),
    _tool("SJABLOON-VULLEN", "Sjabloon werkt niet met de gegevens van de regio", _TEMPLATES),
    _tool("SJABLOON-GRENS", "Sjabloon overschrijdt een grens (lussen, omvang, tijd)", _TEMPLATES,
          help="Grenzen per document: zie 'Reliability' in de README."),
    _tool("CSV-LEEG", "Leeg CSV-bestand (de kopregel ontbreekt)", _TABLE),
    _tool("CSV-SYNTAX", "Geen geldige CSV", _TABLE),
    _tool("CSV-TE-VEEL-VELDEN", "Regel met meer velden dan de kopregel kolommen", _TABLE),
    _tool("CSV-ONBEKENDE-KOLOM", "Onbekende kolom", _TABLE),
    _tool("CSV-DUBBELE-KOLOM", "Kolom twee keer in de kopregel", _TABLE),
    _tool("CSV-KOLOM-ONTBREEKT", "Verplichte kolom ontbreekt", _TABLE),
    _tool("DAGDELEN-OVERLAP", "Dagdelen overlappen", _DESKS),
    _tool("DAGDELEN-GAT", "Dagdelen beslaan samen niet 24 uur", _DESKS),
    _tool("KWALIFICATIE-SPECIFIEK", "Kwalificatie omvat een specifieke kwalificatie", _DESKS),
    _tool("KWALIFICATIE-KRING", "Kwalificaties omvatten elkaar in een kring", _DESKS),
    _tool("ZORGSOORT-ONVERVULBAAR", "Geen functie mag deze zorgsoort geven", _DESKS),
    _tool("UURTARIEF-CENTEN", "Uurtarief niet in hele centen", _DESKS),
    _tool("ZORGLOKET-VERANTWOORDELIJKE", "Zorgloket zonder, of met twee, verantwoordelijke "
          "organisaties", _DESKS),
    _tool("DIENST-AANBIEDER", "Aanbieder bemenst dit zorgloket niet", _DESKS),
    _tool("DIENST-DUBBEL", "Dienst telt dubbel", _DESKS),
    _tool("DIENST-TIJD", "Dienst zonder geldige tijd (dagdeel óf begin en eind)", _DESKS),
    _tool("FLEXRESERVE-VORM", "Flexreserve als percentage óf als bedrag", _DESKS),
    _tool("ZORGVRAAG-BESTAND", "Zorgvraagbestand kan niet gelezen worden", _DESKS),
    _tool("ZORGVRAAG-DUBBEL", "Zorgvraag dubbel opgegeven", _DESKS),
    _tool("ZORGVRAAG-UREN", "Uren per dag passen niet bij de uren per week", _DESKS),
    _tool("INZET-VERWIJZING", "Inzet verwijst naar iets dat de regio niet kent",
          "inzetbestand (--inzet) tegen zorgloketten.yaml", command="capaciteit"),
    _tool("CASUSTEST-VERWACHTING", "Verwachte bevindingen passen niet in het casusformaat",
          _CASE_FORMAT, command="test"),
    _tool("CASUS-GEEN-CASUS", "Geen casusbestand (sleutel casus ontbreekt)", _CASE_FORMAT,
          command="check"),
    _tool("CASUS-REGIO", "Casus noemt een regio die niet bestaat", _CASE_FORMAT,
          command="check"),
    _tool("REGIO-ONGELDIG", "Regio van de casus kan niet gebruikt worden", _CASE_FORMAT,
          command="check"),
)


class CatalogueInvalid(RegiekitError):
    """The rule catalogue cannot be used (unreadable or not valid against its schema)."""


def read_catalogue(rules_file: Path) -> Catalogue:
    """The model of a rule catalogue, validated first; exit 2 (named) if it cannot be used."""
    from generator.loader import load_yaml
    from generator.model.catalogue import build_catalogue
    from generator.validation.problems import to_finding
    from generator.validation.schema import schema_problems

    if not rules_file.is_file():
        raise UsageError(f"regelcatalogus {rules_file} bestaat niet; geef de juiste met --rules "
                         "of zet 'rules' in regiekit.toml")
    document = load_yaml(rules_file)
    errors = [to_finding(document, problem)
              for problem in schema_problems(document.data, "regels.schema.json")]
    if errors:
        first = sorted(errors)[0]
        raise CatalogueInvalid(f"regelcatalogus ongeldig: {first.location()} {first.message}; "
                               f"draai 'regiekit validate {rules_file}'")
    return build_catalogue(document)


def catalogue_codes(rules_file: Path, command: str = "check") -> tuple[Code, ...]:
    """The rules of a rule catalogue (run by `command`) as codes; every rule can be switched
    off."""
    catalogue = read_catalogue(rules_file)
    return tuple(
        Code(rule.id, rule.title, Severity(rule.severity), rule.source.describe(), command,
             rule.description, can_disable=True)
        for rule in catalogue.rules)


def code_index(codes: Iterable[Code]) -> dict[str, Code]:
    return {code.id: code for code in codes}


def check_disabled(disabled: Iterable[str], codes: Mapping[str, Code], origin: str) -> None:
    """Refuse a switched-off code that does not exist or must stay on (exit 2, named)."""
    import difflib

    for name in disabled:
        code = codes.get(name)
        if code is None:
            hint = difflib.get_close_matches(name, list(codes), n=1)
            suggestion = f"; bedoelde u {hint[0]}?" if hint else " (zie 'regiekit regels')"
            raise UsageError(f"{origin}: onbekende regel '{name}' om uit te zetten{suggestion}")
        if not code.can_disable:
            raise UsageError(f"{origin}: {name} kan niet uitgezet worden: zonder deze controle "
                             "kunnen de andere opdrachten het bestand niet betrouwbaar lezen")


def list_codes(codes: list[Code], disabled: Iterable[str], origin: str, output_format: str,
               stream: TextIO) -> None:
    """`regiekit regels`: every code with its title, severity, source and whether it is on."""
    off = set(disabled)
    if output_format == "json":
        import json

        json.dump([{"code": code.id, "titel": code.title, "ernst": code.severity.value,
                    "bron": code.source, "opdracht": code.command, "aan": code.id not in off,
                    "uit_te_zetten": code.can_disable} for code in codes],
                  stream, ensure_ascii=False, indent=2)
        stream.write("\n")
        return
    width = max(len(code.id) for code in codes)
    for code in codes:
        state = f"uit ({origin})" if code.id in off else "aan"
        stream.write(f"{code.id:<{width}}  {code.severity.value:<12}  {code.command:<8}  "
                     f"{state:<3}  {code.title}\n{'':<{width}}  bron: {code.source}\n")
    stream.write(f"{len(codes)} codes, waarvan {len(off)} uit\n")
