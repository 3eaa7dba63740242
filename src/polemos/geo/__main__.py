"""``python -m polemos.geo [--rebuild]``: build the offline gazetteer index once, at set-up."""

from polemos.geo.gazetteer import main

main()
