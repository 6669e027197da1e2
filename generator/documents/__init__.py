"""Word documents from region agreements: work instructions, checklists, forms, comparisons.

`build.run_build` is the core behind `regiekit build`; `templates_check` is the part that
`regiekit validate` uses and must stay free of docxtpl and lxml imports.
"""

from __future__ import annotations
