"""MkDocs hook: a page's canonical link only where the site is published (``SITE_URL`` set).

``site_url`` in mkdocs.yml falls back to where ``make serve-docs`` serves the site, so that
sitemap.xml (which the theme's language selector reads) stays complete for a local copy. A
canonical link to 127.0.0.1 would tell a search engine or a reader's tools that a page lives on
their own machine: without ``SITE_URL`` the pages carry none.
"""

from __future__ import annotations

import os
import re
from typing import Any

CANONICAL = re.compile(r'\s*<link rel="canonical" href="[^"]*">')


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Drop the canonical link unless the build was told where the site is published."""
    del page, config
    if os.environ.get("SITE_URL"):
        return output
    return CANONICAL.sub("", output)
