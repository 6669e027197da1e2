"""The shared protocols every region may refer to (the meldcode): found, validated and built once.

They live in `protocols/<id>.yaml`. `generator/protocols` is a link to that folder, so
`package-data` ships the same files in a wheel (as for `rules/` and `schemas/`). A folder
`protocols/` in the current folder is used instead when it exists: this checkout, or a region's
repository that keeps its own copy; otherwise the shipped ones. Only a valid protocol enters the
library: `regiekit validate protocols/` shows what is wrong with one that does not, and a region
that refers to it reads as referring to a protocol that does not exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from generator.errors import YamlLoadError
from generator.findings import Severity
from generator.loader import load_yaml
from generator.model.mapping import Node
from generator.model.protocol import Profile, SharedProtocol, build_protocol

PACKAGED_PROTOCOLS = Path(__file__).resolve().parent / "protocols"
"""The shared protocols shipped inside the package (`protocols/` of the source tree)."""
LOCAL_PROTOCOLS = Path("protocols")
"""A repository's own shared protocols, used instead of the shipped ones when present."""
PROTOCOL_KIND = "protocol"


@dataclass(frozen=True)
class Library:
    """The valid shared protocols of one folder."""

    folder: Path
    protocols: tuple[SharedProtocol, ...]

    @cached_property
    def index(self) -> dict[type[Node], dict[str, Node]]:
        """What a region may name: protocols by id, and their profiles by id."""
        protocols: dict[str, Node] = {}
        profiles: dict[str, Node] = {}
        for protocol in self.protocols:
            protocols.setdefault(protocol.id, protocol)
            for profile in protocol.profiles:
                profiles.setdefault(profile.id, profile)
        return {SharedProtocol: protocols, Profile: profiles}

    @cached_property
    def profile_ids(self) -> frozenset[str]:
        return frozenset(self.index[Profile])

    def get(self, protocol_id: str) -> SharedProtocol | None:
        found = self.index[SharedProtocol].get(protocol_id)
        return found if isinstance(found, SharedProtocol) else None

    def for_country(self, country: str) -> list[SharedProtocol]:
        return [protocol for protocol in self.protocols if protocol.country == country]


def protocols_folder() -> Path:
    """./protocols when the current folder has one, else the shipped protocols."""
    return LOCAL_PROTOCOLS if LOCAL_PROTOCOLS.is_dir() else PACKAGED_PROTOCOLS


def library(folder: Path | None = None) -> Library:
    """The shared protocols of `folder` (default: protocols_folder()), loaded once per folder."""
    return _load((folder or protocols_folder()).resolve())


@lru_cache(maxsize=8)
def _load(folder: Path) -> Library:
    from generator.validation import validate_document

    protocols: list[SharedProtocol] = []
    for file in sorted(folder.glob("*.yaml")) if folder.is_dir() else ():
        try:
            document = load_yaml(file)
        except YamlLoadError:
            continue
        findings = validate_document(document, kind=PROTOCOL_KIND)
        if not any(finding.severity is Severity.ERROR for finding in findings):
            protocols.append(build_protocol(document))
    return Library(folder, tuple(protocols))
