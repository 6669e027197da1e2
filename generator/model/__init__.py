"""The one typed model of regiekit: agreements, cases and the rule catalogue as frozen objects.

Every command reads these objects, never the YAML's keys: `mapping` holds the machinery and is the
only place where a Dutch key is tied to an English attribute (in each field's declaration).

    region.py     Region and its parts (roles, ladders, steps, forms, ...), `build_region`
    case.py       Case and its parts, resolved against a Region, `build_case`
    catalogue.py  the rule catalogue (rules/regels.yaml), `build_catalogue`
    mapping.py    key()/ref() declarations, the two-pass builder, paths for findings
"""
