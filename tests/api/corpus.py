"""A few short wire stories written for the API and page tests, plus one hostile article.

They are ingested through the real pipeline into a real DuckDB file; tests never assume which events the
coder finds in them, only how the API must behave on whatever was stored.
"""

from __future__ import annotations

STORIES: list[dict[str, str]] = [
    {
        "id": "ankara-talks",
        "published": "2015-03-04",
        "text": (
            "Turkey and Iraq agree to cooperate against militants\n"
            "Turkish Prime Minister Ahmet Davutoglu met Iraqi Prime Minister Haider al-Abadi in Ankara on Tuesday. "
            "The two leaders signed an agreement to share intelligence on Islamic State fighters. "
            "Davutoglu praised the Iraqi government for its efforts to rebuild the army. "
            "Iraq asked Turkey to send more military advisers to Mosul."
        ),
    },
    {
        "id": "kyiv-sanctions",
        "published": "2015-03-12",
        "text": (
            "EU extends sanctions on Russia\n"
            "The European Union on Wednesday extended economic sanctions against Russia over the conflict in "
            "eastern Ukraine. Ukrainian President Petro Poroshenko welcomed the decision in Kyiv. "
            "Russian Foreign Minister Sergei Lavrov criticized the European Union and accused it of "
            "damaging relations. Ukrainian troops shelled rebel positions near Donetsk on Thursday, "
            "the army said."
        ),
    },
    {
        "id": "hostile",
        "published": "2015-04-01",
        # The cleaner strips markup from the body; a title is kept as given, so markup reaches the page there.
        "title": 'Protest in Cairo <img src=x onerror="window.pwned=2"><script>window.pwned=1</script>',
        "text": (
            "Egyptian police arrested dozens of protesters in Cairo on Friday. <img src=x onerror=\"window.pwned=2\"> "
            "The Egyptian government condemned the protest. Robert'); DROP TABLE events;-- said nothing."
        ),
    },
]
