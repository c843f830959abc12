"""`python -m eventwire ...` runs the CLI (the same as the `eventwire` script)."""

from .cli import main

main()
