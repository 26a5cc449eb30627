"""The page: the view of a document as a standalone HTML page or a Jupyter fragment."""
from __future__ import annotations

import base64
import hashlib
import re
import secrets
from functools import lru_cache
from importlib import resources

import pandas as pd

from ..model import Document
from .markup import attr, escape, weave
from .marks import all_marks
from .panels import counts_line, figures_panel, findings_panel, legend, problems_panel, toc
from .prepare import Prepared, prepare

__all__ = ["render_html"]

BAD_CHARS = re.compile("[\x00\ud800-\udfff]")


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    return resources.files("summary_mining").joinpath("data", name).read_text(encoding="utf-8")


def script_hash(js: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii")


# ---------------------------------------------------------------------------------------------
# the page
def sanitize(text: str) -> str:
    """NUL and lone surrogates -> U+FFFD, one character for one (offsets are unchanged)."""
    return BAD_CHARS.sub("\ufffd", text) if BAD_CHARS.search(text) else text


def checked_view_id(view_id: str | None) -> str:
    if view_id is None:
        return "smv-" + secrets.token_hex(4)
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", view_id):
        raise ValueError(f"view_id must be a letter followed by letters, digits, - or _; got {view_id!r}")
    return view_id


def fragment(prep: Prepared, title: str, has_problems: bool, has_audit: bool, script: str) -> str:
    doc = prep.doc
    body = weave(sanitize(doc.text), all_marks(prep))
    side = (findings_panel(prep) if has_audit else "") + (problems_panel(prep) if has_problems else "") \
        + figures_panel(prep)
    meta = f"{escape(doc.doc_id)} · {escape(doc.format)} · {len(doc.text):,} 字 · {len(doc.articles)} 篇 · {len(doc.sections)} 节"
    return (f'<div class="sm-view" id="{prep.vid}" lang="zh-CN" data-doc-id="{attr(doc.doc_id)}">'
            f'<header class="sm-head"><div class="sm-title">{escape(title)}</div><div class="sm-meta">{meta}</div>'
            f"{counts_line(prep, has_problems, has_audit)}{legend(has_problems, has_audit)}</header>"
            f"{toc(prep)}"
            f'<main class="sm-doc"><div class="sm-text">{body}</div></main>'
            f'<aside class="sm-side">{side}</aside>'
            f'<div class="sm-tip" role="tooltip"></div>'
            f"<script>{script}</script></div>")


def render_html(doc: Document, metrics: pd.DataFrame | None, problems: pd.DataFrame | None = None,
                audit: pd.DataFrame | None = None, *, title: str | None = None, standalone: bool = True,
                view_id: str | None = None) -> str:
    """The view of ``doc`` with ``metrics`` (and ``problems``, ``audit`` when given) as HTML.

    ``standalone=True`` gives a complete page (inline CSS/JS, a Content-Security-Policy that
    forbids all network access and any script but the view's own); ``False`` a fragment for
    Jupyter. ``view_id`` prefixes every element id (random by default, so several views can
    share a notebook). Rendering is one pass over the text: linear in its length and in the
    number of results.
    """
    vid = checked_view_id(view_id)
    title = title or doc.title or doc.doc_id
    script = asset("view.js")
    prep = prepare(doc, metrics, problems, audit, vid)
    frag = fragment(prep, title, problems is not None, audit is not None, script)
    css = asset("view.css")
    if not standalone:
        return f"<style>{css}</style>{frag}"
    csp = (f"default-src 'none'; style-src 'unsafe-inline'; script-src '{script_hash(script)}'; "
           "img-src data:; font-src data:; base-uri 'none'; form-action 'none'")
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title><style>{css}</style></head>"
            f'<body class="sm-page">{frag}</body></html>\n')


# ---------------------------------------------------------------------------------------------
