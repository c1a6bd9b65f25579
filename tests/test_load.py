"""Loading every supported format, and every kind of bad input reported by name while the rest loads."""

from __future__ import annotations

import gzip
import io
import json
import types
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from rag.errors import BadDocumentError, InvalidInputError
from rag.load import (
    DecompressionLimitError,
    LoadResult,
    SkippedFile,
    bounded_lines,
    iter_jsonl_records,
    load_file,
    load_paths,
    markdown_to_text,
    record_to_article,
)

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "data" / "articles"
BENCH = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "vietnews-test.jsonl.gz"

BODY = (
    "Sáng 27/3, tại thành phố Hà Giang, hai tỉnh đã ký kết thỏa thuận hợp tác về thương mại và du lịch.\n\n"
    "Biên bản được các đồng chí Bí thư Tỉnh ủy 5 tỉnh ký ngày 27/3/2023 tại Hà Giang.\n"
)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def page(title: str = "Hai tỉnh ký thỏa thuận hợp tác") -> str:
    return f"{title}\n\n{BODY}\nTin cùng chuyên mục\n\nMột tin khác hoàn toàn không liên quan\n"


def cp1258(text: str) -> bytes:
    """Vietnamese in the legacy Windows-1258 code page (base letters precomposed, tone marks combining)."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out += (base + "".join(c for c in parts if c in tones)).encode("cp1258")
    return out


def reasons(result: LoadResult) -> dict[str, str]:
    return {s.source: s.reason for s in result.skipped}


def jsonl(records: list[dict[str, Any] | str]) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records)


RECORDS: list[dict[str, Any] | str] = [
    {
        "doc_id": "r1",
        "title": "Lào Cai ký thỏa thuận với Hồng Hà",
        "text": "Ngày 12/6/2024, tại Côn Minh, hai bên đã ký thỏa thuận.\nThỏa thuận có hiệu lực 5 năm.",
        "url": "https://example.vn/r1",
        "published": "2024-06-12T08:00:00+07:00",
    },
    {
        "doc_id": "r2",
        "title": "Tin thứ hai",
        "text": "Chiều 18/3, hai bên hội đàm.",
        "published": "18/3/2024",
    },
    {
        "doc_id": "r3",
        "title": "Tin thứ ba",
        "text": "Sáng 27/3, hội nghị khai mạc. Biên bản ký ngày 27/3/2023.",
    },
]


# ------------------------------------------------------------------------------------------------ formats
def test_the_five_pages_load_in_sorted_order() -> None:
    result = load_paths([ARTICLES])
    assert result.skipped == []
    assert [a.doc_id for a in result.articles] == sorted(p.stem for p in ARTICLES.glob("*.txt"))
    first = result.articles[0]
    assert first.published == "2023-03-27" and first.published_inferred
    assert first.source_path == str(ARTICLES / "000_08bd8cb68632ae08.txt")
    assert "Tin cùng chuyên mục" not in first.text


def test_folders_are_walked_recursively_with_supported_types_only(tmp_path: Path) -> None:
    write(tmp_path / "b" / "z_page.txt", page())
    write(tmp_path / "a_page.txt", page("Tiêu đề thứ hai của bài"))
    write(tmp_path / "notes.pdf", b"%PDF-1.4")
    write(tmp_path / ".hidden" / "x.txt", page())
    result = load_paths([tmp_path])
    assert [a.doc_id for a in result.articles] == ["a_page", "z_page"]
    assert result.skipped == []


def test_txt_page(tmp_path: Path) -> None:
    [article] = load_file(write(tmp_path / "p.txt", page()))
    assert article.title == "Hai tỉnh ký thỏa thuận hợp tác"
    assert article.text == (
        "Sáng 27/3, tại thành phố Hà Giang, hai tỉnh đã ký kết thỏa thuận hợp tác về thương mại và du lịch."
        "\n\nBiên bản được các đồng chí Bí thư Tỉnh ủy 5 tỉnh ký ngày 27/3/2023 tại Hà Giang."
    )
    assert (article.published, article.published_inferred) == ("2023-03-27", True)


def test_markdown(tmp_path: Path) -> None:
    md = (
        "# Hai tỉnh ký thỏa thuận hợp tác\n\n"
        "![ảnh](hinh.jpg)\n\n"
        "**Sáng 27/3**, tại thành phố Hà Giang, hai tỉnh đã ký kết\n"
        "thỏa thuận hợp tác về [thương mại](https://example.vn/tm) và _du lịch_.\n\n"
        "## Nội dung chính\n\n"
        "- Biên bản được ký ngày 27/3/2023.\n"
        "- Hai bên mở thêm `2` cửa khẩu.\n\n"
        "---\n\n"
        "> Hợp tác là lợi ích chung.\n\n"
        "[ref]: https://example.vn\n"
    )
    [article] = load_file(write(tmp_path / "bai-viet.md", md))
    assert article.doc_id == "bai-viet"
    assert article.title == "Hai tỉnh ký thỏa thuận hợp tác"
    assert article.text.split("\n\n") == [
        "Sáng 27/3, tại thành phố Hà Giang, hai tỉnh đã ký kết thỏa thuận hợp tác về thương mại và du lịch.",
        "Nội dung chính",
        "Biên bản được ký ngày 27/3/2023.",
        "Hai bên mở thêm 2 cửa khẩu.",
        "Hợp tác là lợi ích chung.",
    ]
    assert (article.published, article.published_inferred) == ("2023-03-27", True)


def test_markdown_front_matter_gives_metadata(tmp_path: Path) -> None:
    md = (
        "---\ntitle: Lào Cai – Vân Nam\ndate: 2024-06-12\nurl: https://baolaocai.vn/x.html\n"
        "author: Vũ Thanh Nam\n---\n\nHai bên đã ký thỏa thuận hợp tác giai đoạn 2024 – 2028.\n"
    )
    [article] = load_file(write(tmp_path / "fm.md", md))
    assert (article.title, article.published, article.published_inferred) == (
        "Lào Cai – Vân Nam",
        "2024-06-12",
        False,
    )
    assert (article.url, article.author) == ("https://baolaocai.vn/x.html", "Vũ Thanh Nam")


def test_markdown_to_text_setext_heading_and_table() -> None:
    text, h1 = markdown_to_text("Tiêu đề lớn\n===========\n\n| Tỉnh | Số |\n|---|---|\n| Lào Cai | 5 |\n")
    assert h1 == "Tiêu đề lớn"
    assert text == "Tiêu đề lớn\n\nTỉnh | Số\n\nLào Cai | 5"


HTML = """<!doctype html><html><head><meta charset="utf-8">
<title>Lào Cai ký thỏa thuận - Báo Lào Cai</title>
<meta property="og:title" content="Lào Cai ký thỏa thuận hợp tác với Hồng Hà">
<meta name="author" content="Vũ Thanh Nam">
<meta property="article:published_time" content="2024-06-12T08:00:00+07:00">
<link rel="canonical" href="https://baolaocai.vn/lao-cai-ky-thoa-thuan-post1.html">
</head><body><nav><a href="/">Trang chủ</a> <a href="/x">Thời sự</a></nav>
<article><h1>Lào Cai ký thỏa thuận hợp tác với Hồng Hà</h1>
<p>Ngày 12/6/2024, tại Côn Minh, UBND tỉnh Lào Cai và chính quyền nhân dân châu Hồng Hà đã ký kết
Thỏa thuận hợp tác giai đoạn 2024 – 2028.</p>
<p>Thỏa thuận gồm 6 nội dung hợp tác trọng tâm, trong đó có thương mại, du lịch và quản lý biên giới.</p>
<p>Hai bên thống nhất thúc đẩy xây dựng cửa khẩu thông minh qua biên giới.</p>
</article>
<aside><h3>Tin cùng chuyên mục</h3><ul><li><a href="/a">Sầu riêng xuất khẩu qua Lào Cai đạt gần nửa tỷ USD</a>
</li></ul></aside><footer>© Báo Lào Cai</footer></body></html>"""


def test_html_uses_trafilatura_metadata(tmp_path: Path) -> None:
    [article] = load_file(write(tmp_path / "trang.html", HTML))
    assert article.doc_id == "trang"
    assert article.title == "Lào Cai ký thỏa thuận hợp tác với Hồng Hà"
    assert (article.published, article.published_inferred) == ("2024-06-12", False)
    assert article.author == "Vũ Thanh Nam"
    assert article.url == "https://baolaocai.vn/lao-cai-ky-thoa-thuan-post1.html"
    assert "Thỏa thuận hợp tác giai đoạn 2024 – 2028." in article.text
    assert not article.text.startswith(article.title)
    for chrome in ("Trang chủ", "Sầu riêng", "Tin cùng chuyên mục", "©"):
        assert chrome not in article.text


def test_html_without_a_date_infers_it_from_the_text_only(tmp_path: Path) -> None:
    html = (
        "<html><head><meta charset='utf-8'><title>Hai tỉnh ký thỏa thuận</title></head><body>"
        "<header>Thứ Sáu, ngày 23 tháng 08 năm 2019</header><article><h1>Hai tỉnh ký thỏa thuận</h1>"
        "<p>Sáng 27/3, tại thành phố Hà Giang, hai tỉnh đã ký kết thỏa thuận hợp tác về thương mại.</p>"
        "<p>Biên bản được các đồng chí Bí thư Tỉnh ủy 5 tỉnh ký ngày 27/3/2023 tại Hà Giang.</p>"
        "<p>Hai bên thống nhất thúc đẩy xây dựng cửa khẩu thông minh qua biên giới trong thời gian tới.</p>"
        "</article></body></html>"
    )
    [article] = load_file(write(tmp_path / "khong-ngay.htm", html))
    assert (article.published, article.published_inferred) == ("2023-03-27", True)


def test_html_with_a_declared_legacy_charset(tmp_path: Path) -> None:
    html = HTML.replace('charset="utf-8"', 'charset="windows-1258"')
    [article] = load_file(write(tmp_path / "cu.html", cp1258(html)))
    assert article.title == "Lào Cai ký thỏa thuận hợp tác với Hồng Hà"
    assert "cửa khẩu thông minh" in article.text


def test_jsonl_records(tmp_path: Path) -> None:
    result = load_paths([write(tmp_path / "tin.jsonl", jsonl(RECORDS))])
    assert result.skipped == []
    r1, r2, r3 = result.articles
    assert (r1.doc_id, r1.published, r1.published_inferred, r1.url) == (
        "r1",
        "2024-06-12",
        False,
        "https://example.vn/r1",
    )
    assert (
        r1.text == "Ngày 12/6/2024, tại Côn Minh, hai bên đã ký thỏa thuận.\n\nThỏa thuận có hiệu lực 5 năm."
    )
    assert (r2.published, r2.published_inferred) == ("2024-03-18", False)
    assert (r3.published, r3.published_inferred) == ("2023-03-27", True)
    assert r1.source_path == f"{tmp_path / 'tin.jsonl'}:1"


def test_jsonl_gz_records(tmp_path: Path) -> None:
    path = tmp_path / "tin.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(jsonl(RECORDS))
    assert [a.doc_id for a in load_file(path)] == ["r1", "r2", "r3"]


def test_iter_jsonl_records_streams_the_benchmark() -> None:
    records = iter_jsonl_records(BENCH, limit=3)
    assert isinstance(records, types.GeneratorType)
    first, second, third = records
    assert first["doc_id"] == "vietnews-test-000001" and third["doc_id"] == "vietnews-test-000003"
    article = record_to_article(first, f"{BENCH}:1")
    assert article.title == "Bản án cho đối tượng giả danh công an để lừa đảo"
    assert article.text.startswith("Ngày 25/2, TAND TP. Đà Nẵng tuyên phạt Hồ Xuân Huy")
    assert "\n\n" in article.text and "\n\n\n" not in article.text


def test_iter_jsonl_records_names_a_malformed_line(tmp_path: Path) -> None:
    path = write(tmp_path / "x.jsonl", jsonl([RECORDS[0], "{not json"]))
    with pytest.raises(BadDocumentError, match=r"x\.jsonl:2: malformed JSON"):
        list(iter_jsonl_records(path))


# ----------------------------------------------------------------------------------------------- bad input
def test_each_bad_input_is_reported_by_name_and_the_rest_loads(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", page())
    binary = write(tmp_path / "binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    latin = write(tmp_path / "latin.txt", cp1258(page()))
    empty = write(tmp_path / "empty.txt", b"")
    blank = write(tmp_path / "blank.md", " \n\t\n")
    big = write(tmp_path / "big.txt", page() + "Một câu rất dài nữa. " * 300)
    chrome_only = write(
        tmp_path / "chrome.txt", "Tiêu đề một bài báo\n\nfb yt zl tw\n\nTin cùng chuyên mục\n"
    )
    records = write(
        tmp_path / "records.jsonl",
        jsonl(
            [
                {"doc_id": "j1", "title": "Một", "text": "Câu văn đầu tiên của bản ghi."},
                "{broken json",
                {"title": "Không có mã", "text": "Câu văn."},
                {"doc_id": "j3", "title": "Không có nội dung"},
                "[1, 2]",
                {"doc_id": "j1", "title": "Trùng mã", "text": "Một câu khác."},
                {"doc_id": "good", "title": "Trùng với tệp", "text": "Một câu nữa."},
            ]
        ),
    )
    bad_gz = write(tmp_path / "bad.jsonl.gz", b"this is not gzip")
    unsupported = write(tmp_path / "notes.docx", b"PK\x03\x04")
    missing = tmp_path / "missing.txt"

    result = load_paths(
        [good, binary, latin, empty, blank, big, chrome_only, records, bad_gz, unsupported, missing],
        max_file_bytes=4000,
    )

    assert [a.doc_id for a in result.articles] == ["good", "j1"]
    why = reasons(result)
    assert "binary" in why[str(binary)]
    assert "not valid UTF-8" in why[str(latin)]
    assert "empty" in why[str(empty)]
    assert "empty" in why[str(blank)]
    assert "too large" in why[str(big)] and "4000" in why[str(big)]
    assert "no article text left" in why[str(chrome_only)]
    assert "malformed JSON" in why[f"{records}:2"]
    assert "no doc_id" in why[f"{records}:3"]
    assert "no text" in why[f"{records}:4"]
    assert "JSON object" in why[f"{records}:5"]
    assert "duplicate doc_id 'j1'" in why[f"{records}:6"]
    assert "duplicate doc_id 'good'" in why[f"{records}:7"] and str(good) in why[f"{records}:7"]
    assert "cannot read" in why[str(bad_gz)]
    assert "unsupported file type '.docx'" in why[str(unsupported)]
    assert "no such file" in why[str(missing)]
    assert len(result.skipped) == 15


def test_duplicate_doc_ids_across_files_keep_the_first(tmp_path: Path) -> None:
    first = write(tmp_path / "a" / "same.txt", page())
    second = write(tmp_path / "b" / "same.md", "# Tiêu đề khác hẳn\n\nMột câu văn khác của bài thứ hai.\n")
    result = load_paths([tmp_path])
    assert [a.source_path for a in result.articles] == [str(first)]
    assert result.skipped == [
        SkippedFile(str(second), f"duplicate doc_id 'same' (already loaded from {first})"),
    ]


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"\xef\xbb\xbf" + page().encode("utf-8"), "Sáng 27/3"),
        (page().encode("utf-16"), "Sáng 27/3"),
    ],
    ids=["utf-8-bom", "utf-16-bom"],
)
def test_byte_order_marks_are_decoded(tmp_path: Path, data: bytes, text: str) -> None:
    [article] = load_file(write(tmp_path / "bom.txt", data))
    assert article.title == "Hai tỉnh ký thỏa thuận hợp tác"
    assert article.text.startswith(text)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("binary.txt", b"abc\x00def", "binary"),
        ("latin.txt", cp1258("Hội nghị"), "not valid UTF-8"),
        ("empty.txt", b"", "empty"),
        ("chrome.txt", "Tiêu đề một bài báo\n\nfb yt zl tw\n".encode(), "no article text left"),
        ("bad.jsonl", b'{"doc_id": "a", "text": "x"}\n{oops\n', "bad.jsonl:2: malformed JSON"),
        ("nofield.jsonl", b'{"title": "x"}\n', "nofield.jsonl:1: record has no doc_id"),
        ("slides.pptx", b"PK", "unsupported file type"),
    ],
)
def test_load_file_raises_bad_document_error(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = write(tmp_path / name, data)
    with pytest.raises(BadDocumentError, match=message) as info:
        load_file(path)
    assert str(path) in str(info.value)


def test_load_file_missing_path(tmp_path: Path) -> None:
    with pytest.raises(BadDocumentError, match="no such file"):
        load_file(tmp_path / "nothing.txt")


def test_too_large_for_load_file(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", page())
    with pytest.raises(BadDocumentError, match="file too large"):
        load_file(path, max_file_bytes=10)


def test_record_to_article_rejects_records_without_fields() -> None:
    with pytest.raises(BadDocumentError, match="no doc_id"):
        record_to_article({"text": "Một câu."}, "f.jsonl:1")
    with pytest.raises(BadDocumentError, match="no text"):
        record_to_article({"doc_id": "a", "text": "   "}, "f.jsonl:2")


def test_max_file_bytes_must_be_positive() -> None:
    with pytest.raises(InvalidInputError, match="max_file_bytes must be at least 1, got 0"):
        load_paths([ARTICLES], max_file_bytes=0)


def test_a_record_with_a_lone_surrogate_is_skipped_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    good = {"doc_id": "ok", "title": "Tiêu đề", "text": "Hai bên ký thỏa thuận hợp tác ngày 5/4/2018."}
    path.write_text(
        json.dumps(good, ensure_ascii=False)
        + "\n"
        + '{"doc_id": "bad", "text": "Hai b\\ud800n k\\u00fd."}\n',
        encoding="utf-8",
    )
    result = load_paths([path])
    assert [a.doc_id for a in result.articles] == ["ok"]
    assert len(result.skipped) == 1 and "lone surrogate" in result.skipped[0].reason


def test_a_record_nested_100000_deep_is_skipped_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    good = {"doc_id": "ok", "title": "Tiêu đề", "text": "Hai bên ký thỏa thuận hợp tác ngày 5/4/2018."}
    deep = '{"doc_id": "deep", "text": "x", "extra": ' + "[" * 100_000 + "]" * 100_000 + "}"
    path.write_text(json.dumps(good, ensure_ascii=False) + "\n" + deep + "\n", encoding="utf-8")
    result = load_paths([path])
    assert [a.doc_id for a in result.articles] == ["ok"]
    assert [(s.source, s.reason) for s in result.skipped] == [
        (f"{path}:2", "malformed JSON: nested too deeply")
    ]


class _CountingReader(io.BytesIO):
    """A stream that remembers the largest piece it was asked for."""

    largest = 0

    def readline(self, size: int | None = -1, /) -> bytes:
        line = super().readline(size)
        self.largest = max(self.largest, len(line))
        return line


def test_bounded_lines_never_holds_an_over_long_line() -> None:
    stream = _CountingReader(b"short\n" + b"0" * 3_000_000 + b"\n" + b"next\n" + b"tail without newline")
    items = list(bounded_lines(stream, max_line=100))
    assert items == [b"short\n", 3_000_001, b"next\n", b"tail without newline"]
    assert stream.largest <= 1 << 20  # read in bounded pieces, never the whole 3 MB line


def test_bounded_lines_stops_past_the_decompressed_limit() -> None:
    stream = io.BytesIO(b"x" * 50 + b"\n" + b"0" * 10_000)
    with pytest.raises(DecompressionLimitError, match="more than 1000 bytes"):
        list(bounded_lines(stream, max_line=100, max_total=1000))


def gzip_bomb(path: Path, first_line: bytes, gib: int = 1) -> Path:
    """``first_line``, then ``gib`` GiB of zeros without a newline, gzipped (about 1 MB per GiB): one
    compressed MiB of zeros repeated as gzip members, which a reader sees as one stream."""
    member = gzip.compress(b"0" * (1 << 20), compresslevel=9)
    with open(path, "wb") as fh:
        fh.write(gzip.compress(first_line))
        for _ in range(1024 * gib):
            fh.write(member)
    return path


def test_a_gzip_bomb_is_skipped_after_the_decompressed_limit(tmp_path: Path) -> None:
    """A .jsonl.gz holding 1 GiB of zeros with no newline: read in bounded pieces up to the limit of
    decompressed bytes, then skipped with its reason; the record before it loads."""
    good = {"doc_id": "ok", "title": "Tiêu đề", "text": "Hai bên ký thỏa thuận hợp tác ngày 5/4/2018."}
    path = gzip_bomb(tmp_path / "bomb.jsonl.gz", json.dumps(good).encode() + b"\n")
    assert path.stat().st_size < 2_000_000
    with gzip.open(path) as fh:  # the bomb is what it claims: the first line, then zeros
        assert fh.readline() == json.dumps(good).encode() + b"\n" and fh.read(10) == b"0" * 10
    result = load_paths([path], max_file_bytes=5_000_000, max_decompressed_bytes=20_000_000)
    assert [a.doc_id for a in result.articles] == ["ok"]
    assert [(s.source, s.reason) for s in result.skipped] == [
        (str(path), "not read to the end: it expands to more than 20000000 bytes (the limit)")
    ]
