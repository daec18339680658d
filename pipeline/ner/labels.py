"""The single label mapping from the training corpora to the model's label set.

The model predicts three labels:

    PERSON  people                       GSD PERSON;  ner-wikipedia 人名
    ORG     organisations (incl. parties, GSD ORG, NORP-that-is-an-organisation;
            IGOs, companies)             ner-wikipedia 法人名, 政治的組織名, その他の組織名
    LOC     countries, regions, places   GSD GPE, LOC;  ner-wikipedia 地名

Everything else (GSD FAC/PRODUCT/EVENT/DATE/... and ner-wikipedia 施設名/製品名/
イベント名) is "O" (not an entity). GSD's NORP mixes nationalities, religions and
political parties/IGOs (GiNZA's mapping): a NORP span whose text looks like an
organisation (`norp_is_org`) becomes ORG; every other NORP span is marked
*missing* (unknown) in training, so the model is neither rewarded nor punished there.

In the pipeline, model labels map to mention labels via `MENTION_LABEL`
(LOC -> PLACE: countries are in the knowledge base, so a model-only LOC is a place).
"""

from __future__ import annotations

import re

MODEL_LABELS = ("PERSON", "ORG", "LOC")

# source label -> model label; absent = not an entity ("O")
LABEL_MAP: dict[str, str] = {
    # UD Japanese GSD NE layer (OntoNotes-like, GiNZA)
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    # stockmark ner-wikipedia-dataset
    "人名": "PERSON",
    "法人名": "ORG",
    "政治的組織名": "ORG",
    "その他の組織名": "ORG",
    "地名": "LOC",
}

# Labels that are neither mapped nor "O": decided per span.
NORP = "NORP"
MISSING = "-"  # marker: annotation unknown for these tokens

_NORP_ORG_SUFFIX = re.compile(
    r"(党|会|学会|教会|教団|共同体|連合|機構|同盟|会議|機関|委員会|協会|連盟|院|軍|政府)$"
)
_NORP_ORG_NAMES = frozenset(
    {
        "国連",
        "EU",
        "ECOWAS",
        "NATO",
        "ASEAN",
        "自民",
        "公明",
        "民主",
        "自由民主",
        "日共",
        "創価",
        "幸福の科学",
        "オウム",
        "オウム真理教",
        "アレフ",
        "エホバの証人",
        "連合国",
    }
)


def norp_is_org(text: str) -> bool:
    """GSD NORP spans that name an organisation (party, IGO, religious body)."""
    text = text.strip()
    return text in _NORP_ORG_NAMES or bool(_NORP_ORG_SUFFIX.search(text))


def map_label(label: str, text: str = "") -> str | None:
    """Model label for a source span: "PERSON"/"ORG"/"LOC", MISSING, or None (= O)."""
    if label in LABEL_MAP:
        return LABEL_MAP[label]
    if label == NORP:
        return "ORG" if norp_is_org(text) else MISSING
    return None


# model label -> pipeline Mention label (pipeline/model.py)
MENTION_LABEL: dict[str, str] = {"PERSON": "PERSON", "ORG": "ORG", "LOC": "PLACE"}

# pipeline Mention label -> model label, for comparing the rules-and-KB linker (GROUP: none)
FROM_MENTION_LABEL: dict[str, str] = {
    "PERSON": "PERSON",
    "STATE": "LOC",
    "PLACE": "LOC",
    "ORG": "ORG",
    "IGO": "ORG",
}
