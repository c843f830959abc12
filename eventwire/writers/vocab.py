"""Vocabularies the formats share: country codes and names, GeoNames feature codes, sectors, numeric ids.

Why one module: GDELT, PLOVER, ICEWS and POLECAT each name a country, a kind of place or a sector in their
own words; deriving them in one place keeps the four formats in agreement with each other and with the
store (which keeps ISO 3166 alpha-3 codes and eventwire's place kinds).
"""

from __future__ import annotations

import functools
import hashlib

import pycountry

# PLOVER's codes in the country field that are not ISO 3166 countries (manual, "Country Names and Sector
# Codes"), and Kosovo, which has no ISO code.
PLOVER_NON_STATE: dict[str, str] = {
    "IGO": "International Governmental Organization", "UNO": "United Nations", "EUR": "European Union",
    "NGO": "Non-governmental Organization", "ISM": "International Social Movement",
    "IMG": "Transnational Militarized Group", "MNC": "Multi-national Corporation",
}  # fmt: skip
EXTRA_COUNTRIES: dict[str, str] = {"KOS": "Kosovo", "XKX": "Kosovo"}

# eventwire's place kinds -> (GeoNames feature class, feature code, PLOVER resolution: 5 sub-city, 4 city,
# 3 district, 2 province, 1 country; None where PLOVER has no level, e.g. a sea or a continent).
PLACE_KINDS: dict[str, tuple[str, str, int | None]] = {
    "city": ("P", "PPL", 4), "capital": ("P", "PPLC", 4), "town": ("P", "PPL", 4), "village": ("P", "PPL", 4),
    "admin2": ("A", "ADM2", 3), "district": ("A", "ADM2", 3), "admin1": ("A", "ADM1", 2),
    "state": ("A", "ADM1", 2), "province": ("A", "ADM1", 2), "country": ("A", "PCLI", 1),
    "region": ("L", "RGN", None), "continent": ("L", "CONT", None), "sea": ("H", "SEA", None),
    "ocean": ("H", "OCN", None),
}  # fmt: skip

# PLOVER/CAMEO sector codes -> the words ICEWS writes in its "Sectors" columns.
SECTOR_NAMES: dict[str, str] = {
    "COP": "Police", "GOV": "Government", "JUD": "Judicial", "LEG": "Legislative / Parliamentary",
    "MIL": "Military", "PRM": "Paramilitary", "PTY": "Parties", "REB": "Rebel", "SPY": "Intelligence",
    "UAF": "Unidentified Forces", "UNK": "Unidentified", "AGR": "Agricultural", "BUS": "Business",
    "CRM": "Criminal", "CVL": "Civilian", "EDU": "Education", "ELI": "Elite", "JRN": "Media", "MED": "Medical",
    "LAB": "Labor", "REF": "Refugees", "OPP": "Opposition", "PRE": "Partially Recognized Entity",
    "REL": "Religious", "SOC": "Civil Society", "IGO": "International Government Organization",
    "NGO": "Nongovernmental Organization", "IMG": "Transnational Militarized Group", "HLH": "Medical",
    "ENV": "Environmental", "HRI": "Human Rights", "INS": "Insurgents", "SEP": "Separatists",
}  # fmt: skip


@functools.lru_cache(maxsize=512)
def iso_country(code: str | None) -> str | None:
    """The code itself when it is an ISO 3166 alpha-3 country code (or Kosovo's), else None.

    Why: GDELT's and ICEWS's country columns hold countries only; an actor's code such as IMGMUSISI or a
    bloc code is not one.
    """
    if not code:
        return None
    c = code.strip().upper()
    if len(c) != 3:
        return None
    if c in EXTRA_COUNTRIES or pycountry.countries.get(alpha_3=c) is not None:
        return c
    return None


@functools.lru_cache(maxsize=512)
def country_name(code: str | None) -> str | None:
    """The English short name of a country code (ISO 3166; the common form where ISO gives one: Iran,
    Syria), or the name of one of PLOVER's non-state codes; None for anything else."""
    if not code:
        return None
    c = code.strip().upper()
    if c in EXTRA_COUNTRIES:
        return EXTRA_COUNTRIES[c]
    if c in PLOVER_NON_STATE:
        return PLOVER_NON_STATE[c]
    if len(c) != 3:
        return None
    country = pycountry.countries.get(alpha_3=c)
    if country is None:  # a former country (SUN, the Soviet Union; YUG)
        former = pycountry.historic_countries.get(alpha_3=c)
        return str(former.name) if former is not None else None
    return str(getattr(country, "common_name", None) or country.name)


def place_kind(kind: str | None) -> tuple[str, str, int | None] | None:
    """(GeoNames feature class, feature code, PLOVER resolution) of an eventwire place kind, or None."""
    return PLACE_KINDS.get((kind or "").lower())


def sector_name(code: str | None) -> str | None:
    return SECTOR_NAMES.get((code or "").upper()) if code else None


def numeric_id(text: str) -> int:
    """A stable positive 63-bit integer for an id (GDELT's GLOBALEVENTID, ICEWS's Event ID and Story ID)."""
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:15], 16)
