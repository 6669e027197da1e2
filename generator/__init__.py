"""regiekit: regional care-coordination agreements as code.

The package is a usable core with a thin command line (`generator.cli`) on top:
`loader` parses YAML, `validation` checks agreements, `documents` renders Word files and
`checks` verifies cases against a region's rules.
"""

from __future__ import annotations

__version__ = "0.1.0"
