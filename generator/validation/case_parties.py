"""A party of a case has a region role or is an external party, not both.

The case schema could say so with `not`, but the compiled schema that `check` runs on every case
would then raise (and format) an exception for every party; this check reads the few keys once.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.loader import YamlDocument
from generator.model.case import Case, Member
from generator.model.mapping import yaml_key
from generator.validation.files import CASE_KIND
from generator.validation.problems import Problem, describe_path

ID = "casus-partijen"
KINDS = (CASE_KIND,)


def check(document: YamlDocument) -> Iterator[Problem]:
    data = document.data
    members = data.get(yaml_key(Case, "members")) if isinstance(data, dict) else None
    role, external = yaml_key(Member, "role"), yaml_key(Member, "external")
    for index, member in enumerate(members if isinstance(members, list) else ()):
        if isinstance(member, dict) and role in member and external in member:
            path = (yaml_key(Case, "members"), index)
            yield Problem(path, "SCHEMA-GEEN-VORM",
                          f"{describe_path(path)} noemt {role} en {external}: een externe partij "
                          "heeft geen rol in de afspraken; kies er één")
