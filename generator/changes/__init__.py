"""`regiekit wijzigingen`: what changed between two versions of a region's agreement, in Dutch.

    diff.py      the semantic difference of two models, generic over the model's declarations
    versions.py  where the versions come from: git revisions, the working tree, plain paths
    report.py    the changes as text, json or markdown
    command.py   the core behind the CLI: arguments -> versions -> changes -> report
"""
