"""`python -m eventwire ...` runs the CLI (the same as the `eventwire` script)."""

from eventwire.cli import main

main()
