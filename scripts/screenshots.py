#!/usr/bin/env python
"""Screenshots of the chat widget, taken from the real server (`rag serve`) for the README.

    . .venv/bin/activate
    python scripts/screenshots.py                      # index data/articles into a temporary directory
    python scripts/screenshots.py --index index        # or ingest into / reuse an existing index

Steps: `rag ingest data/articles --index DIR` (incremental: a no-op when DIR is already up to date;
embeddings are reused from RAG_CACHE_DIR, default .cache/rag), `rag serve` on a free 127.0.0.1 port,
wait for /health, drive Debian's chromium (/usr/bin/chromium) with Playwright and write
docs/widget-{closed,answer,english,mobile,abstained}.png, then stop the server.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, Locator, Page, ViewportSize, expect, sync_playwright

from launch import CHROMIUM, CHROMIUM_ARGS, ServerStartError, rag_command, serve_subprocess  # scripts/

ROOT = Path(__file__).resolve().parent.parent
DESKTOP: ViewportSize = {"width": 1280, "height": 800}
MOBILE: ViewportSize = {"width": 390, "height": 844}
ANSWER_TIMEOUT_MS = 120_000

Q_ANSWER = "Lào Cai ký thỏa thuận với châu Hồng Hà giai đoạn 2024 – 2028 khi nào, ở đâu?"
Q_ENGLISH = "Who led the Wenshan delegation in the talks with Hà Giang?"
Q_MOBILE = "ai dan dau doan dai bieu chau van son?"
Q_ABSTAIN = "Thủ tướng Phạm Minh Chính dâng hương ở đâu dịp Tết 2026?"


def log(message: str) -> None:
    print(f"[screenshots] {message}", file=sys.stderr, flush=True)


def ingest(index_dir: Path, env: dict[str, str]) -> None:
    log(f"rag ingest data/articles --index {index_dir}")
    subprocess.run(
        [*rag_command(), "ingest", "data/articles", "--index", str(index_dir)], cwd=ROOT, env=env, check=True
    )


@contextmanager
def served(index_dir: Path, env: dict[str, str], log_path: Path) -> Iterator[str]:
    """`rag serve` in a subprocess on a free port; yields its base URL once /health answers 200."""
    log(f"rag serve (log: {log_path})")
    try:
        with serve_subprocess(index_dir, env, log_path, cwd=ROOT) as base:
            log(f"serving on {base}")
            yield base
    except ServerStartError as exc:
        raise SystemExit(str(exc)) from exc
    log("server stopped")


class Shooter:
    def __init__(self, browser: Browser, base: str, out_dir: Path) -> None:
        self.browser = browser
        self.base = base
        self.out_dir = out_dir
        self.written: list[Path] = []
        self.errors: dict[int, list[str]] = {}

    def page(self, viewport: ViewportSize, *, mobile: bool = False, locale: str = "vi-VN") -> Page:
        """A fresh context (empty localStorage: no earlier turns, default language) on the demo page."""
        context = self.browser.new_context(
            viewport=viewport,
            device_scale_factor=1,
            is_mobile=mobile,
            has_touch=mobile,
            locale=locale,
            reduced_motion="reduce",
        )
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on(
            "console",
            lambda m: (
                errors.append(m.text)
                if m.type == "error" and not m.location.get("url", "").endswith("/favicon.ico")
                else None
            ),
        )
        page.goto(f"{self.base}/")
        page.wait_for_function("() => !!window.VnRagWidget && !!document.querySelector('vnrag-widget')")
        page.evaluate("() => document.fonts.ready")
        page.get_by_test_id("launcher").wait_for(state="visible")
        self.errors[id(page)] = errors
        return page

    def ask(self, page: Page, question: str) -> Locator:
        """Type the question into the open widget, send it, wait for the final (non-streaming) answer."""
        field = page.get_by_test_id("input")
        field.fill(question)
        field.press("Enter")
        bot = page.get_by_test_id("message-bot").last
        # done = the widget is idle and the bot bubble is the rendered answer, not the streaming one
        page.wait_for_function(
            """() => {
                const root = document.querySelector('vnrag-widget').shadowRoot;
                const bots = root.querySelectorAll('[data-testid="message-bot"]');
                const last = bots[bots.length - 1];
                return !window.VnRagWidget.busy && !!last && !last.querySelector('.bubble.pending')
                    && !!last.querySelector('.bubble.answer, [data-testid="error"]');
            }""",
            timeout=ANSWER_TIMEOUT_MS,
        )
        if bot.get_by_test_id("error").count():
            shown = bot.get_by_test_id("error").inner_text()
            raise SystemExit(f"the widget shows an error for {question!r}: {shown}")
        expect(bot.locator(".answer-text")).not_to_be_empty()
        return bot

    def settle(self, page: Page) -> None:
        page.wait_for_timeout(300)
        page.evaluate("() => document.fonts.ready")

    def shot(self, page: Page, name: str) -> None:
        self.settle(page)
        errors = self.errors.pop(id(page), [])
        if errors:
            log(f"browser errors on {name}: {errors}")
        path = self.out_dir / name
        page.screenshot(path=str(path), animations="disabled", caret="hide")
        page.context.close()
        self.written.append(path)
        log(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")

    def scroll_to(self, page: Page, selector_js: str) -> None:
        """Scroll the message list so that the element `selector_js` (may use `bot`) is at its top."""
        page.evaluate(
            f"""() => {{
                const root = document.querySelector('vnrag-widget').shadowRoot;
                const box = root.querySelector('[data-testid="messages"]');
                const bots = root.querySelectorAll('[data-testid="message-bot"]');
                const bot = bots[bots.length - 1];
                const target = {selector_js};
                if (!target) return;
                const offset = target.getBoundingClientRect().top - box.getBoundingClientRect().top;
                box.scrollTop = Math.max(0, box.scrollTop + offset - 12);
            }}"""
        )

    # ------------------------------------------------------------------ the five screenshots

    def closed(self) -> None:
        page = self.page(DESKTOP)
        self.shot(page, "widget-closed.png")

    def answer(self) -> None:
        page = self.page(DESKTOP)
        page.get_by_test_id("launcher").click()
        bot = self.ask(page, Q_ANSWER)
        marker = bot.locator('[data-testid="cite-marker"][data-n="1"]').first
        if not marker.count():
            marker = bot.get_by_test_id("source").first
        marker.click()
        expect(bot.get_by_test_id("cite-detail")).to_be_visible()
        expect(bot.get_by_test_id("cite-quote").first).not_to_be_empty()
        # the answer is taller than the panel: scroll so that the expanded citation ends at the bottom of
        # the message list, with as much of the answer (and its markers) as fits above it
        page.evaluate(
            """() => {
                const root = document.querySelector('vnrag-widget').shadowRoot;
                const box = root.querySelector('[data-testid="messages"]');
                const bots = root.querySelectorAll('[data-testid="message-bot"]');
                const detail = bots[bots.length - 1].querySelector('[data-testid="cite-detail"]');
                const d = detail.getBoundingClientRect(), b = box.getBoundingClientRect();
                box.scrollTop += d.bottom - b.bottom + 12;
            }"""
        )
        self.shot(page, "widget-answer.png")

    def english(self) -> None:
        page = self.page(DESKTOP, locale="en-US")
        page.get_by_test_id("launcher").click()
        page.get_by_test_id("lang-toggle").click()
        expect(page.get_by_test_id("lang-toggle").locator("span.on")).to_have_text("EN")
        bot = self.ask(page, Q_ENGLISH)
        bot.get_by_test_id("sources").wait_for(state="visible")
        self.scroll_to(page, "bot.closest('.turn')")
        self.shot(page, "widget-english.png")

    def mobile(self) -> None:
        page = self.page(MOBILE, mobile=True)
        page.get_by_test_id("launcher").click()
        self.ask(page, Q_MOBILE)
        page.get_by_test_id("input").blur()
        self.scroll_to(page, "bot.closest('.turn')")
        self.shot(page, "widget-mobile.png")

    def abstained(self) -> None:
        page = self.page(DESKTOP)
        page.get_by_test_id("launcher").click()
        bot = self.ask(page, Q_ABSTAIN)
        expect(bot.get_by_test_id("abstained")).to_be_visible()
        bot.get_by_test_id("sources").wait_for(state="visible")
        self.scroll_to(page, "bot.closest('.turn')")
        self.shot(page, "widget-abstained.png")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--index",
        type=Path,
        help="index directory to ingest data/articles into (incremental) and serve; default: a temporary one",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="where the PNGs go (default: docs/)")
    args = parser.parse_args()

    if not CHROMIUM.exists():
        raise SystemExit(f"{CHROMIUM} is missing: install Debian's chromium")
    env = {**os.environ, "RAG_API_KEY": ""}
    env.setdefault("RAG_CACHE_DIR", str(ROOT / ".cache" / "rag"))
    out_dir = args.out.resolve()
    out_dir.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="rag-screenshots-") as tmp:
        index_dir = args.index.resolve() if args.index else Path(tmp) / "index"
        index_dir.mkdir(parents=True, exist_ok=True)
        ingest(index_dir, env)
        with served(index_dir, env, Path(tmp) / "server.log") as base:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
                try:
                    shooter = Shooter(browser, base, out_dir)
                    shooter.closed()
                    shooter.answer()
                    shooter.english()
                    shooter.mobile()
                    shooter.abstained()
                finally:
                    browser.close()
    for path in shooter.written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


if __name__ == "__main__":
    main()
