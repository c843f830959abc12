"""Wire-style inputs written for the cleaner tests, one per style of outlet or translation.

Each case names what must be removed (substrings of ``article.removed`` texts that must be gone from the
clean text), what must be kept (real content, including sentences that only look like debris), and the
expected title, lead start and outlet. The stories are invented; the layouts follow each service's habits.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Case:
    name: str
    raw: str
    title: str | None
    lead: str | None  # the start of the expected lead paragraph
    outlet: str | None
    removed: tuple[str, ...] = ()
    kept: tuple[str, ...] = ()
    reasons: tuple[str, ...] = field(default=())  # reasons that must appear among the removals


CASES: list[Case] = [
    Case(
        "reuters",
        "Russia to send more troops to western border\n"
        "By Jane Smith\n\n"
        "MOSCOW, Nov 26 (Reuters) - Russia will send more troops to its western border, Defence Minister "
        "Sergei Shoigu said on Wednesday, citing what he called NATO's growing activity.\n\n"
        "\"We have no choice,\" Shoigu told a meeting of the ministry's board.\n\n"
        "A Reuters/Ipsos poll found that most Russians back the deployment.\n\n"
        "(Reporting by Jane Smith; Editing by Tom Brown)",
        "Russia to send more troops to western border",
        "Russia will send more troops",
        "Reuters",
        removed=("By Jane Smith", "MOSCOW, Nov 26 (Reuters) -", "(Reporting by Jane Smith; Editing by Tom Brown)"),
        kept=("A Reuters/Ipsos poll found that most Russians back the deployment.", "\"We have no choice,\""),
        reasons=("byline or credit", "dateline"),
    ),
    Case(
        "ap",
        "Israeli jets strike targets in southern Lebanon\n\n"
        "BEIRUT (AP) \u2014 Israeli jets struck targets in southern Lebanon on Tuesday, the Lebanese army said, "
        "in the heaviest raids in months.\n\n"
        "The army said two people were wounded.\n\n"
        "___\n\n"
        "Associated Press writer Bassem Mroue contributed to this report.",
        "Israeli jets strike targets in southern Lebanon",
        "Israeli jets struck targets",
        "AP",
        removed=("BEIRUT (AP) \u2014", "___", "Associated Press writer Bassem Mroue contributed to this report."),
        kept=("The army said two people were wounded.",),
    ),
    Case(
        "afp_with_year_and_photo",
        "Taliban attack checkpoint in Kandahar\n"
        "KABUL, Nov 26, 2014 (AFP) - Taliban fighters attacked a police checkpoint in Kandahar province overnight, "
        "killing four officers, officials said Wednesday.\n"
        "An Afghan policeman stands guard at the site of the attack. AFP PHOTO / JAWED TANVEER\n"
        "The insurgents have stepped up attacks as foreign troops withdraw.\n"
        "-- AFP",
        "Taliban attack checkpoint in Kandahar",
        "Taliban fighters attacked",
        "AFP",
        removed=("KABUL, Nov 26, 2014 (AFP) -", "AFP PHOTO / JAWED TANVEER", "-- AFP"),
        kept=("The insurgents have stepped up attacks as foreign troops withdraw.",),
    ),
    Case(
        "xinhua",
        "China, Pakistan vow to deepen strategic cooperation\n\n"
        "BEIJING, Nov. 26 (Xinhua) -- Chinese President Xi Jinping met with Pakistani Prime Minister Nawaz Sharif "
        "on Wednesday, and the two sides vowed to deepen their all-weather strategic partnership.\n\n"
        "Photo taken on Nov. 26, 2014 shows Xi Jinping shaking hands with Nawaz Sharif in Beijing. "
        "(Xinhua/Li Xueren)\n\n"
        "Xi said China is willing to work with Pakistan to build the economic corridor.\n\n"
        "Enditem\n\n"
        "Editor: Mu Xuequan\n\n"
        "Source: Xinhua",
        "China, Pakistan vow to deepen strategic cooperation",
        "Chinese President Xi Jinping met",
        "Xinhua",
        removed=(
            "BEIJING, Nov. 26 (Xinhua) --", "(Xinhua/Li Xueren)", "Enditem", "Editor: Mu Xuequan", "Source: Xinhua"
        ),
        kept=("Xi said China is willing to work with Pakistan to build the economic corridor.",),
        reasons=("source line", "end marker", "photo caption or credit"),
    ),
    Case(
        "vna_machine_translated",
        "Vietnam and Laos sign border agreement\n"
        "Hanoi (VNA) \u2013 Vietnamese Prime Minister Nguyen Tan Dung and his Lao counterpart Thongsing Thammavong "
        "signed an agreement on border management on November 26.\n"
        "![Prime Minister Nguyen Tan Dung (R) and Thongsing Thammavong](https://img.vietnamplus.vn/x.jpg)\n"
        "Prime Minister Nguyen Tan Dung (R) welcomes his Lao counterpart (Photo: VNA)\n"
        "The two leaders also agreed to boost trade to 2 billion USD by 2015./.\n"
        "VNA",
        "Vietnam and Laos sign border agreement",
        "Vietnamese Prime Minister Nguyen Tan Dung",
        "VNA",
        removed=("Hanoi (VNA) \u2013", "![Prime Minister", "(Photo: VNA)", "/."),
        kept=("The two leaders also agreed to boost trade to 2 billion USD by 2015.",),
        reasons=("image remnant", "end marker"),
    ),
    Case(
        "vov_according_to",
        "Vietnam calls for restraint in the East Sea\n"
        "VOV.VN - Vietnam has called on all parties to exercise restraint in the East Sea, a Foreign Ministry "
        "spokesman said on Thursday.\n"
        "According to the spokesman, Vietnam has sufficient legal grounds to assert its sovereignty.\n"
        "The spokesman urged China to withdraw its vessels./.\n"
        "According to VOV.VN",
        "Vietnam calls for restraint in the East Sea",
        "Vietnam has called on all parties",
        "VOV",
        removed=("VOV.VN -", "According to VOV.VN", "/."),
        kept=("According to the spokesman, Vietnam has sufficient legal grounds to assert its sovereignty.",),
        reasons=("source line",),
    ),
    Case(
        "tass",
        "Lavrov, Kerry discuss Ukraine by phone\n"
        "MOSCOW, November 26. /TASS/. Russian Foreign Minister Sergey Lavrov and US Secretary of State John Kerry "
        "discussed the situation in Ukraine in a telephone conversation on Wednesday, the Russian Foreign Ministry "
        "said.\n"
        "The ministers agreed to stay in contact.",
        "Lavrov, Kerry discuss Ukraine by phone",
        "Russian Foreign Minister Sergey Lavrov and US Secretary",
        "TASS",
        removed=("MOSCOW, November 26. /TASS/.",),
        kept=("The ministers agreed to stay in contact.",),
    ),
    Case(
        "itar_tass_slash",
        "MOSCOW, November 26 /ITAR-TASS/. Russia's Defence Ministry said on Wednesday it had conducted air "
        "defence drills in the Southern Military District.\n"
        "More than 1,000 servicemen took part in the exercise.",
        None,
        "Russia's Defence Ministry said",
        "ITAR-TASS",
        removed=("MOSCOW, November 26 /ITAR-TASS/.",),
        kept=("More than 1,000 servicemen took part in the exercise.",),
    ),
    Case(
        "al_jazeera",
        "Egypt court sentences activists to prison\n\n"
        "A court in Cairo has sentenced 23 activists to two years in prison for violating a protest law, "
        "judicial sources said.\n\n"
        "Amnesty International called the verdict \"a travesty of justice\".\n\n"
        "Follow Al Jazeera on Twitter: @AJEnglish\n\n"
        "Source: Al Jazeera and agencies",
        "Egypt court sentences activists to prison",
        "A court in Cairo has sentenced",
        "Al Jazeera",
        removed=("Source: Al Jazeera and agencies", "Follow Al Jazeera on Twitter: @AJEnglish"),
        kept=("Amnesty International called the verdict \"a travesty of justice\".",),
    ),
    Case(
        "bbc_image_copyright",
        "Hong Kong protesters clash with police\n"
        "Image copyright Getty Images\n"
        "Image caption Protesters used umbrellas to shield themselves from pepper spray\n"
        "Police in Hong Kong have clashed with pro-democracy protesters in the Mong Kok district.\n"
        "Media playback is unsupported on your device\n"
        "A BBC correspondent says the mood has turned angrier; a photo of a bloodied protester was widely shared.\n"
        "Image source, Reuters\n"
        "Officials said 116 people had been arrested.",
        "Hong Kong protesters clash with police",
        "Police in Hong Kong have clashed",
        None,
        removed=(
            "Image copyright Getty Images",
            "Image caption Protesters used umbrellas",
            "Media playback is unsupported on your device",
            "Image source, Reuters",
        ),
        kept=(
            "a photo of a bloodied protester was widely shared.",
            "Officials said 116 people had been arrested.",
        ),
    ),
    Case(
        "anadolu",
        "Turkey condemns attack on mosque in Jerusalem\n"
        "By Ali Murat Alhas\n"
        "ANKARA \u2014 Turkey's Foreign Ministry on Wednesday condemned an attack on a mosque in East Jerusalem, "
        "calling on Israel to find those responsible.\n"
        "The ministry said it was deeply concerned by rising tension in the city.\n"
        "*Writing by Jeyhun Aliyev\n"
        "- Anadolu Agency",
        "Turkey condemns attack on mosque in Jerusalem",
        "Turkey's Foreign Ministry on Wednesday condemned",
        "Anadolu Agency",
        removed=("By Ali Murat Alhas", "ANKARA \u2014", "*Writing by Jeyhun Aliyev", "- Anadolu Agency"),
        kept=("The ministry said it was deeply concerned by rising tension in the city.",),
    ),
    Case(
        "yonhap_end",
        "N. Korea fires short-range missiles into East Sea\n"
        "SEOUL, Nov. 26 (Yonhap) -- North Korea fired two short-range ballistic missiles into the East Sea on "
        "Wednesday, South Korea's Joint Chiefs of Staff said.\n"
        "The launch came a day after the allies began joint drills. (END)\n"
        "reporter@yna.co.kr",
        "N. Korea fires short-range missiles into East Sea",
        "North Korea fired two short-range",
        "Yonhap",
        removed=("SEOUL, Nov. 26 (Yonhap) --", "(END)", "reporter@yna.co.kr"),
        kept=("The launch came a day after the allies began joint drills.",),
    ),
    Case(
        "press_release_ends",
        "UN envoy welcomes ceasefire in Yemen\n"
        "The UN Special Envoy for Yemen welcomed the announcement of a ceasefire by the parties on Wednesday.\n"
        "He urged all sides to respect the truce and to return to talks.\n"
        "-- ENDS --\n"
        "###",
        "UN envoy welcomes ceasefire in Yemen",
        "The UN Special Envoy for Yemen welcomed",
        None,
        removed=("-- ENDS --", "###"),
        kept=("He urged all sides to respect the truce and to return to talks.",),
    ),
    Case(
        "trailing_reuters_dash",
        "Iran says nuclear talks to resume next month\n"
        "Iran and six world powers will resume nuclear talks in December, Iran's foreign minister said on "
        "Wednesday, after failing to meet a deadline for a deal.\n"
        "Photo: Iran's Foreign Minister Mohammad Javad Zarif speaks to reporters in Vienna\n"
        "The talks were extended by seven months.\n"
        "\u2014 Reuters",
        "Iran says nuclear talks to resume next month",
        "Iran and six world powers will resume",
        "Reuters",
        removed=("\u2014 Reuters", "Photo: Iran's Foreign Minister"),
        kept=("The talks were extended by seven months.",),
    ),
    Case(
        "html_remnants",
        "Protests continue in Ferguson\n"
        "<p>Protesters marched through Ferguson for a third night on Wednesday.</p>\n"
        "<figure><img src=\"/photos/ferguson.jpg\" alt=\"Protesters in Ferguson\"><figcaption>Protesters gather "
        "outside the police station on Tuesday night.</figcaption></figure>\n"
        "<p>The governor ordered more National Guard troops to the town.</p>",
        "Protests continue in Ferguson",
        "Protesters marched through Ferguson",
        None,
        removed=("<img src=", "Protesters gather outside the police station on Tuesday night."),
        kept=("The governor ordered more National Guard troops to the town.",),
        reasons=("image remnant", "photo caption or credit"),
    ),
    Case(
        "unicode_debris",
        "Ukraine\u00a0and\u00a0Russia agree gas deal\n"
        "KIEV, Oct 31 (Reuters) - Ukraine and Russia signed a deal on Friday to re\u00adsume gas supplies "
        "through the winter,\u200b brokered by the Euro\u00adpean Union.\ufeff\n"
        "Pres\u00adident Petro Poroshenko welcomed\u2009the agreement.",
        "Ukraine and Russia agree gas deal",
        "Ukraine and Russia signed a deal on Friday to resume gas supplies",
        "Reuters",
        removed=("KIEV, Oct 31 (Reuters) -",),
        kept=("brokered by the European Union.", "President Petro Poroshenko welcomed the agreement."),
    ),
    Case(
        "cnn_parenthetical",
        "(CNN) \u2014 The White House said on Wednesday that it would not send ground troops to Iraq.\n"
        "Officials said air strikes would continue.",
        None,
        "The White House said on Wednesday",
        "CNN",
        removed=("(CNN) \u2014",),
        kept=("Officials said air strikes would continue.",),
    ),
    Case(
        "machine_translation_notice",
        "Thai army chief rejects calls for early election\n"
        "(This article was machine translated from Thai)\n"
        "Bangkok - Army chief General Prayuth Chan-ocha on Wednesday rejected calls for an early election, "
        "saying reforms must come first.\n"
        "He said the army would not stay in power longer than needed.\n"
        "Source: Bangkok Post",
        "Thai army chief rejects calls for early election",
        "Army chief General Prayuth",
        "Bangkok Post",
        removed=("(This article was machine translated from Thai)", "Source: Bangkok Post", "Bangkok -"),
        kept=("He said the army would not stay in power longer than needed.",),
    ),
    Case(
        "read_more_links",
        "EU extends sanctions against Russia\n"
        "BRUSSELS, Nov 26 (AFP) - The European Union extended sanctions against Russia for six more months on "
        "Wednesday.\n"
        "READ MORE: EU leaders split over Russia policy\n"
        "Related: Putin warns West over sanctions\n"
        "Diplomats said the decision was unanimous.",
        "EU extends sanctions against Russia",
        "The European Union extended sanctions",
        "AFP",
        removed=("READ MORE: EU leaders split over Russia policy", "Related: Putin warns West over sanctions"),
        kept=("Diplomats said the decision was unanimous.",),
    ),
    Case(
        "no_title_body_only",
        "The UN Security Council met on Tuesday to discuss the conflict in Syria.\n"
        "Russia and China vetoed a draft resolution that would have referred Syria to the International "
        "Criminal Court.\n"
        "According to officials, the vote was 13 to 2.",
        None,
        "The UN Security Council met on Tuesday",
        None,
        removed=(),
        kept=("According to officials, the vote was 13 to 2.", "The UN Security Council met on Tuesday"),
    ),
    Case(
        "quote_first_paragraph_not_title",
        "\u201cWe will not negotiate with terrorists,\u201d the prime minister said.\n"
        "He spoke after a bomb killed 12 people in the capital.",
        None,
        "\u201cWe will not negotiate with terrorists,\u201d",
        None,
        kept=("He spoke after a bomb killed 12 people in the capital.",),
    ),
    Case(
        "real_content_that_looks_like_debris",
        "Ministry releases photo of missing pilot\n"
        "The Defence Ministry on Monday released a photo of the missing pilot and appealed for information.\n"
        "Source: a senior official told reporters the search would continue through the night.\n"
        "By the end of the day, rescuers had searched 200 square kilometres.\n"
        "According to the ministry, the pilot ejected safely.",
        "Ministry releases photo of missing pilot",
        "The Defence Ministry on Monday released a photo",
        None,
        removed=(),
        kept=(
            "released a photo of the missing pilot",
            "By the end of the day, rescuers had searched 200 square kilometres.",
            "According to the ministry, the pilot ejected safely.",
            "Source: a senior official told reporters",
        ),
    ),
    Case(
        "markdown_reference_and_linked_image",
        "Floods hit central Vietnam\n"
        "[![Flooded streets in Hue](https://example.com/hue.jpg)](https://example.com/gallery)\n"
        "Floods in central Vietnam have killed at least 20 people, the disaster agency said on Monday.\n"
        "![][1]\n"
        "Rescue teams were sent to the worst-hit provinces./.",
        "Floods hit central Vietnam",
        "Floods in central Vietnam have killed",
        None,
        removed=("![Flooded streets in Hue](https://example.com/hue.jpg)", "![][1]"),
        kept=("Rescue teams were sent to the worst-hit provinces.",),
    ),
    Case(
        "afp_getty_credit_line",
        "Mali peacekeepers killed in ambush\n"
        "Getty Images\n"
        "UN peacekeepers patrol in Kidal, northern Mali, in 2014. (File photo)\n"
        "BAMAKO, Nov 26 (AFP) - Three UN peacekeepers were killed in an ambush in northern Mali on Wednesday, "
        "the UN mission said.\n"
        "The mission did not say who was behind the attack.",
        "Mali peacekeepers killed in ambush",
        "Three UN peacekeepers were killed",
        "AFP",
        removed=("Getty Images", "(File photo)", "BAMAKO, Nov 26 (AFP) -"),
        kept=("The mission did not say who was behind the attack.",),
    ),
    Case(
        "vietnamese_source_theo",
        "Vietnam, Japan boost defence ties\n"
        "Defence Minister Phung Quang Thanh received his Japanese counterpart in Hanoi on Tuesday.\n"
        "The two sides agreed to cooperate in maritime security and peacekeeping.\n"
        "Theo VOV",
        "Vietnam, Japan boost defence ties",
        "Defence Minister Phung Quang Thanh received",
        "VOV",
        removed=("Theo VOV",),
        kept=("The two sides agreed to cooperate in maritime security and peacekeeping.",),
    ),
    Case(
        "hard_wrapped_plain_text",
        "Syrian army retakes town near Lebanese border\n\n"
        "DAMASCUS, Nov 26 (Reuters) - Syrian government forces backed by\n"
        "Hezbollah fighters recaptured a town near the Lebanese border on\n"
        "Wednesday after weeks of fighting, state television reported.\n\n"
        "The army said it had killed dozens of rebels in the assault, a claim\n"
        "that could not be independently verified because of restrictions on\n"
        "access for journalists.\n\n"
        "Rebels said they had withdrawn to avoid civilian casualties in the\n"
        "town, which had been under siege for more than a year.",
        "Syrian army retakes town near Lebanese border",
        "Syrian government forces backed by Hezbollah fighters recaptured a town near the Lebanese border on Wednesday",
        "Reuters",
        removed=("DAMASCUS, Nov 26 (Reuters) -",),
        kept=("a claim that could not be independently verified because of restrictions on access for journalists.",),
    ),
    Case(
        "html_entities_and_inline_credit_in_long_paragraph",
        "Iraq&#8217;s parliament approves new cabinet\n"
        "Iraq&rsquo;s parliament approved Prime Minister Haider al-Abadi&apos;s cabinet on Monday (Photo: Reuters), "
        "ending weeks of wrangling between Shi&#8217;ite, Sunni and Kurdish blocs over who would run the defence "
        "and interior ministries, which remain vacant &amp; are now held by acting ministers.\n"
        "Abadi promised to fight corruption.",
        "Iraq\u2019s parliament approves new cabinet",
        "Iraq\u2019s parliament approved Prime Minister Haider al-Abadi's cabinet on Monday,",
        None,
        removed=("(Photo: Reuters)",),
        kept=(
            "ending weeks of wrangling between Shi\u2019ite, Sunni and Kurdish blocs",
            "vacant & are now held",
            "Abadi promised to fight corruption.",
        ),
    ),
    Case(
        "dashes_and_parentheses_in_content",
        "Ceasefire talks stall in Cairo\n"
        "Hamas - the Islamist group that controls Gaza - said on Monday it would not accept an extension of the "
        "truce.\n"
        "England (Group A): the team will play its next match in Prague.\n"
        "Egypt (which brokered the truce) - along with Qatar - urged both sides to return to the table.",
        "Ceasefire talks stall in Cairo",
        "Hamas - the Islamist group that controls Gaza - said on Monday",
        None,
        kept=("England (Group A): the team will play", "Egypt (which brokered the truce) - along with Qatar"),
    ),
    Case(
        "dateline_on_its_own_line",
        "Turkey summons German envoy over Armenia vote\n"
        "By Staff Reporter\n"
        "ANKARA\n"
        "Turkey summoned Germany's ambassador on Thursday after the German parliament voted to call the 1915 "
        "killings of Armenians a genocide.\n"
        "Ankara also recalled its own ambassador from Berlin for consultations.",
        "Turkey summons German envoy over Armenia vote",
        "Turkey summoned Germany's ambassador",
        None,
        removed=("By Staff Reporter", "ANKARA"),
        kept=("Ankara also recalled its own ambassador from Berlin for consultations.",),
    ),
]
