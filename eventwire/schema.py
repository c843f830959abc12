"""Write the Document JSON Schema: ``python -m eventwire.schema [PATH]`` (default docs/schema/...)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from eventwire.document import json_schema

DEFAULT_PATH = Path("docs/schema/document.schema.json")


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else DEFAULT_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(json_schema(), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(path)


if __name__ == "__main__":
    main()
