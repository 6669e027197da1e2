"""`regiekit capaciteit`: capacity against care demand and budget for the care desks of seed 004.

    week.py       slots (day, dagdeel) and the minutes a shift gives each
    demand.py     a desk's demand per slot from the YAML and CSV exports, with where it is written
    coverage.py   who may give which care; Hall's groups; exact shortfalls
    pattern.py    a staffing pattern as lines per day (declared or computed)
    solver.py     the minimal basisdienstenpatroon, a MILP solved by HiGHS
    money.py      costs, budget and flex reserve in exact arithmetic; Dutch amounts and hours
    analysis.py   everything derived from one desk, once
    deployments.py  files of actual deployments (YAML or CSV)
    checks/       one module per rule kind, registered in checks/__init__.py
    run.py        the command: load, validate, analyse, check, report
"""
