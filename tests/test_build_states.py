"""pipeline/actors/build_states.py: the committed states.yaml is what it generates."""

from __future__ import annotations

import pytest
import yaml

from pipeline.actors import build_states


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return build_states.build()


def test_the_committed_file_is_what_the_generator_writes(tmp_path, monkeypatch, capsys):
    committed = build_states.OUT.read_bytes()
    monkeypatch.setattr(build_states, "OUT", tmp_path / "states.yaml")
    build_states.main()
    assert (tmp_path / "states.yaml").read_bytes() == committed
    assert "wrote 196 states" in capsys.readouterr().out


def test_rows_read_back(rows):
    assert yaml.safe_load(build_states.OUT.read_text(encoding="utf-8")) == rows


def test_un_members_and_observers_not_territories(rows):
    by_id = {r["id"]: r for r in rows}
    assert (by_id["BLR"]["name_en"], by_id["BLR"]["name_ja"], by_id["BLR"]["un"]) == ("Belarus", "ベラルーシ", "member")
    assert by_id["PSE"]["un"] == by_id["VAT"]["un"] == "observer"
    assert by_id["TWN"]["un"] == "non-member"  # news treats Taiwan as a state actor
    assert not {"HKG", "PRI", "GUM", "ATA", "GRL"} & by_id.keys()  # territories, Antarctica
    assert all(r["name_en"] not in r["aliases_en"] for r in rows)


@pytest.mark.parametrize(
    "cldr,variants",
    [
        ("ベラルーシ", ["ベラルーシ"]),
        ("コンゴ民主共和国(キンシャサ)", ["コンゴ民主共和国(キンシャサ)", "コンゴ民主共和国"]),  # the city is no name
        ("ミャンマー (ビルマ)", ["ミャンマー (ビルマ)", "ミャンマー", "ビルマ"]),
        ("チャド(北部)", ["チャド(北部)", "チャド"]),  # 2 characters: too short a name
        ("北マケドニア(マケドニア共和国)", ["北マケドニア(マケドニア共和国)", "北マケドニア", "マケドニア共和国"]),
    ],
)
def test_japanese_variants(cldr, variants):
    assert build_states._variants_ja(cldr) == variants


def test_english_name_avoids_disambiguated_forms():
    class Country:
        name = "Congo, The Democratic Republic of the"
        common_name = "DR Congo"

    assert build_states._name_en("Congo - Kinshasa", Country) == "DR Congo"
    assert build_states._name_en("Belarus", Country) == "Belarus"
