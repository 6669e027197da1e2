"""What a capacity check yields: a Breach at a path in a document, with its source."""

from __future__ import annotations

from dataclasses import dataclass

from generator.loader import JsonPath, YamlDocument
from generator.model.region import Source


@dataclass(frozen=True)
class Breach:
    """One breach of a rule at `path` in `document`; the runner stamps rule id and severity.

    `source` is the `bron` of the agreement element the check read, when it has one; otherwise the
    finding names the rule's own source.
    """

    document: YamlDocument
    path: JsonPath
    message: str
    source: Source | None = None
