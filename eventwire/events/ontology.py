"""The event ontology: PLOVER types, modes, contexts and scores; CAMEO codes with Goldstein and quad class.

Why one module: the events stage, the writers (GDELT/PLOVER formats) and the evaluators all need the same
answers to "what PLOVER type is CAMEO 195?" or "what quad class is 112?". The facts live in
eventwire/events/data/ontology.json (built from the PLOVER manual and CAMEO2PLOVER-2021, CC BY-SA 4.0;
see the NOTICE there) and are loaded once. ``build_ontology`` regenerates that file from the sources.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.errors import ErrorCode, EventwireError

DATA_PACKAGE = "eventwire.events"
AUX_MODES: tuple[str, ...] = ("negation", "hypothetical", "future", "historical")

#: PLOVER's 16 event types with their quad category (PLOVER manual, chapter "Event Categories").
PLOVER_TYPES: dict[str, int] = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}  # fmt: skip

QUAD_NAMES: dict[int, str] = {
    0: "none", 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict",
}  # fmt: skip

# Goldstein (1992) weights for CAMEO, as distributed with CAMEO/GDELT, at the 3-digit level; 4-digit
# codes take the weight of their 3-digit parent and 2-digit roots that of their "x0" code.
_GOLDSTEIN3: dict[str, float] = {
    "010": 0.0, "011": -0.1, "012": -0.4, "013": 0.4, "014": 0.0, "015": 0.0, "016": 3.4, "017": 0.0,
    "018": 3.4, "019": 3.4,
    "020": 3.0, "021": 3.4, "022": 3.2, "023": 3.4, "024": -0.3, "025": -0.3, "026": 4.0, "027": 4.0,
    "028": 4.0,
    "030": 4.0, "031": 5.2, "032": 4.5, "033": 5.2, "034": 7.0, "035": 7.0, "036": 4.0, "037": 5.0,
    "038": 7.0, "039": 5.0,
    "040": 1.0, "041": 1.0, "042": 1.9, "043": 2.8, "044": 2.5, "045": 5.0, "046": 7.0,
    "050": 3.5, "051": 3.4, "052": 3.5, "053": 3.8, "054": 6.0, "055": 7.0, "056": 7.0, "057": 8.0,
    "060": 6.0, "061": 6.4, "062": 7.4, "063": 7.4, "064": 7.0,
    "070": 7.0, "071": 7.4, "072": 8.3, "073": 7.4, "074": 8.5, "075": 7.0,
    "080": 5.0, "081": 5.0, "082": 5.0, "083": 5.0, "084": 7.0, "085": 7.0, "086": 9.0, "087": 9.0,
    "090": -2.0, "091": -2.0, "092": -2.0, "093": -2.0, "094": -2.0,
    "100": -5.0, "101": -5.0, "102": -5.0, "103": -5.0, "104": -5.0, "105": -5.0, "106": -5.0,
    "107": -5.0, "108": -5.0,
    "110": -2.0, "111": -2.0, "112": -2.0, "113": -2.0, "114": -2.0, "115": -2.0, "116": -2.0,
    "120": -4.0, "121": -4.0, "122": -4.0, "123": -4.0, "124": -5.0, "125": -5.0, "126": -5.0,
    "127": -5.0, "128": -5.0, "129": -5.0,
    "130": -4.4, "131": -5.8, "132": -5.8, "133": -5.8, "134": -5.8, "135": -5.8, "136": -7.0,
    "137": -7.0, "138": -7.0, "139": -7.0,
    "140": -6.5, "141": -6.5, "142": -6.5, "143": -6.5, "144": -7.5, "145": -7.5,
    "150": -7.2, "151": -7.2, "152": -7.2, "153": -7.2, "154": -7.2,
    "160": -4.0, "161": -4.0, "162": -5.6, "163": -8.0, "164": -7.0, "165": -7.0, "166": -7.0,
    "170": -7.0, "171": -9.2, "172": -5.0, "173": -5.0, "174": -5.0, "175": -9.0,
    "180": -9.0, "181": -9.0, "182": -9.5, "183": -10.0, "184": -8.0, "185": -8.0, "186": -10.0,
    "190": -10.0, "191": -9.5, "192": -9.5, "193": -10.0, "194": -10.0, "195": -10.0, "196": -9.5,
    "200": -10.0, "201": -9.5, "202": -10.0, "203": -10.0, "204": -10.0,
}  # fmt: skip

# CAMEO roots that CAMEO2PLOVER-2021 leaves out: appeals become REQUEST, public statements have no
# PLOVER type (they are reporting acts, kept apart from the events they report).
_EXTRA_ROOT_TYPES: dict[str, str | None] = {"01": None, "02": "REQUEST"}

#: Where CAMEO2PLOVER-2021 (a draft table) contradicts the PLOVER manual, the manual wins (DESIGN.md: PLOVER is
#: the standard): CAMEO code -> (PLOVER type, mode or None, the manual's words). A code's own row is replaced;
#: its children keep their own rows.
MANUAL_CORRECTIONS: dict[str, tuple[str, str | None, str]] = {
    "0831": ("RETREAT", "resign", "RETREAT 'also covers resignations of government officials' (mode resign)"),
    "0813": ("CONCEDE", None, "CONCEDE: 'removing curfews' is a verbal concession"),
    "0814": ("CONCEDE", None, "CONCEDE: 'easing of administrative or legal restrictions'"),
    "085": ("CONCEDE", None, "CONCEDE: easing restrictions; 'ease' is not a RETREAT mode"),
    "0842": ("RETREAT", None, "'return' is no RETREAT mode (commented out in the manual)"),
    "0874": ("RETREAT", "withdraw", "withdraw: 'Retreat from territory or withdraw forces from an area'"),
    "105": ("REQUEST", "yield", "yield: release of prisoners, ending sanctions, easing curfews, ceasefires"),
    "112": ("ACCUSE", "allege", "allege: 'Formally or informally accuse'"),
    "114": ("ACCUSE", "disapprove", "disapprove: 'Express disapproval; condemn; complain'"),
    "116": ("SANCTION", "convict", "convict: 'Find an entity or behavior guilty ... in a court of law'"),
    "124": ("REJECT", "yield", "yield: release of prisoners, ending sanctions, easing curfews"),
    "1241": ("REJECT", "yield", "yield: release of prisoners, ending sanctions, easing curfews"),
    "1242": ("REJECT", "yield", "yield: release of prisoners, ending sanctions, easing curfews"),
    "132": ("THREATEN", "restrict", "restrict: 'the banning of political activities of particular parties'"),
    "1321": ("THREATEN", "restrict", "restrict: restrictions on political activities"),
    "1322": ("THREATEN", "restrict", "restrict: 'the banning of political activities of particular parties'"),
    "133": ("THREATEN", "restrict", "restrict: 'boycotts, strikes, blockades, and curfews'"),
    "161": ("SANCTION", "discontinue", "discontinue: 'break, or terminate diplomatic ... exchanges'"),
    "163": ("SANCTION", "discontinue",
            "'International (political or economic) sanctions are coded as discontinue' (SANCTION)"),
    "1712": ("ASSAULT", "destroy", "ASSAULT destroy: 'Intentional destruction of property'"),
    "1722": ("COERCE", "restrict", "restrict: 'banning of individuals or organizations from political life'"),
    "175": ("ASSAULT", None, "violent repression: ASSAULT (context repression); 'pro_autocracy' is no mode"),
    "183": ("ASSAULT", "explosives", "explosives: 'Any explosive not incorporated in a heavy weapon'"),
    "185": ("ASSAULT", "targeted", "targeted: '(successful and attempted) assassinations'"),
    "186": ("ASSAULT", "targeted", "targeted: '(successful and attempted) assassinations'"),
    "195": ("ASSAULT", "aerial", "aerial: 'Manned aerial vehicles, e.g. aircraft, helicopters'"),
    "200": ("ASSAULT", "targeted", "targeted: 'deliberate mass killings of defenseless actors'"),
    "201": ("ASSAULT", None, "'cleansing' is no ASSAULT mode (commented out in the manual)"),
    "202": ("ASSAULT", "targeted", "targeted: 'deliberate mass killings of defenseless actors'"),
    "203": ("ASSAULT", None, "'cleansing' is no ASSAULT mode (commented out in the manual)"),
}


def quad_class(cameo: str) -> int:
    """CAMEO quad class: 1 verbal and 2 material cooperation, 3 verbal and 4 material conflict."""
    root = int(cameo[:2])
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 14:
        return 3
    return 4


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover_type: str | None
    plover_mode: str | None
    contexts: tuple[str, ...]


class Ontology:
    """Lookups over the shipped ontology data (immutable once loaded)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.types: dict[str, dict[str, Any]] = data["plover"]["types"]
        self.contexts: tuple[str, ...] = tuple(data["plover"]["contexts"])
        self.aux_modes: tuple[str, ...] = tuple(data["plover"]["aux_modes"])
        self._codes: dict[str, dict[str, Any]] = data["cameo"]

    def cameo(self, code: str) -> CameoCode | None:
        """The CAMEO code, or its nearest listed ancestor's facts under the asked code."""
        code = code.strip()
        if not code or not code[:2].isdigit():
            return None
        probe = code
        while probe and probe not in self._codes:
            probe = probe[:-1]
        if not probe:
            return None
        row = self._codes[probe]
        return CameoCode(
            code=code,
            name=row["name"],
            goldstein=float(row["goldstein"]),
            quad_class=int(row["quad"]),
            plover_type=row["plover"],
            plover_mode=row.get("mode"),
            contexts=tuple(row.get("contexts", ())),
        )

    def plover_type(self, code: str) -> str | None:
        """The PLOVER type of a CAMEO code (None: unknown code, or one CAMEO2PLOVER leaves untyped)."""
        info = self.cameo(code)
        return info.plover_type if info else None

    def plover_score(self, event_type: str, mode: str | None = None) -> float | None:
        entry = self.types.get(event_type)
        if entry is None:
            return None
        if mode and mode in entry["modes"] and entry["modes"][mode] is not None:
            return float(entry["modes"][mode])
        return float(entry["score"])

    def codes(self) -> list[str]:
        return sorted(self._codes)


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """The shipped ontology (cached: the data are immutable)."""
    text = resources.files(DATA_PACKAGE).joinpath("data", "ontology.json").read_text(encoding="utf-8")
    return Ontology(json.loads(text))


class NegationMap:
    """What a negated CAMEO code means, from a PETRARCH Internal Coding Ontology (PICO) file.

    Why: PETRARCH-family coders do not drop "did not clash"; they code its negation. PICO gives each CAMEO
    code a number in which negation is subtracting 0xFFFF ("110" = 0xFFFF + 0x0080, so "not 110" is 0x0080,
    "050"). A code whose negation has no exact entry stays a negated, non-factual event.
    """

    NEGATE = 0xFFFF

    def __init__(self, values: dict[str, int]) -> None:
        self.values = values
        self.codes: dict[int, str] = {}
        for code, value in values.items():
            self.codes.setdefault(value, code)  # several codes can share a value: the first listed wins

    @classmethod
    def from_file(cls, path: str | Path) -> NegationMap:
        values: dict[str, int] = {}
        try:
            text = Path(path).read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            raise EventwireError(ErrorCode.DICTIONARY_INVALID, f"cannot read coding ontology {path}: {exc}") from exc
        for n, raw in enumerate(text.splitlines(), 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            code, _, expr = line.partition(":")
            if not re.fullmatch(r"[0-9]{2,4}|---", code.strip()) or not expr.strip():
                raise EventwireError(ErrorCode.DICTIONARY_INVALID, f"{path}:{n}: expected CODE:VALUE, got {raw!r}")
            try:
                values[code.strip()] = _hex_sum(expr)
            except ValueError as exc:
                raise EventwireError(ErrorCode.DICTIONARY_INVALID, f"{path}:{n}: {exc}") from exc
        if not values:
            raise EventwireError(ErrorCode.DICTIONARY_INVALID, f"coding ontology {path} has no entries")
        return cls(values)

    def negate(self, code: str) -> str | None:
        """The CAMEO code meaning "not <code>", or None when the ontology has none."""
        value = self.values.get(code)
        negated = None if value is None else self.codes.get(value - self.NEGATE)
        return None if negated == "---" else negated


def _hex_sum(expr: str) -> int:
    """'-0xFFFF+0x2040+0x300' -> its value."""
    compact = expr.replace(" ", "")
    terms = re.findall(r"([+-]?)(0x[0-9A-Fa-f]+|[0-9]+)", compact)
    if not terms or re.sub(r"[+-]?(0x[0-9A-Fa-f]+|[0-9]+)", "", compact):
        raise ValueError(f"not a sum of hexadecimal numbers: {expr!r}")
    return sum((-1 if sign == "-" else 1) * int(num, 0) for sign, num in terms)


# --------------------------------------------------------------------------------------------- builder


def _parse_scores(tex: str) -> dict[str, dict[str, Any]]:
    types: dict[str, dict[str, Any]] = {t: {"quad": q, "score": None, "modes": {}} for t, q in PLOVER_TYPES.items()}
    start = tex.rindex("PLOVER conflict--cooperation scores")
    block = tex[start : tex.index("\\end{tabular}", start)]
    cell = r"(?:\\cellcolor\{[^}]*\})?"
    for cell_name, cell_score in re.findall(cell + r"([A-Z]+(?::\s*[A-Za-z-]+)?)\s*&\s*" + cell + r"(-?[\d.]+)", block):
        name, _, mode = cell_name.partition(":")
        name = name.strip()
        if name not in types:
            continue
        if mode.strip():
            types[name]["modes"][mode.strip().lower()] = float(cell_score)
        else:
            types[name]["score"] = float(cell_score)
    return types


def _parse_modes(tex: str, types: dict[str, dict[str, Any]]) -> None:
    """The modes each type's section lists in its modes table (the scores table misses some: "vandalize")."""
    for name in types:
        match = re.search(r"\\section\{" + name + r"\}(.+?)(?=\\section\{|\\chapter\{)", tex, re.S)
        if not match or "modes" not in match.group(1):
            continue
        table = re.search(r"Name & Content \\\\(.+?)\\end\{tabular\}", match.group(1), re.S)
        if table is None:
            continue
        for line in table.group(1).splitlines():
            line = line.strip()
            if "&" not in line or line.startswith("%"):
                continue
            mode = line.split("&", 1)[0].strip().lower()
            if re.fullmatch(r"[a-z-]+", mode):
                types[name]["modes"].setdefault(mode, None)


def _parse_descriptions(tex: str, types: dict[str, dict[str, Any]]) -> None:
    for name in types:
        match = re.search(r"\\section\{" + name + r"\}\s*(.+?)\n\s*\n", tex, re.S)
        if match:
            types[name]["description"] = re.sub(r"\\[a-z]+\{([^}]*)\}", r"\1", " ".join(match.group(1).split()))


def _parse_mapping(text: str) -> dict[str, dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#") or ":" not in line or line.startswith("~"):
            continue
        code, _, rest = line.partition(":")
        code = code.strip()
        if not code.isdigit():
            continue
        body, _, comment = rest.partition("#")
        parts = [p.strip() for p in body.split(",")]
        plover = parts[0] or None
        mode = parts[1] if len(parts) > 1 and parts[1] else None
        contexts = [c.strip() for c in parts[2].split(";") if c.strip()] if len(parts) > 2 else []
        rows.setdefault(code, {"plover": plover, "mode": mode, "contexts": contexts, "name": comment.strip()})
    return rows


def build_ontology(plover_dir: Path) -> dict[str, Any]:
    """Build the ontology data from PLOVER_MANUAL.tex and CAMEO2PLOVER-2021.txt (development time only)."""
    tex = (plover_dir / "PLOVER_MANUAL.tex").read_text(encoding="utf-8")
    types = _parse_scores(tex)
    _parse_modes(tex, types)
    _parse_descriptions(tex, types)
    contexts = sorted({c.replace("\\_", "_") for c in re.findall(r"\\hyperref\[context:[a-z-]+\]\{([^}]*)\}", tex)})
    mapping = _parse_mapping((plover_dir / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8"))
    codes = sorted(set(_GOLDSTEIN3) | set(mapping) | {c[:2] for c in _GOLDSTEIN3})
    cameo: dict[str, dict[str, Any]] = {}
    for code in codes:
        g_key = code if len(code) == 3 else (code[:3] if len(code) > 3 else code + "0")
        goldstein = _GOLDSTEIN3.get(g_key, _GOLDSTEIN3.get(code[:2] + "0", 0.0))
        row = mapping.get(code) or mapping.get(code[:3]) or mapping.get(code[:2])
        root_type = _EXTRA_ROOT_TYPES.get(code[:2], "")
        plover = row["plover"] if row else (root_type or None)
        mode = (row or {}).get("mode") if row and row is mapping.get(code) else None
        fix = MANUAL_CORRECTIONS.get(code)
        if fix is not None:
            plover, mode = fix[0], fix[1]
        if mode is not None and (plover is None or mode not in types[plover]["modes"]):
            mode = None  # a mode the manual does not define for the type
        cameo[code] = {
            "name": (mapping.get(code) or {}).get("name", ""),
            "goldstein": goldstein,
            "quad": quad_class(code),
            "plover": plover,
            "mode": mode,
            "contexts": (row or {}).get("contexts", []),
        }
    return {
        "notice": "Derived from the PLOVER manual and CAMEO2PLOVER-2021.txt (openeventdata/PLOVER @5e0c24f), "
        "CC BY-SA 4.0; Goldstein weights as distributed with CAMEO.",
        "plover": {"types": types, "contexts": contexts, "aux_modes": list(AUX_MODES)},
        "cameo": cameo,
    }
