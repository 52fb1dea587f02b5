"""Screenshots of every page of the built site, at a desktop and a phone width.

    .venv/bin/mkdocs build --strict --site-dir site
    .venv/bin/python scripts/docs_screenshots.py site screenshots

Serves the built site on 127.0.0.1 (a random port) and drives Debian's Chromium through
Playwright (``playwright`` is in the dev group; no browser is downloaded). Writes one full-page
PNG per page and width, named after the page's path, to look at before a docs change lands.
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


def main(site: Path, out: Path) -> None:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    server, base = serve(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for width in WIDTHS:
                page = browser.new_page(viewport={"width": width, "height": 900})
                for path in pages(site):
                    page.goto(base + path, wait_until="load")
                    name = (path.strip("/").replace("/", "_") or "index") + f"-{width}.png"
                    page.screenshot(path=str(out / name), full_page=True)
                    print(out / name)
                page.close()
            browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
