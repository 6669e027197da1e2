"""The rule catalogue (rules/regels.yaml) as typed objects: which rules `check` runs on a case."""

from __future__ import annotations

from generator.loader import YamlDocument
from generator.model.mapping import Builder, Node, key, node


@node
class RuleSource(Node):
    """The general source of a rule; a finding prefers the source of the region element."""

    document: str = key("document", label="document")
    section: str = key("sectie", label="sectie")

    def describe(self) -> str:
        return f"{self.document} – {self.section}"


@node
class CatalogueRule(Node):
    """One rule: its id, Dutch title, severity, the check kind that runs it, its source."""

    NOUN = "regel"

    id: str = key("id")
    title: str = key("titel", label="titel")
    description: str = key("omschrijving", default="", label="toelichting")
    severity: str = key("ernst", label="ernst")
    kind: str = key("soort", label="soort controle")
    source: RuleSource = key("bron", label="bron")
    reads: tuple[str, ...] = key("leest", label="leest uit de regio")


@node
class Catalogue(Node):
    rules: tuple[CatalogueRule, ...] = key("regels", label="regels")


def build_catalogue(document: YamlDocument) -> Catalogue:
    """The model of a schema-valid rule catalogue."""
    return Builder(()).build(Catalogue, document.data)
