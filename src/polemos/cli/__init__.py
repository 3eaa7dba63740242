"""The command-line interface (``polemos``)."""
