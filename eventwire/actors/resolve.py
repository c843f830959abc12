"""Find actor mentions in a parsed text and resolve each to one coded actor.

Steps (each a small function, so each can be tested and improved alone):
1. ``scan``: longest-first dictionary match of KB names and agents (sector nouns, titles) over the
   folded tokens, plus spaCy PERSON/ORG entities the dictionary missed.
2. ``compose``: chains of adjacent pieces become one mention: "Russian Foreign Minister Sergey Lavrov"
   (country + title + person), "the Syrian government" (country + sector noun), "Assad's army"
   (possessor's country + sector), "the US-led international coalition" (X-led coalition).
3. ``assign``: each mention gets an actor: KB entry on the article date, or an in-document person it is
   a variant of ("Mualem", "Mr. Mualem"), or the holder of a title ("the Russian Foreign Minister"),
   or the last group for "the group", or the last person for "he/his".
Every mention is a character span of the text; an actor lists all of its mentions.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

from eventwire.actors.lexicon import (
    COMMON_SENTENCE_STARTS,
    DETERMINERS,
    FEMALE_WORDS,
    FORMER_WORDS,
    GROUP_NOUNS,
    HONORIFICS,
    LED_HEADS,
    MALE_PRONOUNS,
    MALE_WORDS,
    PARTICLES,
    PERSON_PRONOUNS,
    SECTOR_NOUNS,
    TITLE_WORDS,
)
from eventwire.actors.model import ORG_TYPES, PERSON, Agent, Entry, KnowledgeBase, Resolution, split_code
from eventwire.actors.normalize import fold, person_parts, same_person


def _gender_of_mention(sdoc: Any, m: Any) -> str | None:
    words = {fold(t.text) for t in sdoc[m.start : m.end]}
    if words & MALE_WORDS:
        return "m"
    if words & FEMALE_WORDS:
        return "f"
    return None


NAME_KINDS_COUNTRYLIKE = frozenset({"country", "bloc", "region"})


@dataclass
class Piece:
    """A dictionary or NER hit over tokens [start, end)."""

    start: int
    end: int
    kind: str  # "entry" | "agent" | "name" (NER person/org not in the KB)
    entries: list[Entry] = field(default_factory=list)
    agent: Agent | None = None
    label: str = ""


@dataclass
class Mention:
    start: int  # token offsets
    end: int
    kind: str  # "entry" | "person?" | "org?" | "sector" | "led" | "anaphor" | "title" | "pronoun"
    entry: Entry | None = None
    country: str | None = None
    agent: Agent | None = None
    former: bool = False
    plural: bool = False
    text: str = ""
    head: str = ""
    prefix: str = ""  # a prefix agent's code before the country ("MSF Arnor diplomat": NGO + ARN + GOV)


@dataclass
class ActorOut:
    key: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    code: str | None
    kb_id: str | None
    role: str | None
    former: bool
    spans: list[tuple[int, int]] = field(default_factory=list)  # character offsets


class ActorResolver:
    """Resolution over one KB, shared by every article of a pipeline."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    # -- 1. scan ----------------------------------------------------------------------------------
    def units(self, sdoc: Any) -> list[tuple[str, int]]:
        """(folded word, token index) for the tokens a name can be made of; None-words break names."""
        out: list[tuple[str, int]] = []
        n = len(sdoc)
        for tok in sdoc:
            text = tok.text
            if text in ("-", "\u2010", "\u2011") and tok.i > 0 and not sdoc[tok.i - 1].whitespace_ \
                    and not tok.whitespace_:
                continue  # al-Assad, US-led: the hyphen joins
            folded = fold(text)
            if not folded:
                out.append(("", tok.i))
                continue
            for w in folded.split():
                nxt = sdoc[tok.i + 1] if tok.i + 1 < n else None
                if w in PARTICLES and nxt is not None and (nxt.text[:1].isupper() or nxt.text == "-") \
                        and text[:1].islower() | text[:1].isupper():
                    continue  # al-, el-, bin before a name part
                out.append((w, tok.i))
        return out

    def scan(self, sdoc: Any) -> list[Piece]:
        kb = self.kb
        units = self.units(sdoc)
        pieces: list[Piece] = []
        i = 0
        while i < len(units):
            if not units[i][0]:
                i += 1
                continue
            best_name: tuple[int, list[Entry]] | None = None
            best_agent: tuple[int, Agent] | None = None
            words: list[str] = []
            for j in range(i, min(len(units), i + kb.max_tokens + 1)):
                w = units[j][0]
                if not w:
                    break
                words.append(w)
                key = " ".join(words)
                found = kb.exact(key) or kb.stem_match(key)
                if found and self._plausible(sdoc, units[i][1], units[j][1], key):
                    best_name = (j, found)
                agent = kb.agent(key)
                if agent is not None:
                    best_agent = (j, agent)
                if not kb.is_key_prefix(key):
                    break
            if best_name and (not best_agent or best_name[0] >= best_agent[0]):
                j, entries = best_name
                pieces.append(Piece(units[i][1], units[j][1] + 1, "entry", entries))
                i = j + 1
            elif best_agent:
                j, agent = best_agent
                pieces.append(Piece(units[i][1], units[j][1] + 1, "agent", agent=agent))
                i = j + 1
            else:
                i += 1
        # spaCy entities the dictionary missed
        covered: set[int] = set()
        for p in pieces:
            covered.update(range(p.start, p.end))
        for ent in sdoc.ents:
            if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP"):
                continue
            toks = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
            if toks and any(t.i in covered for t in toks):
                # "Arnor President Umbardacil" as one ORG: the dictionary has the country and the title;
                # the capitalised words after them are the name
                last = max(t.i for t in toks if t.i in covered)
                toks = [t for t in toks if t.i > last]
                if not toks or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in toks):
                    continue
            if not toks:
                continue
            start, end = toks[0].i, toks[-1].i + 1
            while end > start and sdoc[end - 1].tag_ == "POS":
                end -= 1
            if end > start:
                pieces.append(Piece(start, end, "name", label=ent.label_))
        pieces.sort(key=lambda p: p.start)
        return pieces

    @staticmethod
    def _plausible(sdoc: Any, first: int, last: int, key: str) -> bool:
        """Names are capitalised; a short single-word key (IS, US, UN) must be upper case in the text."""
        toks = sdoc[first : last + 1]
        if not any(t.text[:1].isupper() for t in toks):
            return False
        if " " not in key and len(key) <= 3:
            text = toks.text.replace(".", "")
            return text.isupper() and len(text) > 1
        if first == last and toks[0].is_sent_start and toks[0].text.lower() in COMMON_SENTENCE_STARTS:
            return False
        return True

    # -- 2. compose -------------------------------------------------------------------------------
    def compose(self, sdoc: Any, pieces: list[Piece]) -> list[Mention]:
        mentions: list[Mention] = []
        k = 0
        while k < len(pieces):
            chain = [pieces[k]]
            while k + 1 < len(pieces) and self._adjacent(sdoc, chain[-1], pieces[k + 1]):
                nxt = pieces[k + 1]
                if nxt.kind in ("entry", "name") and chain[-1].kind in ("entry", "name") and \
                        not self._countrylike(chain[-1]):
                    break  # two names in a row are two actors ("Russia Syria" lists)
                chain.append(nxt)
                k += 1
            mentions.extend(self._chain_mentions(sdoc, chain))
            k += 1
        mentions.extend(self._possessives_and_led(sdoc, pieces, mentions))
        return mentions

    @staticmethod
    def _adjacent(sdoc: Any, a: Piece, b: Piece) -> bool:
        if b.start == a.end:
            return True
        gap = sdoc[a.end : b.start]
        return all(t.text in ("-",) for t in gap) and len(gap) <= 1

    @staticmethod
    def _countrylike(p: Piece) -> bool:
        return p.kind == "entry" and p.entries[0].kind in NAME_KINDS_COUNTRYLIKE

    def _chain_mentions(self, sdoc: Any, chain: list[Piece]) -> list[Mention]:
        """country* agent* name? -> one mention (or the pieces themselves when they do not compose)."""
        start = chain[0].start
        former = self._former_before(sdoc, start)
        country: str | None = None
        cpiece: Piece | None = None
        agents: list[Agent] = []
        name: Piece | None = None
        out: list[Mention] = []
        for p in chain:
            if name is not None:
                if p.kind == "agent" and name.kind == "entry" and name.entries[0].kind != PERSON:
                    # "Islamic State militants": the sector noun belongs to the group
                    name = Piece(name.start, p.end, name.kind, name.entries, label=name.label)
                    continue
                out.extend(self._chain_mentions(sdoc, [p]))
                continue
            if self._countrylike(p) and (not agents or (cpiece is None and all(a.prefix for a in agents))):
                if cpiece is not None:
                    out.append(self._entry_mention(sdoc, cpiece, False))
                    start = p.start
                res = p.entries[0].resolve(None)
                country = res.country or res.code
                cpiece = p
            elif p.kind == "agent":
                agents.append(p.agent)  # type: ignore[arg-type]
            else:
                name = p
        end = chain[-1].end if name is None else name.end
        if name is not None:
            m = self._entry_mention(sdoc, name, former) if name.kind == "entry" else Mention(
                name.start, name.end, _NAME_KIND.get(name.label, "org?"), former=former)
            if country or agents:
                m.start = start
                m.country = country
                m.agent = agents[-1] if agents else None
                if m.kind == "org?" and agents:
                    m.kind = "person?"  # "Foreign Minister Walid Muallem" even if NER said ORG
            m.start = self._honorific_start(sdoc, m.start)
            m.end = end if name.kind == "entry" else m.end
            out.append(m)
        elif agents:
            head_tok = sdoc[chain[-1].end - 1]
            if head_tok.dep_ in ("compound", "amod") and head_tok.head.i >= chain[-1].end and \
                    head_tok.head.pos_ in ("NOUN", "PROPN"):
                return out  # "the military campaign": the sector word only modifies another noun
            plural = head_tok.tag_ in ("NNS", "NNPS")
            kind = "title" if (not plural and self._is_title(agents[-1])) else "sector"
            if country is None:
                kind = "anaphor"
            s = self._det_start(sdoc, start)
            prefix = "".join(a.code for a in agents[:-1] if a.prefix) if country else ""
            out.append(Mention(s, end, kind, country=country, agent=agents[-1], former=former, plural=plural,
                               head=head_tok.lower_, prefix=prefix))
        elif cpiece is not None:
            out.append(self._entry_mention(sdoc, cpiece, former))
        return out

    @staticmethod
    def _is_title(agent: Agent) -> bool:
        return any(w in TITLE_WORDS for w in agent.phrase.split())

    @staticmethod
    def _former_before(sdoc: Any, start: int) -> bool:
        for t in sdoc[max(0, start - 3) : start]:
            if t.lower_ in FORMER_WORDS:
                return True
        return False

    @staticmethod
    def _det_start(sdoc: Any, start: int) -> int:
        if start > 0 and sdoc[start - 1].lower_ in DETERMINERS:
            return start - 1
        return start

    @staticmethod
    def _honorific_start(sdoc: Any, start: int) -> int:
        if start > 0 and fold(sdoc[start - 1].text) in HONORIFICS and sdoc[start - 1].text[:1].isupper():
            return start - 1
        return start

    def _entry_mention(self, sdoc: Any, p: Piece, former: bool) -> Mention:
        return Mention(p.start, p.end, "entry", entry=p.entries[0], former=former)

    def _possessives_and_led(self, sdoc: Any, pieces: list[Piece], mentions: list[Mention]) -> list[Mention]:
        """"Assad's army" -> SYR MIL; "the US-led international coalition" -> one coalition actor."""
        extra: list[Mention] = []
        by_end = {m.end: m for m in mentions if m.kind in ("entry", "person?")}
        agent_at = {p.start: p for p in pieces if p.kind == "agent"}
        for end, m in by_end.items():
            # possessive: NAME 's AGENT
            if end < len(sdoc) and sdoc[end].tag_ == "POS" and end + 1 in agent_at:
                ap = agent_at[end + 1]
                extra.append(Mention(self._det_start(sdoc, m.start), ap.end, "sector", agent=ap.agent,
                                     country=None, text="poss", head=sdoc[ap.end - 1].lower_,
                                     entry=m.entry, former=m.former))
            # X-led ... coalition
            if end + 1 < len(sdoc) and sdoc[end].text == "-" and sdoc[end + 1].lower_ in ("led", "backed") \
                    and m.entry is not None and m.entry.kind in NAME_KINDS_COUNTRYLIKE:
                j = end + 2
                while j < len(sdoc) and j < end + 6 and sdoc[j].tag_ in ("JJ", "NNP", "NN", "NNS") \
                        and sdoc[j].lower_ not in LED_HEADS:
                    j += 1
                if j < len(sdoc) and sdoc[j].lower_ in LED_HEADS:
                    extra.append(Mention(self._det_start(sdoc, m.start), j + 1, "led", entry=m.entry,
                                         head=sdoc[j].lower_, text=sdoc[end + 1].lower_))
        return extra

    # -- 3. assign --------------------------------------------------------------------------------
    def resolve(self, sdoc: Any, date: str | None) -> list[ActorOut]:
        day = date or _dt.date.today().isoformat()
        pieces = self.scan(sdoc)
        mentions = self.compose(sdoc, pieces)
        mentions.extend(self._nominal_anaphors(sdoc, pieces, mentions))
        mentions.sort(key=lambda m: (sdoc[m.start].idx, -m.end))
        actors: dict[str, ActorOut] = {}
        order: list[str] = []
        assigned: list[tuple[Mention, str]] = []

        def add(key: str, make: Any, m: Mention) -> None:
            if key not in actors:
                actors[key] = make()
                order.append(key)
            a = actors[key]
            a.spans.append((sdoc[m.start].idx, sdoc[m.end - 1].idx + len(sdoc[m.end - 1].text)))
            a.former = a.former or m.former
            assigned.append((m, key))

        # pass 1: dictionary entries and full names
        pending: list[Mention] = []
        for m in mentions:
            if m.kind == "entry" and m.entry is not None:
                e = self._pick(m.entry, day)
                res = e.resolve(day)
                made = self._actor_from_entry(e, res, m)
                # "Dagolath ... Prime Minister Telemar" (one entry): the titled mention is its own actor
                entry_key = e.kb_id if made.code == res.code else f"{e.kb_id}:{made.code}"
                if entry_key != e.kb_id:
                    made.key = entry_key
                add(entry_key, lambda made=made: made, m)
            else:
                pending.append(m)
        # pass 2: names not in the dictionary: in-document variants first, then KB spelling variants
        for m in [m for m in pending if m.kind in ("person?", "org?", "place?")]:
            alias = self._parenthetical_alias(sdoc, m, assigned)
            if alias is not None:
                add(alias, lambda alias=alias: actors[alias], m)  # "the European Union (EU)"
                continue
            text = self._name_text(sdoc, m)
            key = self._match_doc_person(text, actors)
            if key is None and m.kind == "place?":
                continue  # an unknown place or nationality is not an actor (NER calls "Mualem" a GPE)
            if key is None and m.kind == "person?" and len(person_parts(text)) >= 2:
                # Spelling variants from the KB only for full names, and only people in office on the
                # date (a bare "Javid" or a namesake minister of 2003 must not capture the mention).
                cands = [c for c in self.kb.fuzzy_person(text)
                         if self._in_office(c, day) and c.priority >= CURATED_PRIORITY]
                if m.country:
                    cands = [c for c in cands if c.resolve(day).country == m.country]
                if cands:
                    e = cands[0]
                    res = e.resolve(day)
                    add(e.kb_id, lambda e=e, res=res, m=m: self._actor_from_entry(e, res, m), m)
                    continue
            if key is None:
                key = f"name:{fold(text)}"
                code = (m.country or "") + (m.agent.code if m.agent else "") if (m.country or m.agent) else None
                country, sector = split_code(code) if code else (m.country, None)
                add(key, lambda key=key, text=text, m=m, code=code, country=country, sector=sector: ActorOut(
                    key, text, "person" if m.kind == "person?" else "org", country or m.country, sector,
                    code or None, None, m.agent.phrase.title() if m.agent else None, m.former), m)
            else:
                add(key, lambda key=key: actors[key], m)
        # pass 3: titles, sectors, coalitions, anaphors, in text order
        for m in sorted([m for m in pending if m.kind not in ("person?", "org?", "place?")],
                        key=lambda m: sdoc[m.start].idx):
            key = self._resolve_nominal(sdoc, m, actors, assigned, day)
            if key is None:
                continue
            if isinstance(key, list):
                for k, make in key:
                    add(k, make, m)
            elif isinstance(key, tuple):
                key, make = key
                add(key, make, m)
            else:
                add(key, lambda key=key: actors[key], m)
        # pass 4: pronouns of people
        self._pronouns(sdoc, actors, assigned, add)
        return [self._finish(actors[k]) for k in order]

    def _pick(self, entry: Entry, day: str) -> Entry:
        return entry

    @staticmethod
    def _in_office(entry: Entry, day: str) -> bool:
        res = entry.resolve(day)
        return res.code is not None and not res.former and any(r.holds_on(day) for r in entry.roles)

    @staticmethod
    def _name_text(sdoc: Any, m: Mention) -> str:
        toks = [t for t in sdoc[m.start : m.end] if fold(t.text) not in HONORIFICS]
        # keep the capitalised name at the end (drop a leading title)
        names: list[Any] = []
        for t in reversed(toks):
            if t.text[:1].isupper() or t.text == "-" or fold(t.text) in PARTICLES:
                names.append(t)
            else:
                break
        names.reverse()
        return "".join(t.text_with_ws for t in names).strip() or sdoc[m.start : m.end].text

    def _match_doc_person(self, text: str, actors: dict[str, ActorOut]) -> str | None:
        for key, a in actors.items():
            if a.kind == PERSON and (same_person(text, a.name) or any(same_person(text, n) for n in a_names(a))):
                return key
        return None

    def _actor_from_entry(self, e: Entry, res: Resolution, m: Mention) -> ActorOut:
        country, sector, code = res.country, res.sector, res.code
        role = res.title
        if code is None and (m.country or m.agent):
            code = (m.country or "") + (m.agent.code if m.agent else "")
            country, sector = split_code(code)
        elif code is not None and m.agent is not None and sector is None and len(code) == 3 and \
                m.agent.sector != code:
            # "Bree Prime Minister Romendacil" with Romendacil coded BRE: the title adds its sector (BREGOV),
            # as PETRARCH composes an agent with the actor it precedes.
            code = m.agent.code + code if m.agent.prefix else code + m.agent.code
            country, sector = split_code(code)
        if role is None and m.agent is not None and e.kind == PERSON:
            role = m.agent.phrase.title()
        return ActorOut(e.kb_id, e.name, e.kind, country, sector, code, e.kb_id, role, res.former or m.former)

    def _resolve_nominal(self, sdoc: Any, m: Mention, actors: dict[str, ActorOut],
                         assigned: list[tuple[Mention, str]], day: str) -> Any:
        if m.kind == "led" and m.entry is not None:
            cc = m.entry.resolve(day).country or m.entry.resolve(day).code
            country_text = sdoc[m.start + (1 if sdoc[m.start].lower_ in DETERMINERS else 0)].text
            name = f"{country_text}-{m.text} {m.head}"
            key = f"led:{cc}:{m.head}"
            return key, lambda: ActorOut(key, name, "coalition", cc, "MIL", f"{cc}MIL", None,
                                         f"{m.head} {m.text} by {m.entry.name}", False)  # type: ignore[union-attr]
        if m.kind == "sector" and m.text == "poss" and m.entry is not None:
            cc = m.entry.resolve(day).country
            if cc is None:
                return None
            if m.agent is not None and m.entry.kind in NAME_KINDS_COUNTRYLIKE and self._is_title(m.agent) \
                    and sdoc[m.end - 1].tag_ not in ("NNS", "NNPS"):
                # "Iran's president": the holder of that office named in this text, if any
                holder = self._title_holder(Mention(m.start, m.end, "title", country=cc, agent=m.agent), actors, day)
                if holder is not None:
                    return holder
            return self._sector_actor(cc, m.agent, sdoc, m)  # type: ignore[arg-type]
        if m.kind == "title" and m.country:
            # "the Russian Foreign Minister": the person in this text holding that office, if any
            holder = self._title_holder(m, actors, day)
            if holder is not None:
                return holder
            return self._sector_actor(m.country, m.agent, sdoc, m)  # type: ignore[arg-type]
        if m.kind == "sector" and m.country:
            return self._sector_actor(m.country, m.agent, sdoc, m)  # type: ignore[arg-type]
        if m.kind == "anaphor":
            owners = self._of_owners(sdoc, m, assigned, actors)
            if owners and m.agent is not None:
                # "the ambassadors of A, B and C": one actor per owner, all named by this mention
                return [self._sector_actor(c, m.agent, sdoc, m) for c in owners]
            shared = self._shared_modifier(sdoc, m, assigned, actors)
            if shared is not None and m.agent is not None:
                return self._sector_actor(shared, m.agent, sdoc, m)
            return self._antecedent(sdoc, m, actors, assigned)
        return None

    def _sector_actor(self, country: str, agent: Agent, sdoc: Any, m: Mention) -> Any:
        code = m.prefix + (agent.code + country if agent.prefix else country + agent.code)
        key = f"sector:{code}"
        label = self.kb.by_id(f"country:{country}")
        cname = label.name if label is not None else country
        c, s = split_code(code)
        noun = SECTOR_NOUNS.get(s or agent.sector, agent.phrase)
        name = f"{noun[:1].upper()}{noun[1:]} of {cname}"
        return key, lambda: ActorOut(key, name, "sector", c or country, s, code, None, noun, False)

    def _title_holder(self, m: Mention, actors: dict[str, ActorOut], day: str) -> str | None:
        phrase = m.agent.phrase if m.agent else ""
        for key, a in actors.items():
            if a.kind != PERSON or a.country != m.country or not a.role:
                continue
            role = fold(a.role)
            if phrase and (phrase in role or role in phrase) and not role.startswith("deputy") | phrase.startswith(
                    "deputy") ^ role.startswith("deputy"):
                return key
        return None

    @staticmethod
    def _parenthetical_alias(sdoc: Any, m: Mention, assigned: list[tuple[Mention, str]]) -> str | None:
        """An acronym in brackets right after a resolved name is another name of that actor."""
        if m.start < 2 or m.end >= len(sdoc) or sdoc[m.start - 1].text != "(" or sdoc[m.end].text != ")":
            return None
        text = sdoc[m.start : m.end].text.replace(".", "")
        if not (text.isupper() and text.isalpha() and 2 <= len(text) <= 8):
            return None
        return next((key for x, key in assigned if x.end == m.start - 1), None)

    @staticmethod
    def _of_owners(sdoc: Any, m: Mention, assigned: list[tuple[Mention, str]],
                   actors: dict[str, ActorOut]) -> list[str]:
        """"the government of Syrian President Bashar al-Assad" -> [SYR]; "lawmakers in A and B" -> [A, B]
        (of/in/from, and every country coordinated with the first owner)."""
        at = m.end
        if at >= len(sdoc) or sdoc[at].lower_ not in ("of", "in", "from"):
            # "lawmakers and officials in Arnor": the preposition hangs on the noun in the parse
            head = sdoc[m.end - 1]
            preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "in", "from")]
            if not preps:
                return []
            at = preps[0].i
        def owner_code(key: str) -> str | None:
            a = actors[key]
            if a.country:
                return a.country
            # "the activists of Amnesty International": an organisation owns by its own code
            return a.code if a.kind != PERSON and a.code and a.code[:3] in ORG_TYPES else None

        first = next(((x, key) for x, key in assigned if x.start in (at + 1, at + 2) and owner_code(key)), None)
        if first is None:
            return []
        owners = [owner_code(first[1]) or ""]
        owner_head = sdoc[first[0].start : first[0].end].root
        for conj in owner_head.conjuncts:
            key = next((k for x, k in assigned if x.start <= conj.i < x.end), None)
            code = owner_code(key) if key is not None else None
            if code and code not in owners:
                owners.append(code)
        return owners

    @staticmethod
    def _shared_modifier(sdoc: Any, m: Mention, assigned: list[tuple[Mention, str]],
                         actors: dict[str, ActorOut]) -> str | None:
        """"the Danish media and government": a bare sector noun coordinated with a country's sector noun
        shares its country."""
        head = sdoc[m.end - 1]
        if head.dep_ != "conj" or any(c.dep_ in ("amod", "compound", "poss", "nmod") for c in head.lefts):
            return None
        first = head.head
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        for x, key in assigned:
            if x.start <= first.i < x.end and actors[key].sector and actors[key].country and x.end - 1 == first.i:
                return actors[key].country
        return None

    def _antecedent(self, sdoc: Any, m: Mention, actors: dict[str, ActorOut],
                    assigned: list[tuple[Mention, str]]) -> str | None:
        """"the group" -> the last group/organisation actor; "the government" -> the last actor of that sector."""
        if sdoc[m.start].lower_ not in DETERMINERS:
            return None
        here = sdoc[m.start].idx
        before = sorted(((sdoc[x.start].idx, k) for x, k in assigned if sdoc[x.start].idx < here), reverse=True)
        want_group = m.head in GROUP_NOUNS or (m.agent is not None and m.agent.phrase.split()[-1] in GROUP_NOUNS)
        for _, key in before:
            a = actors[key]
            if want_group and a.kind in ("group", "org", "coalition") and (
                    m.head != "coalition" or "coalition" in a.name.lower() or a.kind == "coalition"):
                return key
            if not want_group and m.agent is not None and m.agent.sector in POLITICAL_SECTORS and \
                    a.sector == m.agent.sector and a.kind != PERSON:
                return key
        return None

    def _nominal_anaphors(self, sdoc: Any, pieces: list[Piece], mentions: list[Mention]) -> list[Mention]:
        """"the group", "this rebel group", "the organization" when no agent covers the noun."""
        covered: set[int] = set()
        for m in mentions:
            covered.update(range(m.start, m.end))
        out: list[Mention] = []
        for t in sdoc:
            if t.lower_ in GROUP_NOUNS and t.i not in covered and t.tag_ in ("NN", "NNS"):
                start = t.i
                while start > 0 and sdoc[start - 1].tag_ in ("JJ", "NN", "VBN") and start > t.i - 3:
                    start -= 1
                if start > 0 and sdoc[start - 1].lower_ in DETERMINERS:
                    out.append(Mention(start - 1, t.i + 1, "anaphor", head=t.lower_))
        return out

    def _pronouns(self, sdoc: Any, actors: dict[str, ActorOut], assigned: list[tuple[Mention, str]],
                  add: Any) -> None:
        """he/his/she/her -> the nearest person actor mentioned before, within two sentences, whose gender
        (from "Mr."/"Mrs."/"Ms.", a gendered title, or an earlier pronoun) does not conflict."""
        persons = sorted((m.start, k, m) for m, k in assigned if actors[k].kind == PERSON)
        if not persons:
            return
        gender: dict[str, str] = {}
        for _, k, m in persons:
            g = _gender_of_mention(sdoc, m)
            if g:
                gender.setdefault(k, g)
        sent_of = {t.i: n for n, s in enumerate(sdoc.sents) for t in s}
        for t in sdoc:
            if t.lower_ not in PERSON_PRONOUNS or t.pos_ != "PRON":
                continue
            want = "m" if t.lower_ in MALE_PRONOUNS else "f"
            cands = [(start, key, m) for start, key, m in reversed([p for p in persons if p[2].end <= t.i])
                     if sent_of[t.i] - sent_of[start] <= 2 and gender.get(key, want) == want]
            if not cands:
                continue
            chosen = cands[0]
            if t.dep_.startswith("nsubj"):
                # a subject pronoun continues the last subject ("Riedijk met Basu. She said ...")
                subjects = [c for c in cands if sdoc[c[2].start : c[2].end].root.dep_.startswith("nsubj")]
                if subjects:
                    chosen = subjects[0]
            key = chosen[1]
            gender.setdefault(key, want)
            add(key, lambda key=key: actors[key], Mention(t.i, t.i + 1, "pronoun"))

    @staticmethod
    def _finish(a: ActorOut) -> ActorOut:
        """Sorted, de-duplicated spans with no two overlapping (the longer wins)."""
        spans = sorted(set(a.spans), key=lambda s: (s[0], -(s[1] - s[0])))
        kept: list[tuple[int, int]] = []
        for s in spans:
            if kept and s[0] < kept[-1][1]:
                continue
            kept.append(s)
        a.spans = kept
        return a


def a_names(a: ActorOut) -> list[str]:
    return [a.name]


# Spelling-variant matches against the KB use only curated entries (the project supplement and user
# dictionaries): the 17k generated Phoenix person names are full of stale namesakes.
CURATED_PRIORITY = 20
POLITICAL_SECTORS = frozenset({"GOV", "MIL", "OPP", "REB", "COP", "UAF", "LEG", "JUD", "SPY", "PTY"})
_NAME_KIND = {"PERSON": "person?", "ORG": "org?", "GPE": "place?", "NORP": "place?"}
