"""Import PETRARCH/TABARI verb dictionaries (e.g. CAMEO.2.0.txt) into eventwire's pattern format.

Why an importer rather than a PETRARCH clone: PETRARCH patterns are word sequences around the verb in a
constituency parse; we keep their words and codes but re-express each pattern as syntactic constraints
(object words, prepositional phrases, pre-verb words), matched over any dependency parse. The built-in
``cameo.ewp.gz`` is this importer's output on CAMEO.2.0.txt (MIT, Open Event Data Alliance); users can
point ``[events] patterns`` at their own PETRARCH verb files and they are converted on load.
"""

from __future__ import annotations

import itertools
import re

from eventwire.lexicon import PREPOSITIONS

_BLOCK_RE = re.compile(r"^\s*---\s+(\S+)\s+\[([^\]]*)\]\s*---")
_CODE_IN_LINE = re.compile(r"\[([^\]]*)\]")
_MAX_EXPANSION = 200


def _norm_word(word: str) -> str:
    """PETRARCH word -> our phrase token: lower case, '_' joins words, trailing '_' (exact form) dropped."""
    word = word.strip().lower().rstrip("_")
    word = word.replace("-", "_-_")
    return re.sub(r"_+", "_", word).strip("_")


def _norm_set(name: str) -> str:
    """A synonym set's name; a trailing '_' (PETRARCH's exact-form mark: "&PREPOSIT1_") is no part of it."""
    return name.strip().lower().rstrip("_")


def _parse_synsets(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    current: str | None = None
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("&"):
            current = _norm_set(line[1:].split()[0])
            sets.setdefault(current, [])
        elif line.lstrip().startswith("+") and current is not None:
            member = line.strip()[1:].strip()
            if member.startswith("&"):
                sets[current].append("&" + _norm_set(member[1:].split()[0]))
            else:
                member = member.replace("(", " ").replace(")", " ")
                words = [_norm_word(w) for w in member.split() if _norm_word(w)]
                if words:
                    sets[current].append("_".join(words))
    return sets


def _alternatives(token: str, synsets: dict[str, list[str]], depth: int = 0) -> list[str]:
    """Alternatives of one PETRARCH token (word or &SET, or words and sets joined by '_': "NEW_&TIETYPES",
    "&TIETYPES_MEMOS"), fully expanded."""
    parts = [p for p in token.split("_") if p]
    if len(parts) > 1 and any(p.startswith("&") for p in parts) and not (
        token.startswith("&") and _norm_set(token[1:]) in synsets
    ):
        options = [_alternatives(p, synsets, depth + 1) for p in parts]
        if any(not o for o in options):
            return []
        joined: list[str] = []
        for combo in itertools.product(*options):
            joined.append("_".join(combo))
            if len(joined) >= _MAX_EXPANSION:
                break
        return joined
    if token.startswith("&"):
        name = _norm_set(token[1:])
        out: list[str] = []
        for member in synsets.get(name, []):
            if member.startswith("&") and depth < 4:
                out.extend(_alternatives(member, synsets, depth + 1))
            elif not member.startswith("&"):
                out.append(member)
        return out
    if token == "^":
        return []  # "^" skips a noun phrase: no word to match
    word = _norm_word(token)
    return [word] if word else []


class _Unusable(Exception):
    """A pattern names a synonym set the dictionary does not define (or defines empty): without its words the
    pattern would hold on its other words alone ("* &FIGHT_GAMES IN +" on any "in"), so it is skipped."""


def _phrase(tokens: list[str], synsets: dict[str, list[str]]) -> list[str]:
    """A sequence of tokens -> its expanded phrase alternatives (capped)."""
    if len(tokens) == 1 and tokens[0].startswith("&") and _norm_set(tokens[0][1:]) in synsets:
        if not _alternatives(tokens[0], synsets):
            raise _Unusable(tokens[0])
        return ["&" + _norm_set(tokens[0][1:])]
    options = [_alternatives(t, synsets) for t in tokens]
    if any(not o and t.startswith("&") for o, t in zip(options, tokens, strict=True)):
        raise _Unusable(tokens)
    options = [o for o in options if o]
    if not options:
        return []
    out: list[str] = []
    for combo in itertools.product(*options):
        out.append("_".join(combo))
        if len(out) >= _MAX_EXPANSION:
            break
    return out


def _tokenize(body: str) -> list[str]:
    body = body.replace("(", " ( ").replace(")", " ) ").replace("{", " { ").replace("}", " } ")
    return body.split()


def _convert_pattern(body: str, synsets: dict[str, list[str]]) -> tuple[list[str], list[str]] | None:
    """Pattern body (without the leading '-' and the code) -> (constraints, flags), or None if unusable."""
    try:
        return _convert(body, synsets)
    except _Unusable:
        return None


def _convert(body: str, synsets: dict[str, list[str]]) -> tuple[list[str], list[str]] | None:
    tokens = _tokenize(body)
    if "*" not in tokens:
        return None
    star = tokens.index("*")
    target_first = "+" in tokens[:star]  # "+ * (FROM $)": the subject is the target, the source is in the PP
    if "(" in tokens[:star]:
        return None  # a phrase before the verb ("(IN) *"): a preposition we cannot tell from "to" + verb
    constraints: list[str] = []
    flags: list[str] = []
    rcp: list[str] = []

    def units(seq: list[str]) -> list[list[str]]:
        """Group brace phrases into one unit; other tokens are units of their own."""
        out: list[list[str]] = []
        i = 0
        while i < len(seq):
            if seq[i] == "{":
                j = seq.index("}", i) if "}" in seq[i:] else len(seq)
                out.append([t for t in seq[i + 1 : j] if t not in "$+%"])
                i = j + 1
            else:
                out.append([seq[i]])
                i += 1
        return out

    for unit in units(tokens[:star]):
        if unit[0] == "%":
            flags.append("recip")
        elif unit[0] in ("$", "+"):
            continue
        else:
            alts = _phrase(unit, synsets)
            if alts:
                constraints.append("pre:" + "|".join(alts))
    rest = tokens[star + 1 :]
    i = 0
    while i < len(rest):
        tok = rest[i]
        if tok == "(":
            j = rest.index(")", i) if ")" in rest[i:] else len(rest)
            inner = rest[i + 1 : j]
            i = j + 1
            if not inner:
                continue
            prep = _norm_word(inner[0])
            groups = units(inner[1:])
            if prep in PREPOSITIONS:
                words = [g for g in groups if g and g[0] not in ("$", "+", "%")]
                if any(g and (g[0] == "+" or (g[0] == "$" and target_first)) for g in groups):
                    rcp.append(prep)
                if not words:
                    constraints.append(prep + ":")
                else:
                    alts = _phrase(words[0], synsets)
                    constraints.append(prep + ":" + "|".join(alts))
                    for extra in words[1:]:
                        more = _phrase(extra, synsets)
                        if more:
                            constraints.append("obj:" + "|".join(more))
            else:
                for group in units(inner):
                    alts = _phrase([t for t in group if t not in ("$", "+", "%")], synsets)
                    if alts:
                        constraints.append("obj:" + "|".join(alts))
            continue
        if tok == "{":
            j = rest.index("}", i) if "}" in rest[i:] else len(rest)
            alts = _phrase([t for t in rest[i + 1 : j] if t not in ("$", "+", "%")], synsets)
            if alts:
                constraints.append("obj:" + "|".join(alts))
            i = j + 1
            continue
        i += 1
        if tok == "%":
            flags.append("recip")
        elif tok in ("$", "+", "}", ")"):
            continue
        else:
            if i < len(rest) and rest[i] == "+" and _norm_word(tok) in PREPOSITIONS:
                # "* THEIR ^ ABOUT +": the target is what follows "about": a phrase with that preposition,
                # not the word "about" anywhere after the verb
                rcp.append(_norm_word(tok))
                constraints.append(_norm_word(tok) + ":")
                continue
            alts = _phrase([tok], synsets)
            if alts:
                constraints.append("obj:" + "|".join(alts))
    if rcp:
        flags.append("rcp:" + "|".join(rcp))
    return constraints, flags


def _clean_code(raw: str) -> str | None:
    code = raw.strip().replace(" ", "")
    if re.fullmatch(r"(---|[0-9]{2,4}[A-Z]?)?(:(---|[0-9]{2,4}[A-Z]?))?", code) and code not in ("", ":"):
        return code
    return None


def petrarch_to_ewp(text: str, prefix: str = "petr") -> str:
    """Convert a PETRARCH verb dictionary's text to our pattern format's text."""
    lines = text.splitlines()
    try:
        verbs_at = next(i for i, line in enumerate(lines) if "VERB PATTERNS" in line)
    except StopIteration:
        verbs_at = next((i for i, line in enumerate(lines) if _BLOCK_RE.match(line)), len(lines))
    synsets = _parse_synsets(lines[:verbs_at])
    out: list[str] = [f"# converted from a PETRARCH verb dictionary by eventwire.events.petrarch ({prefix})"]
    for name in sorted(synsets):
        members = [m for m in synsets[name] if not m.startswith("&")] + [
            a for m in synsets[name] if m.startswith("&") for a in _alternatives(m, synsets)
        ]
        if members:
            out.append(f"&{name} = " + "|".join(dict.fromkeys(members)))
    block_name = ""
    block_code: str | None = None
    verbs: list[tuple[str, str | None]] = []
    patterns: list[tuple[int, str]] = []

    def flush() -> None:
        for verb, own in verbs:
            code = own or block_code
            if code:
                out.append(f"{prefix}.{block_name}.0  V:{verb}  => {code}")
            for number, line in patterns:
                out.append(line.replace("\x00", f"{prefix}.{block_name}.{number}  V:{verb}", 1))

    for raw in lines[verbs_at:]:
        match = _BLOCK_RE.match(raw)
        if match:
            flush()
            block_name = re.sub(r"[^A-Za-z0-9_]", "", match.group(1)).upper() or "BLOCK"
            block_code = _clean_code(match.group(2))
            verbs, patterns = [], []
            continue
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        stripped = line.strip()
        if stripped.startswith("* ") and _CODE_IN_LINE.search(stripped):
            stripped = "- " + stripped  # "* (TO QUESTION) [110]": a pattern line missing its dash
        if stripped.startswith("-"):
            codes = _CODE_IN_LINE.findall(stripped)
            if not codes:
                continue
            code = _clean_code(codes[-1])
            if code is None:
                continue
            body = _CODE_IN_LINE.sub(" ", stripped[1:])
            converted = _convert_pattern(body, synsets)
            if converted is None:
                continue
            constraints, flags = converted
            toks = _tokenize(body)
            star = toks.index("*")
            if "+" in toks[:star] and "$" in toks[star + 1 :] and ":" not in code:
                code = ":" + code  # "+ * MONEY $": the subject is the target, the source follows
            patterns.append((len(patterns) + 1, "\x00  " + "  ".join(constraints) + f"  => {code}  " + " ".join(flags)))
            continue
        if stripped.startswith("&") or stripped.startswith("~"):
            continue
        # a verb line: WORD {forms} [code]  or  +MULTI_WORD {forms} [code]
        own_codes = _CODE_IN_LINE.findall(stripped)
        head = re.sub(r"\{[^}]*\}", " ", _CODE_IN_LINE.sub(" ", stripped)).split()
        if not head:
            continue
        verb = _norm_word(head[0].replace("+", ""))  # WIRE_+TAP: "+" marks the inflected word
        verb = verb.replace("_-_", "-")
        if not verb or not re.match(r"^[a-z]", verb):
            continue
        verbs.append((verb, _clean_code(own_codes[0]) if own_codes else None))
    flush()
    return "\n".join(out) + "\n"
