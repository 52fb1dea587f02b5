"""Screenshots of every page of the built site, at a desktop and a phone width.

    .venv/bin/mkdocs build --strict --site-dir site
    .venv/bin/python scripts/docs_screenshots.py site screenshots [PREFIX] [--screens N]

Serves the built site on 127.0.0.1 (a random port) and drives Debian's Chromium through
Playwright (``playwright`` is in the dev group; no browser is downloaded). Writes PNGs per page
and width, named after the page's path, to look at before a docs change lands. A tall page is
cut into screens of 1.5 viewports (``-1366-p0.png``, ``-1366-p1.png``, ...) so that each image
stays readable; ``--screens N`` keeps only the first N of them (default: all). ``PREFIX`` (for
example ``zh/``) keeps only the pages whose path starts with it.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WIDTHS = (1366, 390)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        del format, args


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve ``site`` on 127.0.0.1 at a free port, in a daemon thread; return the server and URL."""
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def pages(site: Path) -> list[str]:
    """The site's pages as URL paths ('' for the home page), 404 left out."""
    found = []
    for path in sorted(site.rglob("index.html")):
        relative = path.parent.relative_to(site).as_posix()
        if relative.startswith(("assets", "search")):
            continue
        found.append("" if relative == "." else relative + "/")
    return found


HEIGHT = 900
EAGER_IMAGES = """Promise.all([...document.images].map((img) => {
    img.loading = "eager";
    return img.complete ? null : new Promise((done) => { img.onload = img.onerror = done; });
}))"""
CHUNK = HEIGHT * 3 // 2


def main(site: Path, out: Path, prefix: str = "", screens: int = 0) -> None:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    server, base = serve(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for width in WIDTHS:
                page = browser.new_page(viewport={"width": width, "height": HEIGHT})
                for path in pages(site):
                    if not path.startswith(prefix):
                        continue
                    page.goto(base + path, wait_until="load")
                    # Lazy images below the first screen would show as blanks in the PNGs.
                    page.evaluate(EAGER_IMAGES)
                    page.evaluate("document.fonts.ready")
                    stem = (path.strip("/").replace("/", "_") or "index") + f"-{width}"
                    height = int(page.evaluate("document.documentElement.scrollHeight"))
                    sideways = int(page.evaluate("document.documentElement.scrollWidth"))
                    count = -(-height // CHUNK)
                    if screens:
                        count = min(count, screens)
                    for i in range(count):
                        top = i * CHUNK
                        size = {"width": width, "height": min(CHUNK, height - top)}
                        clip = {"x": 0, "y": top, **size}
                        png = str(out / f"{stem}-p{i}.png")
                        page.screenshot(path=png, full_page=True, clip=clip)
                    wide = "" if sideways <= width else f" SCROLLS SIDEWAYS ({sideways} px)"
                    print(f"{stem}: {height} px tall, {count} screens{wide}")
                page.close()
            browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    args = sys.argv[1:]
    keep = 0
    if "--screens" in args:
        at = args.index("--screens")
        keep = int(args[at + 1])
        del args[at : at + 2]
    main(Path(args[0]), Path(args[1]), args[2] if len(args) > 2 else "", keep)
