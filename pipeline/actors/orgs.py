"""Organisations the knowledge base does not know, made from their form.

A name ending in an organisation suffix (lexicon.yaml `org_suffixes`: 〜大学, 〜新聞,
〜党, 〜株式会社) gets the suffix's CAMEO sector and an English name in the suffix's
form (早稲田大学 -> Waseda University, 朝日新聞 -> Asahi Shimbun); a state or place
that begins the name gives its country (ソウル新聞 -> KOR). A katakana loanword
that UniDic knows is spelled as its English source (ユニクロ -> Uniqlo, ツイッター
-> Twitter), other names are romanised (Hepburn, cutlet).
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.actors.textutil import is_all_katakana, romanise
from pipeline.model import Actor

# 新聞 is romanised Shinbun by kana; the papers write Shimbun (m before b, p, m)
_HEPBURN_M = re.compile(r"n(?=[bpm])")


def org_suffix(surface: str, suffixes: dict) -> str:
    """The longest organisation suffix `surface` ends with ('' when none, or all of it)."""
    best = ""
    for suf in suffixes:
        if len(suf) > len(best) and surface.endswith(suf) and len(surface) > len(suf):
            best = suf
    return best


def org_english_name(surface: str, suffixes: dict, kb=None) -> str:
    """English name of an organisation from its form (see the module docstring); a
    head that is a state or place the KB knows keeps its English name (Seoul Shimbun)."""
    suf = org_suffix(surface, suffixes)
    head = surface[: len(surface) - len(suf)] if suf else surface
    place = _place(head, kb) if kb is not None and suf else None
    words = (kb.lexicon.get("org_words") or {}) if kb is not None else {}
    if head in words:  # 独島警備隊: Dokdo, as the organisation's own English name says
        name = words[head]
    else:
        name = place.name_en if place is not None else _english_words(head, words)
    form = (suffixes.get(suf) or {}).get("en", "{}") if suf else "{}"
    if suf and form == "{}":
        return name
    if suf in ("新聞", "新聞社"):
        name = _HEPBURN_M.sub("m", name)
    return form.format(name).strip() if name else ""


_SCRIPT_RUNS = re.compile(r"[\u30a1-\u30fa\u30fc・]+|[^\u30a1-\u30fa\u30fc・]+")


def _english_words(head: str, known: dict | None = None) -> str:
    """Each katakana loanword UniDic knows keeps its English spelling (インクリメントP
    -> Increment P, セレッソ大阪 -> Cerezo Osaka); a word of names the lexicon translates
    (`org_words`: 大韓 Korea, 国際 International) its English; anything else is romanised."""
    words = []
    for run in _SCRIPT_RUNS.findall(head):
        bare = run.strip("・")
        if not bare:
            continue
        if is_all_katakana(bare):
            words.append(_loanword(bare) or romanise(bare))
        elif bare.isascii():
            words.append(bare)
        else:
            words += _translated(bare, known or {})
    return " ".join(w for w in words if w)


def _translated(run: str, known: dict) -> list[str]:
    """A run of kanji (and kana) as English words: the longest word the lexicon knows at
    each point, the characters between romanised together."""
    out: list[str] = []
    rest, i = "", 0
    longest = max(map(len, known), default=0)
    while i < len(run):
        word = next((run[i : i + n] for n in range(min(longest, len(run) - i), 0, -1) if run[i : i + n] in known), "")
        if word:
            if rest:
                out.append(romanise(rest))
                rest = ""
            out.append(known[word])
            i += len(word)
        else:
            rest += run[i]
            i += 1
    if rest:
        out.append(romanise(rest))
    return out


def _place(head: str, kb):
    """The state or place the KB knows by exactly this name, else None."""
    for entry in kb.surfaces.get(head, ()):
        if entry.kind == "actor":
            actor = kb.get(entry.key)
            if actor.type in ("STATE", "PLACE"):
                return actor
    return None


@lru_cache(maxsize=4096)
def _loanword(katakana: str) -> str:
    """The English source of a katakana word UniDic knows as ONE word (ツイッター ->
    Twitter), else ''. Several words (プレ|シアン) are a name UniDic does not know."""
    words = _foreign_cutlet().tagger(katakana)
    if len(words) != 1 or words[0].is_unk:
        return ""
    lemma = words[0].feature.lemma or ""
    if "-" not in lemma:
        return ""
    source = lemma.split("-", 1)[1]
    if not re.fullmatch(r"[A-Za-z][A-Za-z .&'-]*", source):
        return ""
    return source[:1].upper() + source[1:]


@lru_cache(maxsize=1)
def _foreign_cutlet():
    import cutlet

    return cutlet.Cutlet()  # use_foreign_spelling on: its tagger reads UniDic lemmas


def org_country(surface: str, kb) -> str:
    """The country of a state or place that begins the name (ソウル新聞, 韓国日報), else ''."""
    for end in range(len(surface) - 1, 1, -1):
        for entry in kb.surfaces.get(surface[:end], ()):
            if entry.kind != "actor":
                continue
            actor = kb.get(entry.key)
            if actor.type in ("STATE", "PLACE") and actor.country:
                return actor.country
    return ""


def org_actor(actor_id: str, surface: str, kb) -> Actor:
    """A new organisation with the sector, country and English name its form gives."""
    suffixes = kb.lexicon.get("org_suffixes") or {}
    suf = org_suffix(surface, suffixes)
    sector = (suffixes.get(suf) or {}).get("sector", "") if suf else ""
    return Actor(
        actor_id,
        "ORG",
        org_english_name(surface, suffixes, kb) or romanise(surface),
        surface,
        org_country(surface, kb),
        sector,
        False,
        [surface],
    )
