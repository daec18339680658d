"""Polarity and modality of a coded predicate, from what follows it in the sentence.

polarity: negated when ない / ず / ぬ / ません follows the predicate (しなかった,
訪問せず, 行われない); a rhetorical ではないか is not a negation.

modality, first match wins:
- hypothetical: もし before it, a conditional form (〜ば, 〜たら, 〜なら), or a
  following 場合 / 可能性 / 恐れ / かもしれない / だろう / はず;
- intended: 〜たい, 〜(よ)うとする, or a following 方針 / 予定 / 考え / 構え / 意向 /
  つもり / 計画;
- reported: a following quotation verb in the passive or 言う
  (〜とされる, 〜と報じられる, 〜と伝えられる, 〜とみられる, 〜という);
- asserted otherwise. demanded / considered are given by the coder to acts
  embedded under 求める / 検討する.
"""

from __future__ import annotations

from pipeline.events.clauses import NP, Pred

INTENT_NOUNS = {"方針", "予定", "考え", "構え", "意向", "つもり", "計画", "意思", "意図"}
HYPOTHETICAL_NOUNS = {
    "場合",
    "可能性",
    "恐れ",
    "虞",
    "おそれ",
    "はず",
    "筈",
    "懸念",
    "見通し",
    "見込み",
    "公算",
}
REPORT_VERBS_PASSIVE = {
    "為る",
    "報じる",
    "報ずる",
    "伝える",
    "見る",
    "言う",
    "指摘",
    "報道",
    "推測",
    "観測",
}
REPORT_VERBS_ACTIVE = {"言う", "主張"}  # 〜という, 〜と主張している (a claim)
MOSHI = {"若し", "もし", "仮に", "万一"}


def scheduled(modality: str, date: str, date_source: str, published: str) -> str:
    """An act stated as fact but dated, in its own clause, after the publication
    date is scheduled, not done (来月中国を訪問する, "will visit next month"): intended."""
    from pipeline.dates import is_after

    if modality == "asserted" and date_source == "clause" and is_after(date, published):
        return "intended"
    return modality


def mention_fields(
    sent, start: int, end: int, trigger: str, code: str, date: str, date_source: str,
    polarity: str, modality: str, location: str, published: str,
) -> dict:
    """The EventMention fields every coder (Japanese and English) fills the same way,
    for one trigger: the `scheduled` rule applied, the date's precision, caption flag."""
    from pipeline.dates import precision

    return dict(
        sentence_id=sent.sentence_id,
        start=start,
        end=end,
        trigger=trigger,
        event_code=code,
        date=date,
        date_precision=precision(date),
        date_source=date_source,
        polarity=polarity,
        modality=scheduled(modality, date, date_source, published),
        is_caption=sent.kind in ("caption", "heading"),
        location_actor_id=location,
    )


def polarity(*preds: Pred | None) -> str:
    return "negated" if any(p is not None and p.negated for p in preds) else "affirmed"


def modality(items: list[NP | Pred], k: int, trigger_start: int) -> str:
    """Modality of the predicate items[k] (its trigger starting at `trigger_start`)."""
    pred = items[k]
    assert isinstance(pred, Pred)
    if pred.hypothetical or _moshi_before(items, k):
        return "hypothetical"
    nxt = items[k + 1] if k + 1 < len(items) else None
    func = [t.lemma_ for t in pred.chunk.func]
    forms = [t.conj_form for t in pred.chunk.func] + [t.conj_form for t in pred.chunk.content]
    nxt_chunk = None
    if isinstance(nxt, NP) and pred.form == "rel":
        nxt_chunk = nxt.chunks[0]
    elif (
        isinstance(nxt, Pred)
        and not pred.chunk.comma
        and not (
            pred.chunk.func
            and pred.chunk.func[-1].tag_.startswith("助詞")
            and pred.chunk.func[-1].lemma_ != "て"
        )
    ):
        nxt_chunk = nxt.chunk  # 堅持する構えだ: the noun is itself the predicate
    if nxt_chunk is not None and nxt_chunk.content:
        head = nxt_chunk.content[0].lemma_
        text = nxt_chunk.text
        if head in HYPOTHETICAL_NOUNS or text.startswith(tuple(HYPOTHETICAL_NOUNS)):
            return "hypothetical"
        if head in INTENT_NOUNS or text.startswith(tuple(INTENT_NOUNS)):
            return "intended"
        if (
            head in ("ため", "為") and "た" not in func and isinstance(nxt, NP)
        ):  # purpose: 引き出すために
            return "intended"
    if "かも" in "".join(func) or _speculation_after(items, k):
        return "hypothetical"
    if "たい" in func or (any(f.startswith("意志推量形") for f in forms) and pred.form == "quote"):
        return "intended"
    if _announced_plan(items, k):
        return "intended"
    if _reported_after(items, k):
        return "reported"
    return "asserted"


def _moshi_before(items: list[NP | Pred], k: int) -> bool:
    for item in items[:k]:
        chunks = item.chunks if isinstance(item, NP) else [item.chunk]
        for c in chunks:
            if any(t.lemma_ in MOSHI or t.text in MOSHI for t in c.content):
                return True
    return False


def _speculation_after(items: list[NP | Pred], k: int) -> bool:
    """だろう / でしょう right after the predicate."""
    pred = items[k]
    assert isinstance(pred, Pred)
    surf = "".join(t.text for t in pred.chunk.func)
    return surf.endswith(("だろう", "でしょう", "かもしれない"))


def _reported_after(items: list[NP | Pred], k: int) -> bool:
    """A quotation closed by a reporting verb later in the sentence: 〜とされる, 〜という."""
    seen_quote = False
    for item in items[k:]:
        if isinstance(item, Pred):
            if item is items[k]:
                seen_quote = item.form == "quote"
                continue
            verb = item.verb
            lemma = verb.lemma_ if verb is not None else ""
            nouns = "".join(t.lemma_ for t in item.nouns)
            if seen_quote:
                if item.passive and (
                    lemma in REPORT_VERBS_PASSIVE or nouns in REPORT_VERBS_PASSIVE
                ):
                    return True
                if (
                    lemma in REPORT_VERBS_ACTIVE or nouns in REPORT_VERBS_ACTIVE
                ) and not item.passive:
                    return True
            seen_quote = item.form == "quote"
        else:
            if item.case == "to" or (item.head.particles[-1:] == ["と"]):
                seen_quote = seen_quote or False
    return False


ANNOUNCE_VERBS = {"発表", "表明", "明らか", "述べる", "言明", "通告", "通知", "決定", "決める"}


def _announced_plan(items: list[NP | Pred], k: int) -> bool:
    """「追放すると発表した」: a non-past act announced by its actor is a plan."""
    pred = items[k]
    assert isinstance(pred, Pred)
    if pred.form != "quote" or any(t.lemma_ in ("た", "だ") for t in pred.chunk.func):
        return False
    for item in items[k + 1 :]:
        if isinstance(item, Pred):
            verb = item.verb
            key = "".join(t.lemma_ for t in item.nouns) or (verb.lemma_ if verb is not None else "")
            return key in ANNOUNCE_VERBS or (verb is not None and verb.lemma_ in ANNOUNCE_VERBS)
    return False
