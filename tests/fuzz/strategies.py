"""Input generators for the fuzz tests: raw noise, and news-like text salted with debris and odd Unicode.

Pure noise mostly exercises the first few lines of every function; news-shaped text built from real
fragments (datelines, quotes, dates, captions, end markers) reaches the interesting branches.
"""

from __future__ import annotations

from hypothesis import strategies as st

WORDS = (
    "Russia Syria Lavrov Putin Assad Obama Kerry Turkey Iran Iraq Kurdish rebels army ministry government "
    "president minister said told met visited condemned attacked accused urged rejected signed agreed "
    "talks peace ceasefire airstrikes troops border capital Moscow Damascus Geneva Istanbul Sochi the a of "
    "in on with to and but not may will has been yesterday today Monday Tuesday last week month year "
    "November 26 2014 six weeks ago earlier this month he she they it officials spokesman foreign defence"
).split()
FRAGMENTS = [
    "MOSCOW, Nov 26 (Reuters) - ",
    "BEIRUT (AP) \u2014 ",
    "MOSCOW, November 26. /TASS/. ",
    "(CNN) -- ",
    "![](http://x.y/z.jpg)",
    "![photo](a.png) |",
    "<img src='a.jpg'>",
    "<p>",
    "</p>",
    "<figcaption>A caption</figcaption>",
    "(photo: FreaBeacon)",
    "Image copyright Getty Images",
    "/.",
    "(END)",
    "-- ENDS --",
    "###",
    "According to VOV.VN",
    "Source: Xinhua",
    "-- Reuters",
    "By John Smith",
    "(Reporting by Jane Doe; Editing by Tom Brown)",
    "\u201c",
    "\u201d",
    '"',
    "'",
    "\u00a0",
    "\u200b",
    "\u00ad",
    "\ufeff",
    "\u2028",
    "&amp;",
    "&#8217;",
    "&#0;",
    "\n",
    "\n\n",
    " \u2014 ",
    ", ",
    ". ",
    "? ",
    "said: ",
    "yesterday (November 26)",
    "on 26 November 2014",
    "last Tuesday",
    "three days later",
    "in the 1990s",
    "at 10:30 a.m.",
    "every Friday",
    "for six weeks",
    "Sergei Lavrov",
    "the Russian Foreign Minister",
    "Mr. al-Moualem",
    "U.S.-led",
]

noise_text = st.text(max_size=400)
token = st.one_of(st.sampled_from(WORDS), st.sampled_from(FRAGMENTS), st.text(max_size=6))


@st.composite
def news_like(draw: st.DrawFn, max_tokens: int = 120) -> str:
    """Text that looks enough like wire copy to pass the language check and reach every stage."""
    tokens = draw(st.lists(token, min_size=0, max_size=max_tokens))
    out: list[str] = []
    for t in tokens:
        if out and not out[-1].endswith((" ", "\n")) and not t.startswith((" ", "\n", ",", ".")):
            out.append(" ")
        out.append(t)
    return "".join(out)


mixed_text = st.one_of(noise_text, news_like())


def scaled(n: int) -> int:
    """Example count for a fuzz test; EVENTWIRE_FUZZ_SCALE=20 runs twenty times as many (a deep local run)."""
    import os

    return max(1, int(n * float(os.environ.get("EVENTWIRE_FUZZ_SCALE", "1"))))
