"""The chat widget in headless Chromium against the real server (`rag serve`) on the fixture index."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from launch import CHROMIUM, CHROMIUM_ARGS, ServerStartError, serve_subprocess  # scripts/launch.py
from rag.config import Settings

pytestmark = pytest.mark.browser

MARKUP_ARTICLE = """Lễ hội hoa tam giác mạch biên giới Lũng Cú năm 2024

LCĐT - Ngày 9/11/2024, tại xã Lũng Cú, huyện Đồng Văn, tỉnh Hà Giang đã khai mạc Lễ hội hoa tam giác mạch \
biên giới lần thứ 9 với chủ đề <b>đậm</b> sắc màu cao nguyên đá.

Ban tổ chức cho biết lễ hội thu hút 12.000 du khách <img src=x onerror="window.__xss=1"> trong ngày khai mạc.
"""
MARKUP_QUESTION = "Lễ hội hoa tam giác mạch biên giới Lũng Cú lần thứ 9 khai mạc ngày nào?"


@pytest.fixture
def live_server(writable_settings: Settings, tmp_path: Path) -> Iterator[str]:
    """`rag serve` in a subprocess on a free 127.0.0.1 port, on a private copy of the fixture index."""
    env = {  # a loopback test server: uploads opened explicitly, as scripts/run does
        **os.environ,
        "RAG_CACHE_DIR": str(writable_settings.cache_dir),
        "RAG_API_KEY": "",
        "RAG_ALLOW_ANONYMOUS_WRITES": "true",
    }
    log_path = tmp_path / "server.log"
    try:
        with serve_subprocess(writable_settings.index_dir, env, log_path) as base:
            assert f"Demo: {base}/" in log_path.read_text(errors="replace")
            yield base
    except ServerStartError as exc:
        pytest.fail(str(exc))


def test_widget_streams_cites_and_shows_markup_as_text(live_server: str) -> None:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium to run the browser test")
    from playwright.sync_api import expect, sync_playwright

    response = httpx.post(
        f"{live_server}/documents",
        files=[("files", ("xss_le_hoi.txt", MARKUP_ARTICLE.encode(), "text/plain"))],
        timeout=120,
    )
    assert response.status_code == 200, response.text
    assert response.json()["added"] == ["xss_le_hoi"]

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            console_errors: list[str] = []
            page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: console_errors.append(str(e)))
            page.goto(f"{live_server}/")
            page.wait_for_function("() => !!window.VnRagWidget")
            page.get_by_test_id("launcher").click()
            panel = page.get_by_test_id("panel")
            expect(panel).to_be_visible()

            # 1. A question answered from the five articles: streamed text, citation markers.
            field = page.get_by_test_id("input")
            field.fill("Lào Cai ký thỏa thuận với châu Hồng Hà khi nào, ở đâu?")
            field.press("Enter")
            first = page.get_by_test_id("message-bot").nth(0)
            marker = first.get_by_test_id("cite-marker").first
            expect(marker).to_be_visible(timeout=60_000)
            marker.click()
            detail = first.get_by_test_id("cite-detail")
            expect(detail).to_be_visible()
            expect(detail.get_by_test_id("cite-quote").first).not_to_be_empty()
            detail.get_by_test_id("open-article").click()
            article = page.get_by_test_id("article-view")
            expect(article).to_be_visible()
            expect(article.get_by_test_id("article-text")).to_contain_text("Hồng Hà", timeout=30_000)
            article.get_by_test_id("article-back").click()
            expect(article).to_be_hidden()

            # On a phone the article opens scrolled to the quote: its date and author stay in view in
            # the bar, not hidden above the text under it.
            page.set_viewport_size({"width": 375, "height": 667})
            detail.get_by_test_id("open-article").click()
            bar_meta = article.get_by_test_id("article-bar-meta")
            expect(bar_meta).to_be_visible(timeout=30_000)
            expect(bar_meta).to_contain_text("2024")
            box = bar_meta.bounding_box()
            assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 667, box
            article.get_by_test_id("article-back").click()
            expect(article).to_be_hidden()
            page.set_viewport_size({"width": 1280, "height": 800})

            # 1b. A follow-up: answered about the new subject, as a short bubble with one source per article.
            field.fill("còn châu Văn Sơn thì sao?")
            field.press("Enter")
            follow = page.get_by_test_id("message-bot").nth(1)
            expect(follow.get_by_test_id("cite-marker").first).to_be_visible(timeout=60_000)
            bubble_text = follow.locator(".answer-text").inner_text()
            assert bubble_text.startswith("Về châu Văn Sơn: "), bubble_text
            assert len(bubble_text.split()) <= 40, bubble_text
            sources = follow.get_by_test_id("source")
            titles = [sources.nth(i).inner_text() for i in range(sources.count())]
            assert titles and len(titles) == len(set(titles)), titles
            # a new conversation: the same words are no longer read as a follow-up
            page.get_by_test_id("new-chat").click()
            expect(page.get_by_test_id("new-chat-divider")).to_be_visible()
            field.fill("còn châu Văn Sơn thì sao?")
            field.press("Enter")
            fresh = page.get_by_test_id("message-bot").nth(2)
            expect(fresh.get_by_test_id("source").first).to_be_visible(timeout=60_000)  # answered
            expect(fresh.locator(".answer-text")).not_to_contain_text("Về châu Văn Sơn: ")

            # 2. The uploaded article with markup in its text: shown as text, never as HTML.
            field.fill(MARKUP_QUESTION)
            field.press("Enter")
            second = page.get_by_test_id("message-bot").nth(3)
            marker = second.get_by_test_id("cite-marker").first
            expect(marker).to_be_visible(timeout=60_000)
            marker.click()
            detail = second.get_by_test_id("cite-detail")
            expect(detail).to_contain_text("Lễ hội hoa tam giác mạch")
            detail.get_by_test_id("open-article").click()
            text = article.get_by_test_id("article-text")
            expect(text).to_contain_text("<b>đậm</b>", timeout=30_000)
            expect(text).to_contain_text('<img src=x onerror="window.__xss=1">')

            injected = page.evaluate(
                """() => {
                    const root = document.querySelector('vnrag-widget').shadowRoot;
                    const bold = [...root.querySelectorAll('b')].filter(b => b.textContent.includes('đậm'));
                    return {
                        bold: bold.length,
                        img: root.querySelectorAll('img').length + document.querySelectorAll('img').length,
                        xss: typeof window.__xss,
                    };
                }"""
            )
            assert injected == {"bold": 0, "img": 0, "xss": "undefined"}
            page.wait_for_timeout(300)  # give a would-be onerror handler its chance
            assert page.evaluate("typeof window.__xss") == "undefined"
            csp_violations = [e for e in console_errors if "Content Security Policy" in e]
            assert not csp_violations, csp_violations
        finally:
            browser.close()
