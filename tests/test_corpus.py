"""Articles on disk: front matter, errors, encodings, importing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.corpus import (
    ArticleError,
    add_file,
    article_id_for,
    list_article_files,
    parse_article,
    read_article,
)

GOOD = "---\ntitle: テスト\npublished: 2026-02\nlang: ja\nsource: 通信\nauthor: 某\nurl: https://example.org/a\n---\n本文である。\n"


def test_front_matter_fields():
    a = parse_article(GOOD.encode(), "x/a.md")
    assert (a.title, a.published, a.lang, a.source, a.author, a.url) == (
        "テスト", "2026-02", "ja", "通信", "某", "https://example.org/a")
    assert a.body == "本文である。\n"
    assert a.article_id == "x/a"


@pytest.mark.parametrize("published", ["2026", "2026-02", "2026-02-14"])
def test_published_precisions(published):
    a = parse_article(f"---\npublished: {published}\n---\n本文。".encode(), "a.md")
    assert a.published == published


def test_explicit_id_wins():
    assert parse_article("---\nid: my-id\n---\n本文。".encode(), "a.md").article_id == "my-id"


def test_no_front_matter_is_fine_and_lang_detected():
    a = parse_article("ロシアは原油の輸出を減らした。".encode(), "a.txt")
    assert a.lang == "ja" and a.published == ""
    b = parse_article(b"Russia cut oil exports to Belarus last year, officials said.", "b.txt")
    assert b.lang == "en"


@pytest.mark.parametrize(
    "data,reason",
    [
        (b"---\ntitle: [unclosed\n---\nbody", "bad front matter"),
        (b"---\n- a list\n---\nbody", "bad front matter"),
        (b"---\ntitle: x\nbody without end", "no closing '---'"),
        (b"---\npublished: 2026-13\n---\nbody", "invalid published date"),
        (b"---\npublished: 2026-02-30\n---\nbody", "invalid published date"),
        (b"---\npublished: last week\n---\nbody", "invalid published date"),
        (b"---\nlang: fr\n---\nbody", "unsupported lang"),
        (b"---\ntitle: x\n---\n  \n\n", "empty body"),
        (b"", "empty body"),
        ("本文".encode("shift_jis") + b"\x82", "not valid UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
    ],
)
def test_errors_name_file_and_reason(data, reason):
    with pytest.raises(ArticleError) as exc:
        parse_article(data, "sub/broken.md")
    assert reason in str(exc.value)
    assert "sub/broken.md" in str(exc.value)


def test_bom_and_crlf_are_accepted():
    a = parse_article("\ufeff---\r\ntitle: t\r\n---\r\n本文。\r\n".encode(), "a.md")
    assert a.title == "t" and a.body == "本文。\n"


def test_listing_skips_hidden_readme_and_other_files(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ["a.md", "sub/b.txt", "README.md", ".hidden.md", "_draft/c.md", "actors.yaml", "x.pdf"]:
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("本文。", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in list_article_files(tmp_path)] == ["a.md", "sub/b.txt"]


def test_article_id_is_stable():
    assert article_id_for("2026/feb/a.md") == "2026/feb/a"


BODY = "ベラルーシの大統領は会談した。\nロシアとの関係は悪化した。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "shift_jis", "cp932", "euc_jp"])
def test_add_detects_encoding(tmp_path, encoding):
    src = tmp_path / "in" / "article.txt"
    src.parent.mkdir()
    src.write_bytes(BODY.replace("\n", "\r\n").encode(encoding))
    corpus = tmp_path / "corpus"
    dest = add_file(src, corpus, {"title": "題", "published": "2026-02-14", "lang": "ja"})
    a = read_article(dest, corpus)
    assert a.body == BODY
    assert (a.title, a.published, a.lang) == ("題", "2026-02-14", "ja")
    assert dest.read_bytes().decode("utf-8")  # stored as UTF-8


def test_add_cp932_specific_characters(tmp_path):
    body = "①髙橋氏は～会談した。\n"  # NEC/IBM extensions exist only in CP932
    src = tmp_path / "a.txt"
    src.write_bytes(body.encode("cp932"))
    dest = add_file(src, tmp_path / "corpus", {})
    assert read_article(dest, tmp_path / "corpus").body == body


def test_add_never_overwrites_and_refuses_duplicates(tmp_path):
    corpus = tmp_path / "corpus"
    src = tmp_path / "a.txt"
    src.write_text(BODY, encoding="utf-8")
    add_file(src, corpus, {})
    with pytest.raises(ArticleError, match="same body"):
        add_file(src, corpus, {})
    other = tmp_path / "other" / "a.txt"
    other.parent.mkdir()
    other.write_text("別の本文。", encoding="utf-8")
    with pytest.raises(ArticleError, match="already exists"):
        add_file(other, corpus, {})


def test_add_rejects_bad_metadata_and_binary(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(BODY, encoding="utf-8")
    with pytest.raises(ArticleError, match="invalid published date"):
        add_file(src, tmp_path / "c", {"published": "yesterday"})
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\x00\x01\x02abc")
    with pytest.raises(ArticleError, match="binary"):
        add_file(binary, tmp_path / "c", {})
    pdf = tmp_path / "c.pdf"
    pdf.write_bytes(b"%PDF")
    with pytest.raises(ArticleError, match="unsupported file type"):
        add_file(pdf, tmp_path / "c", {})


def test_sample_article_in_corpus_has_its_metadata():
    from pathlib import Path

    corpus = Path(__file__).parent.parent / "corpus"
    a = read_article(corpus / "belarus_us_635.md", corpus)
    assert a.title == "ベラルーシ、米に接近（635号）"
    assert (a.published, a.author, a.lang) == ("2026-02", "石館", "ja")


# ------------------------------------------------------------------ hostile input


def _alias_bomb(levels: int) -> str:
    """Front matter whose last key expands to 9**levels strings (a 'billion laughs')."""
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    return "---\n" + "\n".join(lines) + f"\ntitle: *a{levels - 1}\n---\n本文。\n"


@pytest.mark.parametrize(
    "front,reason",
    [
        (_alias_bomb(6).split("---\n")[1], "aliases"),  # 531,441 strings from 300 bytes
        ("title: " + "[" * 3000 + "\n", "nested too deeply"),  # overflowed the YAML parser
        ("title: " + "長" * 70_000 + "\n", "front matter is larger than"),
    ],
    ids=["alias_bomb", "deep_nesting", "huge"],
)
def test_front_matter_over_a_limit_is_an_article_error(front, reason):
    with pytest.raises(ArticleError, match=reason) as exc:
        parse_article(f"---\n{front}---\n本文。".encode(), "sub/bomb.md")
    assert "sub/bomb.md" in str(exc.value)


def test_a_full_alias_bomb_is_refused_at_once():
    with pytest.raises(ArticleError, match="aliases"):
        parse_article(_alias_bomb(9).encode(), "bomb.md")  # 9**9 strings: 11 GB when expanded


def test_front_matter_values_are_the_text_written():
    a = parse_article(("---\nid: 0o17\ntitle: 1" + "0" * 5000 + "\nauthor: yes\nsource: 1e3\n---\n本文。").encode(), "a.md")
    # YAML 1.1 would read 0o17 as 15, yes as True, and a 5001-digit number that str() refuses
    assert (a.article_id, a.title, a.author, a.source) == ("0o17", "1" + "0" * 5000, "yes", "1e3")


def test_utf16_with_a_bom_is_read():
    a = parse_article("---\ntitle: 題\n---\n本文である。\n".encode("utf-16"), "a.md")
    assert (a.title, a.body) == ("題", "本文である。\n")


def test_nul_bytes_anywhere_make_a_binary_file():
    with pytest.raises(ArticleError, match="binary file"):
        parse_article(("本文。" + "あ" * 9000 + "\x00").encode(), "a.md")


def test_an_article_over_the_length_limit_is_refused_with_our_message():
    from pipeline.corpus import MAX_ARTICLE_CHARS

    with pytest.raises(ArticleError, match=f"limit is {MAX_ARTICLE_CHARS:,} characters"):
        parse_article(("あ" * (MAX_ARTICLE_CHARS + 1)).encode(), "long.md")
    assert parse_article(("あ" * MAX_ARTICLE_CHARS).encode(), "ok.md").body


def test_listing_survives_deeply_nested_folders(tmp_path):
    deep = str(tmp_path)
    for _ in range(1100):  # rglob's recursion hit the interpreter's limit (so do mkdir(parents=True) and rmtree)
        deep += "/d"
        os.mkdir(deep)
    (Path(deep) / "a.md").write_text("本文。", encoding="utf-8")
    try:
        assert [p.name for p in list_article_files(tmp_path)] == ["a.md"]
    finally:
        os.unlink(deep + "/a.md")
        while deep != str(tmp_path):
            os.rmdir(deep)
            deep = os.path.dirname(deep)


def test_symlinks_are_read_only_when_they_stay_inside_the_corpus(tmp_path):
    from pipeline.corpus import scan_corpus

    corpus, outside = tmp_path / "corpus", tmp_path / "outside"
    (corpus / "sub").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.txt").write_text("外の秘密。", encoding="utf-8")
    (corpus / "sub" / "real.md").write_text("本文。", encoding="utf-8")
    (corpus / "out.txt").symlink_to(outside / "secret.txt")
    (corpus / "in.md").symlink_to(corpus / "sub" / "real.md")
    (corpus / "linked_dir").symlink_to(outside, target_is_directory=True)
    (corpus / "dangling.md").symlink_to(corpus / "gone.md")
    entries = {e.rel: e for e in scan_corpus(corpus)}
    assert sorted(entries) == ["dangling.md", "in.md", "out.txt", "sub/real.md"]  # folder links not followed
    assert entries["in.md"].read() == "本文。".encode()
    with pytest.raises(ArticleError, match="outside the corpus folder"):
        entries["out.txt"].read()
    with pytest.raises(OSError):
        entries["dangling.md"].read()
    assert [p.name for p in list_article_files(corpus)] == ["dangling.md", "in.md", "real.md"]


@pytest.mark.parametrize("name", ["README.txt", "_draft.txt", ".hidden.txt"])
def test_add_refuses_a_name_extract_would_skip(tmp_path, name):
    src = tmp_path / name
    src.write_text(BODY, encoding="utf-8")
    with pytest.raises(ArticleError, match="would not read"):
        add_file(src, tmp_path / "corpus", {})
    assert not (tmp_path / "corpus").exists() or not list((tmp_path / "corpus").iterdir())


def test_add_keeps_extra_front_matter_keys(tmp_path):
    src = tmp_path / "a.md"
    src.write_text("---\ntitle: 元\ntags: [外交, 制裁]\ndesk: 国際\n---\n" + BODY, encoding="utf-8")
    dest = add_file(src, tmp_path / "corpus", {"published": "2026-02"})
    a = read_article(dest, tmp_path / "corpus")
    assert (a.title, a.published) == ("元", "2026-02")
    assert a.extra == {"tags": ["外交", "制裁"], "desk": "国際"}


def test_a_carriage_return_in_front_matter_is_a_line_feed(tmp_path):
    # a CSV writer ending lines with \n does not quote a bare \r: the row would split
    import pandas as pd

    from pipeline import extract

    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.md").write_text('---\ntitle: "上\\r下\\r\\n末"\npublished: 2026-02\n---\n米国は制裁を解除した。\n', encoding="utf-8")
    assert parse_article((corpus / "a.md").read_bytes(), "a.md").title == "上\n下\n末"
    extract(corpus, tmp_path / "out")
    rows = pd.read_csv(tmp_path / "out" / "articles.csv", dtype=str)
    assert len(rows) == 1 and rows.loc[0, "title"] == "上\n下\n末"
