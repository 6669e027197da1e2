"""docxtpl's DocxTemplate, with the clean-up of a template's XML done once per distinct part.

Before Jinja sees a part of the template (body, header, footer), docxtpl runs `patch_xml` over
its whole text: a dozen regular expressions that join the `{{ ... }}` tags Word split into
runs, handle colspan and cell colours, and unescape quotes. The result depends only on that
text, and every document of a kind starts from the same template, so a build patched the same
text again for each document (a tenth of its time). Here the result is kept for the most recent
PATCHED distinct texts. Imported only when a document is rendered (`validate` never loads
docxtpl).
"""

from __future__ import annotations

from docxtpl import DocxTemplate

PATCHED = 32
"""Patched part texts kept (a build uses a few templates of three parts each)."""

_patched: dict[str, str] = {}


class Template(DocxTemplate):  # type: ignore[misc]
    """A DocxTemplate whose `patch_xml` is computed once per part text."""

    def patch_xml(self, src_xml: str) -> str:
        patched = _patched.pop(src_xml, None)
        if patched is None:
            patched = super().patch_xml(src_xml)
        _patched[src_xml] = patched
        while len(_patched) > PATCHED:
            del _patched[next(iter(_patched))]
        return patched
