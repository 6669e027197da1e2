"""Where an agreement comes from: its source documents and the section a rule cites (`bron`).

Shared by regions and shared protocols, which both list their `bronnen` and cite them.
"""

from __future__ import annotations

import datetime as dt

from generator.model.mapping import Node, key, node, ref


@node
class SourceDocument(Node):
    """A document the agreement was taken from."""

    NOUN = "brondocument"

    id: str = key("id")
    title: str = key("titel", label="titel")
    date: dt.date | None = key("datum", default=None, label="datum")
    publisher: str = key("uitgever", default="", label="uitgever")
    file: str = key("bestand", default="", label="bestand")
    url: str = key("url", default="", label="adres")


@node
class Source(Node):
    """Where in a source document a rule comes from (`bron`)."""

    IDENTITY = "section"

    document: SourceDocument = ref("document", label="brondocument")
    section: str = key("sectie", label="sectie")
    note: str = key("notitie", default="", label="notitie over de bron")
    """For whoever keeps the YAML (what the source leaves open); no document prints it."""

    def describe(self) -> str:
        """`<title of the source document> – <section>`."""
        return f"{self.document.title} – {self.section}"
