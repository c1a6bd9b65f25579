"""Chrome stripping and metadata of the five real scraped pages, plus the general rules on small texts."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

from rag.clean import CHROME_HEADINGS, clean_body, clean_page, extract_body, infer_published
from rag.models import Article
from rag.text import fold, normalize_space

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"


@dataclass(frozen=True)
class Expected:
    doc_id: str
    title: str
    published: str
    inferred: bool
    author: str | None
    url: str | None
    starts: str
    kept: tuple[str, ...]
    absent: tuple[str, ...]


CASES = [
    Expected(
        doc_id="000_08bd8cb68632ae08",
        title="Phiên họp thứ 9 Nhóm công tác liên hợp 4 tỉnh của Việt Nam và tỉnh Vân Nam (Trung Quốc)",
        published="2023-03-27",
        inferred=True,
        author=None,
        url=None,
        starts="Trong khuôn khổ Hội nghị thường niên lần thứ 3 giữa tỉnh Hà Giang",
        kept=(
            "sáng 27/3, tại thành phố Hà Giang, tỉnh Hà Giang đã diễn ra Phiên họp thứ 9",
            "Đoàn đại biểu Lào Cai tại Phiên họp liên hợp lần 9.",
            "Đồng chí Hoàng Quốc Khánh ký Biên bản Phiên họp thứ 9.",
            "Đại biểu Việt Nam và tỉnh Vân Nam (Trung Quốc) dự Phiên họp chụp ảnh lưu niệm.",
            "Các bên thống nhất Phiên họp lần thứ 10 Nhóm công tác liên hợp giữa 5 tỉnh sẽ do tỉnh Vân Nam "
            "(Trung Quốc) chủ trì tổ chức tại tỉnh Vân Nam vào năm 2024.",
            "nhất là Biên bản Hội nghị lần thứ 3 được các đồng chí Bí thư Tỉnh ủy 5 tỉnh ký ngày 27/3/2023.",
            "góp phần xây dựng biên giới hòa bình, hữu nghị, hợp tác và phát triển.",
        ),
        absent=(
            "LCĐT",
            "(Trung Quốc) ảnh 1",
            "ảnh 6",
            "Có thể bạn quan tâm",
            "Tin cùng chuyên mục",
            "Thủ tướng Phạm Minh Chính dâng hương tại Hoàng thành Thăng Long",
            "Tết ở Ban Chỉ huy Quân sự xã, phường",
            "Hiện thực hóa nghị quyết bằng những đột phá cụ thể",
            "Ấm áp ngày Tết trong những ngôi nhà mới",
            "Văn Chấn: Sẵn sàng cho Ngày hội non sông",
            "Lãnh đạo Đảng, Nhà nước và TP Hà Nội dâng hương tại Nghĩa trang Mai Dịch",
            "Chỉ thị số 11-CT/TU ngày 04 tháng 02 năm 2026",
            "fb yt zl tw",
        ),
    ),
    Expected(
        doc_id="001_bf80daea8e84e235",
        title="Hội nghị trực tuyến 4 tỉnh biên giới Việt Nam với tỉnh Vân Nam, Trung Quốc",
        published="2022-04-27",
        inferred=False,
        author="Hà Minh Hưng",
        url=None,
        starts=(
            "Chiều 27/4, Hội nghị trực tuyến Bí thư Tỉnh ủy các tỉnh Lai Châu, Lào Cai, Hà Giang, Điện Biên"
        ),
        kept=(
            "Đại biểu dự Hội nghị tại điểm cầu tỉnh Lai Châu",
            "Trước đó, Hội nghị lần thứ nhất được tổ chức vào tháng 5/2021.",
            "Bí thư Tỉnh ủy Lai Châu Giàng Páo Mỷ phát biểu tại Hội nghị",
            "thống nhất đề nghị cấp có thẩm quyền cho phép tổ chức Hội nghị lần thứ 3 giữa Bí thư 5 "
            "Tỉnh tại tỉnh "
            "Hà Giang vào năm 2023.",
            "Lãnh đạo Hội đồng nhân dân 4 tỉnh của Việt Nam và Nhân đại Vân Nam ký kết bản ghi nhớ "
            "hợp tác hữu nghị.",
        ),
        absent=(
            "Analytic",
            "Thứ Sáu, ngày 23 tháng 08 năm 2019",
            "09:25:27",
            "Hà Minh Hưng",
            "18:10",
            "Ý kiến độc giả",
            "Mã bảo mật",
            "Tin cùng chuyên mục",
            "Tin nổi bật trang chủ",
            "Gieo niềm tin yêu đến từng bạn đọc",
            "Về miền di sản Trường Lưu",
            "Người Gia Rai đầu tiên viết báo cách mạng",
            "Lễ kỷ niệm 100 năm Ngày Báo chí cách mạng Việt Nam",
            "Công ty TNHH MTV Đạm Ninh Bình",
            "Kon Tum: Ban hành Nghị quyết về xây dựng đội ngũ cán bộ trẻ",
            "Hợp nhất hai Chương trình MTQG",
        ),
    ),
    Expected(
        doc_id="002_a94f6f6cfb8fd38e",
        title=(
            "Gặp xã giao giữa lãnh đạo tỉnh Lào Cai (Việt Nam) và lãnh đạo châu Hồng Hà, tỉnh Vân "
            "Nam (Trung Quốc)"
        ),
        published="2025-01-16",
        inferred=True,
        author=None,
        url=None,
        starts="Nằm trong khuôn khổ Chương trình giao lưu văn nghệ chào Xuân qua biên giới",
        kept=(
            "chiều tối 16/1, tại thành phố Lào Cai đã diễn ra buổi gặp xã giao giữa lãnh đạo tỉnh Lào Cai",
            "Quang cảnh buổi gặp xã giao.",
            "Đoàn đại biểu châu Hồng Hà dự buổi gặp xã giao.",
            "Đồng chí La Bình, Châu trưởng Chính quyền nhân dân châu Hồng Hà phát biểu.",
            "Nhìn lại năm 2024, hai bên cho rằng, quan hệ đối tác hợp tác chiến lược toàn diện Việt "
            "Nam - Trung Quốc",
            "Hai bên cũng nhất trí việc tổ chức các hoạt động hướng tới kỷ niệm 75 năm thiết lập "
            "quan hệ ngoại giao "
            "hai nước;",
        ),
        absent=(
            ".jpg",
            "baolaocai-br_mg",
            "Có thể bạn quan tâm",
            "Hội nghị báo cáo viên tháng 12 năm 2025",
            "Hướng dẫn về việc tổ chức hội nghị cử tri nơi cư trú",
            "Quyết tâm vì một xã “Không ma túy”",
            "Giàng Thị Dung",
            "Lào Cai ban hành công văn hỏa tốc",
            "Quang cảnh Hội nghị.",
            "Tổng kết công tác nội chính",
            "Phiên họp thứ Hai của Ban Chỉ đạo",
            "Chi bộ Trường THPT Nghĩa Lộ",
            "fb yt zl tw",
        ),
    ),
    Expected(
        doc_id="003_7b96b415da9b37b1",
        title="Tăng cường hợp tác giữa tỉnh Hà Giang (Việt Nam) - châu Văn Sơn (Trung Quốc)",
        published="2024-03-18",
        inferred=True,
        author="Thanh Bình",
        url=None,
        starts=(
            "Chiều 18/3, tại thành phố Hà Giang, Đoàn đại biểu tỉnh Hà Giang đã có buổi Hội đàm "
            "với Đoàn đại biểu châu Văn Sơn (tỉnh Vân Nam, Trung Quốc)."
        ),
        kept=(
            "Phối hợp triển khai 9 nội dung hợp tác trọng tâm",
            "Thúc đẩy hợp tác thực chất, đi vào chiều sâu",
            "Toàn cảnh buổi Hội đàm. Ảnh: Duy Tuấn",
            "Đoàn đại biểu hai tỉnh/châu chụp ảnh lưu niệm sau buổi Hội đàm. Ảnh: Duy Tuấn",
            "tại thành phố Côn Minh, tỉnh Vân Nam dự kiến diễn ra trong tháng 4 tới.",
            "diễn ra vào cuối tháng 3/2024.",
            "Thỏa thuận mua hàng tổ yến giữa Công ty TNHH thương mại logistics Đông Dương",
        ),
        absent=(
            "Hà Giang công bố các Quyết định về công tác cán bộ",
            "Công bố Quyết định của Ban Thường vụ Tỉnh ủy về công tác cán bộ",
            "bổ nhiệm Giám đốc Sở Xây dựng",
            "Ha Giang",
            "Thanh Bình",
            "Bạn thấy bài viết này thế nào",
            "★",
            "Kém Bình thường",
            "Bài viết cùng chủ đề",
            "Tin mới nhất",
            "Xuất khẩu hạt điều",
            "Chiến sự Nga-Ukraine",
            "Chiến sự Israel",
            "Tổng thống Nga Vladimir Putin chính thức nhậm chức",
            "Giá ca cao toàn cầu",
            "8/5/2024",
            "Xem thêm",
            "Mobile Verion",
            "Phiên bản di động",
        ),
    ),
    Expected(
        doc_id="004_82141dc137c1d59f",
        title="Làm sâu sắc thêm quan hệ hợp tác Lào Cai – Vân Nam",
        published="2024-06-12",
        inferred=True,
        author="Vũ Thanh Nam",
        url="https://baolaocai.vn/lam-sau-sac-them-quan-he-hop-tac-lao-cai-van-nam-post386100.html",
        starts=(
            "Mới đây, UBND tỉnh Lào Cai đã ký thỏa thuận hợp tác hữu nghị với chính quyền nhân "
            "dân châu Văn Sơn"
        ),
        kept=(
            "Thưa đồng chí, việc UBND tỉnh ký kết hợp tác với châu Văn Sơn và châu Hồng Hà, tỉnh Vân "
            "Nam (Trung Quốc) "
            "trong thời điểm này có ý nghĩa như thế nào?",
            "Xin đồng chí chia sẻ những nội dung hợp tác trọng tâm với châu Văn Sơn và châu Hồng Hà "
            "mà UBND tỉnh Lào "
            "Cai vừa ký kết?",
            "Ngày 12/12/2018, tại tỉnh Lai Châu, trong khuôn khổ Phiên họp lần thứ 7 Nhóm công tác liên hợp",
            "đã ký kết Thỏa thuận hợp tác giữa UBND tỉnh Lào Cai và chính quyền nhân dân châu Hồng "
            "Hà giai đoạn "
            "2024 – 2028;",
            "Đối với châu Văn Sơn, 2 bên thống nhất 4 nội dung hợp tác trọng điểm",
            "Trân trọng cảm ơn đng chí!",
        ),
        absent=(
            "Powered by Techcity",
            ".jpg",
            "z5584082247290",
            "Đối ngoại HQK.gif",
            "HQK",
            "Nguồn:",
            "baolaocai.vn",
            "Vũ Thanh Nam",
            "Cùng chủ đề",
            "Cùng tác giả",
            "Cùng chuyên mục",
            "Tin nổi bật",
            "Tin mới nhất",
            "Tạo chuyển biến từ nhận thức của người dân",
            "Sầu riêng xuất khẩu qua Lào Cai đạt gần nửa tỷ USD",
            "Si Ma Cai (Lào Cai): Giữ rừng để làm giàu bằng du lịch cộng đồng",
            "Hoa đỗ quyên nở rộ trên đỉnh Fansipan",
            "Vì sao mùa hè năm nay ở Bắc Bộ mưa nhiều?",
            "139.828 tỷ đồng",
            "UBND tỉnh họp thường kỳ tháng 7",
            "Sắc đỏ biên cương",
        ),
    ),
]


def raw_page(doc_id: str) -> str:
    return (ARTICLES / f"{doc_id}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def cleaned() -> dict[str, Article]:
    return {
        case.doc_id: clean_page(raw_page(case.doc_id), case.doc_id, f"data/{case.doc_id}.txt")
        for case in CASES
    }


def chrome_lines(raw: str) -> list[str]:
    """Every line of the page from its first related-news heading on (an independent, naive reading)."""
    lines = [normalize_space(line) for line in raw.splitlines()]
    start = next(i for i, line in enumerate(lines) if fold(line).rstrip("?: ") in CHROME_HEADINGS)
    return [line for line in lines[start:] if len(line) > 25]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.doc_id[:3])
def test_metadata(case: Expected, cleaned: dict[str, Article]) -> None:
    article = cleaned[case.doc_id]
    assert article.doc_id == case.doc_id
    assert article.title == case.title
    assert article.published == case.published
    assert article.published_inferred is case.inferred
    assert article.author == case.author
    assert article.url == case.url
    assert article.source_path == f"data/{case.doc_id}.txt"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.doc_id[:3])
def test_article_text_is_kept_verbatim(case: Expected, cleaned: dict[str, Article]) -> None:
    text = cleaned[case.doc_id].text
    assert text.startswith(case.starts)
    for sentence in case.kept:
        assert sentence in text, sentence


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.doc_id[:3])
def test_chrome_is_gone(case: Expected, cleaned: dict[str, Article]) -> None:
    text = cleaned[case.doc_id].text
    for chrome in case.absent:
        assert chrome not in text, chrome


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.doc_id[:3])
def test_no_line_of_the_related_news_blocks_survives(case: Expected, cleaned: dict[str, Article]) -> None:
    text = cleaned[case.doc_id].text
    leaked = [line for line in chrome_lines(raw_page(case.doc_id)) if line in text]
    assert leaked == []


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.doc_id[:3])
def test_text_shape(case: Expected, cleaned: dict[str, Article]) -> None:
    article = cleaned[case.doc_id]
    paragraphs = article.text.split("\n\n")
    assert all(p and p == p.strip() and "\n" not in p for p in paragraphs)
    assert unicodedata.is_normalized("NFC", article.text)
    assert paragraphs[0] != article.title and not article.text.startswith(article.title)
    assert article.title not in paragraphs
    # every paragraph is a verbatim piece of the page (white space normalised, "LCĐT - " dropped)
    raw = normalize_space(raw_page(case.doc_id))
    assert all(normalize_space(p) in raw for p in paragraphs)
    assert len(paragraphs) == len(set(paragraphs))
    expected = hashlib.sha256(f"{article.title}\n{article.published}\n{article.text}".encode()).hexdigest()
    assert article.content_hash == expected


def test_duplicate_caption_is_kept_once(cleaned: dict[str, Article]) -> None:
    paragraphs = cleaned["001_bf80daea8e84e235"].text.split("\n\n")
    assert paragraphs.count("Đại biểu dự Hội nghị tại điểm cầu tỉnh Lai Châu") == 1
    assert paragraphs.count("Bí thư Tỉnh ủy Lai Châu Giàng Páo Mỷ phát biểu tại Hội nghị") == 1


def test_section_headings_stay_paragraphs(cleaned: dict[str, Article]) -> None:
    paragraphs = cleaned["003_7b96b415da9b37b1"].text.split("\n\n")
    assert "Phối hợp triển khai 9 nội dung hợp tác trọng tâm" in paragraphs
    assert "Thúc đẩy hợp tác thực chất, đi vào chiều sâu" in paragraphs


def test_pages_clean_the_same_without_their_chrome_headings() -> None:
    """The card rule removes related-news lists even when a site prints no heading above them."""
    for case in CASES:
        raw = raw_page(case.doc_id)
        headless = "\n".join(
            line
            for line in raw.splitlines()
            if fold(line).strip().rstrip("?: ") not in CHROME_HEADINGS
            and not line.startswith(("Bài viết cùng chủ đề", "Bạn thấy bài viết"))
        )
        assert clean_page(headless, case.doc_id).text == clean_page(raw, case.doc_id).text, case.doc_id


# ------------------------------------------------------------------------------- general rules, small texts
def test_clean_body_drops_title_image_names_and_inline_links() -> None:
    text = (
        "Lào Cai ký thỏa thuận với Hồng Hà\n"
        "Ngày 12/6/2024, tại Côn Minh, hai bên đã ký kết thỏa thuận hợp tác.\n"
        "IMG_2041.JPG\n"
        "Quang cảnh lễ ký kết.\n"
        "Xem thêm: Sầu riêng xuất khẩu qua Lào Cai đạt gần nửa tỷ USD\n"
        "Thỏa thuận có hiệu lực trong 5 năm."
    )
    assert clean_body(text, title="Lào Cai ký thỏa thuận với Hồng Hà") == (
        "Ngày 12/6/2024, tại Côn Minh, hai bên đã ký kết thỏa thuận hợp tác.\n\n"
        "Quang cảnh lễ ký kết.\n\n"
        "Thỏa thuận có hiệu lực trong 5 năm."
    )


def test_weak_heading_keeps_the_prose_after_it() -> None:
    text = (
        "Đoạn mở đầu của bài viết có đủ dài để là một câu.\n"
        "Xem thêm\n"
        "Hàng chục thanh niên bay lắc trong quán karaoke\n"
        "Khoảng 1h sáng 19/10, tổ công tác tiến hành kiểm tra quán karaoke."
    )
    assert clean_body(text) == (
        "Đoạn mở đầu của bài viết có đủ dài để là một câu.\n\n"
        "Khoảng 1h sáng 19/10, tổ công tác tiến hành kiểm tra quán karaoke."
    )


def test_strong_heading_cuts_the_rest() -> None:
    text = "Câu đầu tiên của bài viết thật.\n\nTin cùng chuyên mục\n\nTin khác hoàn toàn.\n\nMột tin nữa."
    assert clean_body(text) == "Câu đầu tiên của bài viết thật."


def test_trailing_byline_and_source_become_metadata() -> None:
    body = extract_body(
        "Hai bên đã ký kết bản ghi nhớ hợp tác.\n\nMinh Anh (TTXVN)\n\nNguồn: "
        "https://example.vn/bai-viet.html"
    )
    assert body.text == "Hai bên đã ký kết bản ghi nhớ hợp tác."
    assert (body.author, body.url) == ("Minh Anh", "https://example.vn/bai-viet.html")


def test_caption_of_a_person_is_not_an_author() -> None:
    body = extract_body("Bị cáo đã khai nhận hành vi.\nÔng Phan Văn Vĩnh (nguyên Tổng cục trưởng)")
    assert body.author is None
    assert "Ông Phan Văn Vĩnh" in body.text


def test_glued_headlines_only_under_a_sentence_in_the_same_block() -> None:
    glued = (
        "Sáng 5/3, hai tỉnh đã hội đàm tại Hà Giang.\n"
        "Hà Giang công bố các Quyết định về công tác cán bộ Hà Giang: Công bố Quyết định của Ban Thường vụ "
        "về công tác cán bộ UBND tỉnh công bố Quyết định bổ nhiệm Giám đốc Sở\n\n"
        "Đoạn tiếp theo của bài."
    )
    assert clean_body(glued) == "Sáng 5/3, hai tỉnh đã hội đàm tại Hà Giang.\n\nĐoạn tiếp theo của bài."
    # one paragraph per line (no blank lines): a long caption is kept
    caption = (
        "Bị cáo đã khai nhận hành vi của mình.\n"
        "Hà Văn Thắm, Nguyễn Minh Thu và Nguyễn Xuân Sơn (lần lượt từ trái sang) bị triệu tập đến "
        "toà trong vai trò"
        " là người có quyền lợi liên quan"
    )
    assert clean_body(caption).count("\n\n") == 1


def test_residue_and_stamps_are_dropped() -> None:
    text = (
        "Analytic\nThứ Sáu, ngày 23 tháng 08 năm 2019, 09:25:27\n\n"
        "Câu đầu tiên của bài viết về hợp tác.\n\nHa Giang\nToàn cảnh buổi hội đàm. Ảnh: Duy "
        "Tuấn\n\nfb yt zl tw"
    )
    assert (
        clean_body(text) == "Câu đầu tiên của bài viết về hợp tác.\n\nToàn cảnh buổi hội đàm. Ảnh: Duy Tuấn"
    )


def test_decomposed_unicode_is_normalised() -> None:
    decomposed = unicodedata.normalize("NFD", "Hội nghị diễn ra tại Lào Cai.")
    assert clean_body(decomposed) == "Hội nghị diễn ra tại Lào Cai."


def test_dateline_prefix_is_dropped_only_for_an_all_caps_tag() -> None:
    assert clean_body("LCĐT - Sáng 27/3, hội nghị diễn ra.") == "Sáng 27/3, hội nghị diễn ra."
    assert clean_body("Hà Nội - Hải Phòng là tuyến quan trọng.") == "Hà Nội - Hải Phòng là tuyến quan trọng."


# ------------------------------------------------------------------------------------------ dates of pages
def test_site_header_date_is_ignored() -> None:
    page = (
        "Thứ Sáu, ngày 23 tháng 08 năm 2019, 09:25:27\n\nHội nghị hợp tác biên giới giữa hai tỉnh\n\n"
        "Hai tỉnh đã tổ chức hội nghị hợp tác.\n\nTin cùng chuyên mục\n\nNgày 12/6/2024, một tin khác."
    )
    article = clean_page(page, "x")
    assert article.title == "Hội nghị hợp tác biên giới giữa hai tỉnh"
    assert article.published is None and article.published_inferred is False


def test_byline_date_beats_text_dates() -> None:
    page = (
        "Tiêu đề bài viết về hợp tác\n\nThời sự - Thuỳ Như - 17:58, 20/06/2025\n\n"
        "Ngày 12/6/2024, hai bên ký kết."
    )
    article = clean_page(page, "x")
    assert (article.published, article.published_inferred, article.author) == (
        "2025-06-20",
        False,
        "Thuỳ Như",
    )
    assert article.text == "Ngày 12/6/2024, hai bên ký kết."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sáng 27/3, hội nghị khai mạc.\n\nBiên bản được ký ngày 27/3/2023.", "2023-03-27"),
        (
            "Chiều tối 16/1, hai bên gặp mặt trong khuôn khổ chương trình năm 2025.\n\nNăm 2024 đã qua.",
            "2025-01-16",
        ),
        ("Chiều 18/3, hai bên hội đàm.\n\nLễ hội diễn ra vào cuối tháng 3/2024.", "2024-03-18"),
        ("Hai bên đã ký thỏa thuận.\n\nNgày 12/12/2018 ký lần đầu; ngày 12/6/2024 ký lần hai.", "2024-06-12"),
        ("Hai bên sẽ ký thỏa thuận.\n\nDự kiến ký ngày 12/6/2030.", None),
        ("Sáng 27/3, hội nghị khai mạc.", None),
        ("Sáng 27/3, hội nghị khai mạc.\n\nNăm 1994 ông sinh ra.", None),
        # (a news text is written in or after the latest year it reports a day or a month of: a birthday
        # of 1984 is not its date when it also speaks of May 2018; the year unknown, not a wrong one)
        (
            "Ông tới thăm đúng dịp sinh nhật vào hôm nay.\n\nHai bên gặp nhau lần trước hồi tháng 5/2018.\n\n"
            "8/1 là sinh nhật ông.\n\nÔng sinh ngày 8/1/1984.",
            None,
        ),
        ("Sáng 18-1, bộ tổng kết công tác năm 2017.\n\nNghị quyết ra trong tháng 1-2018.", None),
        # (nor a date a term opens; and the lede's day written again with its year is the article's)
        (
            "Sáng 12/6, Quốc hội thông qua luật.\n\nNgày 12/6/2018 là ngày lịch sử.\n\n"
            "Luật có hiệu lực từ ngày 1/1/2019.",
            "2018-06-12",
        ),
        (
            "Chiều 5/10, hội nghị họp.\n\nHội nghị diễn ra ngày 5/10/2018.\n\nCầu khánh thành tháng 2/2019.",
            "2018-10-05",
        ),
        (
            "Sáng 12/11, hai bên ký hiệp định trong năm 2018.\n\nHiệp định có hiệu lực vào ngày 14/1/2019.",
            "2018-11-12",
        ),
        # (a bare year may be a plan: "vào năm 2024" does not move the date back)
        (
            "Sáng 27/3, hội nghị khai mạc.\n\nBiên bản ký ngày 27/3/2023; hội nghị tới họp vào năm 2024.",
            "2023-03-27",
        ),
        ("", None),
    ],
)
def test_infer_published(text: str, expected: str | None) -> None:
    assert infer_published(text) == expected


def test_every_kept_sentence_in_pages_is_a_substring_of_the_raw_page(cleaned: dict[str, Article]) -> None:
    for doc_id, article in cleaned.items():
        raw = normalize_space(raw_page(doc_id))
        for paragraph in article.text.split("\n\n"):
            for sentence in re.split(r"(?<=[.!?])\s+", paragraph):
                assert normalize_space(sentence) in raw, sentence


def test_a_target_year_is_not_the_year_an_article_reports_from() -> None:
    from rag.clean import infer_published

    text = (
        "Chiều 17-11, thành phố ký thỏa thuận với tập đoàn về đô thị thông minh.\n"
        "Mục tiêu đến năm 2025 hoàn thành giai đoạn một; đến năm 2025 phủ sóng toàn thành phố."
    )
    assert infer_published(text) is None  # no year is given for 17-11: none is invented


def test_a_line_broken_inside_a_name_goes_on() -> None:
    # a source with one sentence per line split some after an abbreviation: the name goes on
    text = (
        "Chiều 25/11, diễn đàn sẽ diễn ra tại TP.\nThủ Dầu Một, tỉnh Bình Dương.\n"
        "Phát biểu tại buổi làm việc, PGS.\nTS Trần Văn An cho biết trường sẵn sàng hợp tác.\n"
        "Các dự án giúp giải quyết tốt các thách thức đặt ra cho TP.\nThiếu tướng Lê Văn Ba nói thêm.\n"
        "Hai bên ký thỏa thuận - Ảnh: V.Đ.\nĐoàn đại biểu hai nước hội đàm.\n"
        "Dự án đặt tại trung tâm TP.\nÔng Lâm cho biết dự án đã xong."
    )
    paragraphs = clean_body(text).split("\n\n")
    assert paragraphs[:2] == [
        "Chiều 25/11, diễn đàn sẽ diễn ra tại TP. Thủ Dầu Một, tỉnh Bình Dương.",
        "Phát biểu tại buổi làm việc, PGS. TS Trần Văn An cho biết trường sẵn sàng hợp tác.",
    ]
    # a sentence that ends with the abbreviation, a caption's initials: the next line is another sentence
    assert "Thiếu tướng Lê Văn Ba nói thêm." in paragraphs
    assert "Đoàn đại biểu hai nước hội đàm." in paragraphs
    assert "Ông Lâm cho biết dự án đã xong." in paragraphs
