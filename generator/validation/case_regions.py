"""A case names a region that exists: one validated in the same run, or one under the regions
folder (`--regions`, the configuration, else the layout; without such a folder there is nothing
to tell it by).

A case's region is what every rule of `check` reads; `validate` says so before `check` is run,
naming the unknown id (only a valid id: nothing else written in a case is repeated) and the
regions it does know.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from generator.loader import YamlDocument
from generator.model.case import read_header, region_id_of
from generator.model.mapping import yaml_key
from generator.model.region import Region
from generator.validation.files import CASE_KIND, document_kind
from generator.validation.problems import Problem

ID = "casus-regio"
KINDS = ("regio", CASE_KIND)
NEEDS_REGIONS_ROOT = True
"""`check_run` is given the run's regions folder (`regions_root=`, None: by the layout)."""


def check_run(documents: list[YamlDocument], *,
              regions_root: Path | None = None) -> Iterator[tuple[YamlDocument, Problem]]:
    from generator.regions import default_regions_root, find_region_file, unknown_region, valid_id

    root = regions_root or default_regions_root()
    if not root.is_dir():
        return  # no regions folder here: nothing to tell a case's region by
    cases = [d for d in documents if document_kind(d.file, d.data) == CASE_KIND]
    in_run = {d.data.get(yaml_key(Region, "id")) for d in documents
              if d not in cases and isinstance(d.data, dict)}
    for document in cases:
        region_id = region_id_of(document)
        if not valid_id(region_id) or region_id in in_run:
            continue  # an invalid id is the schema's finding
        assert region_id is not None
        if find_region_file(region_id, root) is not None:
            continue
        yield document, Problem(read_header(document).at("region_id"), "CASUS-REGIO",
                                unknown_region(region_id, root))
