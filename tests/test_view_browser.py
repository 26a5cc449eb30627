"""The view in a real browser: headless Chromium loads the saved page, runs its script, and we read
back the DOM (``--dump-dom``) and a screenshot.

Skipped when no ``chromium`` binary is on PATH (CI installs Debian's ``chromium``).
"""
from __future__ import annotations

import importlib.util
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

import summary_mining as sm
from summary_mining.view import FIGURE_KINDS, format_value, show

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary on PATH (apt-get install -y chromium)")
HAS_PROBLEMS = importlib.util.find_spec("summary_mining.problems") is not None
HAS_AUDIT = importlib.util.find_spec("summary_mining.auditing") is not None
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--hide-scrollbars"]


def chromium(page: Path, tmp: Path, *args: str, timeout: int = 120) -> str:
    """Run headless Chromium on a file; its stdout (the DOM with ``--dump-dom``)."""
    profile = tmp / "profile"
    profile.mkdir(exist_ok=True)
    proc = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args, page.resolve().as_uri()],
                          capture_output=True, timeout=timeout)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")[-2000:]
    return proc.stdout.decode("utf-8")


class Elements(HTMLParser):
    """Elements of a dumped DOM: (tag, attrs, text content) — text gathered for every element."""

    VOID = {"meta", "input", "br", "img", "hr", "link", "wbr", "source", "col", "area", "base", "embed", "track"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[dict] = []
        self.open: list[dict] = []

    def handle_starttag(self, tag, attrs):
        el = {"tag": tag, "attrs": {k: v or "" for k, v in attrs}, "text": []}
        self.elements.append(el)
        if tag not in self.VOID:
            self.open.append(el)

    def handle_endtag(self, tag):
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i]["tag"] == tag:
                del self.open[i:]
                return

    def handle_data(self, data):
        for el in self.open:
            el["text"].append(data)


def elements(dom: str) -> list[dict]:
    p = Elements()
    p.feed(dom)
    p.close()
    for el in p.elements:
        el["text"] = "".join(el["text"])
        el["classes"] = set(el["attrs"].get("class", "").split())
    return p.elements


@pytest.fixture(scope="module")
def seed_view(seed_path):
    return show(seed_path)


@pytest.fixture(scope="module")
def seed_dom(seed_view, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser")
    page = seed_view.save(tmp / "seed.html")
    return elements(chromium(page, tmp, "--dump-dom"))


def test_every_extracted_figure_is_highlighted_with_its_value(seed_dom, seed_view):
    m = seed_view.metrics
    figs = [e for e in seed_dom if e["attrs"].get("data-kind") in FIGURE_KINDS]
    assert len(figs) == len(m) > 100
    at = {int(e["attrs"]["data-start"]): e for e in figs}
    for r in m.itertuples():
        el = at[r.start]
        assert el["attrs"]["data-value"] == ("" if r.redacted else format_value(r.value)), r.surface
        assert el["text"] == r.surface
        assert el["attrs"]["data-unit"] == r.unit and el["attrs"]["data-kind"] == r.kind


def test_the_view_script_ran_under_its_content_security_policy(seed_dom):
    (root,) = [e for e in seed_dom if "sm-view" in e["classes"]]
    assert "sm-js" in root["classes"]  # the script ran: its hash is allowed by the page's CSP


def test_problems_and_findings_in_the_browser(seed_dom, seed_view):
    if HAS_PROBLEMS:
        probs = [e for e in seed_dom if e["attrs"].get("data-kind") == "problem"]
        assert len(probs) == len(seed_view.problems) > 0
    if HAS_AUDIT:
        ids = {e["attrs"]["id"]: e for e in seed_dom if "id" in e["attrs"]}
        bad = seed_view.audit[seed_view.audit["status"] == "inconsistent"]
        for r in bad.itertuples():
            for s, e, surface in r.evidence:
                el = [x for x in ids.values() if x["attrs"].get("data-start") == str(s)
                      and x["attrs"].get("data-end") == str(e) and "sm-problem" not in x["classes"]][0]
                assert "sm-audit-inconsistent" in el["classes"] and el["text"] == surface
                assert r.message in el["attrs"]["data-tip"]


def test_script_in_the_document_is_shown_as_text_and_never_runs(tmp_path):
    text = ("一、情况\n<script>document.body.setAttribute('data-pwned','1')</script>签约项目10个，"
            "<img src=x onerror=\"document.body.setAttribute('data-pwned','2')\">投资总额24亿元。\n")
    page = show(sm.read_document(text=text), problems=False, audit=False).save(tmp_path / "evil.html")
    dom = chromium(page, tmp_path, "--dump-dom")
    els = elements(dom)
    (body,) = [e for e in els if e["tag"] == "body"]
    assert "data-pwned" not in body["attrs"]
    assert [e["tag"] for e in els].count("script") == 1 and not [e for e in els if e["tag"] == "img"]
    (shown,) = [e for e in els if "sm-text" in e["classes"]]
    assert "<script>document.body.setAttribute('data-pwned','1')</script>" in shown["text"]
    assert "&lt;script&gt;" in dom
    assert [e["text"] for e in els if e["attrs"].get("data-kind") in FIGURE_KINDS] == ["10个", "24亿元"]


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_screenshot_of_the_seed(seed_view, tmp_path):
    page = seed_view.save(tmp_path / "seed.html")
    png = tmp_path / "seed.png"
    chromium(page, tmp_path, f"--screenshot={png}", "--window-size=1280,1400")
    assert _png_size(png) == (1280, 1400)
    assert png.stat().st_size > 50_000  # text and colour, not a blank page


def test_a_one_megabyte_document_loads_in_the_browser(tmp_path, seed_view):
    doc, m = seed_view.doc, seed_view.metrics
    text = doc.text if doc.text.endswith("\n") else doc.text + "\n"
    k, n = 31, len(text)
    big = sm.read_document(text=text * k, doc_id="big")
    assert len(big.text.encode("utf-8")) > 900_000
    parts = []
    for i in range(k):
        d = m.copy()
        d["start"], d["end"], d["doc_id"] = d["start"] + i * n, d["end"] + i * n, "big"
        parts.append(d)
    bm = pd.concat(parts, ignore_index=True)
    page = show(big, metrics=bm, problems=False, audit=False).save(tmp_path / "big.html")
    dom = chromium(page, tmp_path, "--dump-dom", timeout=60)
    els = elements(dom)
    assert sum(e["attrs"].get("data-kind") in FIGURE_KINDS for e in els) == len(bm)
    (root,) = [e for e in els if "sm-view" in e["classes"]]
    assert "sm-js" in root["classes"]


def test_a_bulletin_table_is_a_table_in_the_browser(tmp_path):
    # 表10年末每百户城乡居民家庭拥有耐用品 / 单位：台 (rows built from the 黔东南 2016 bulletin)
    from summary_mining.figures.tables import table_document

    doc = table_document([["", "城 镇", "农村"], ["彩色电视机", "110", "107"], ["移动电话", "287", "299"]], unit="台",
                         before="表10年末每百户城乡居民家庭拥有耐用品")
    page = show(doc, problems=False, audit=False).save(tmp_path / "table.html")
    dom = elements(chromium(page, tmp_path, "--dump-dom"))
    (table,) = [e for e in dom if e["tag"] == "table" and "sm-dtable" in e["classes"]]
    i = dom.index(table)
    cells = [e for e in dom[i:i + 40] if e["tag"] in ("td", "th")][:9]  # the table's cells come first (then the side panel)
    assert [c["text"].rstrip("\t\n") for c in cells] == ["", "城 镇", "农村", "彩色电视机", "110", "107", "移动电话", "287", "299"]
    figs = [e for e in dom if e["attrs"].get("data-kind") in FIGURE_KINDS]
    assert [(f["text"], f["attrs"]["data-unit"]) for f in figs] == [("110", "台"), ("107", "台"), ("287", "台"), ("299", "台")]
    assert "110" in table["text"]


@pytest.mark.skipif(not HAS_AUDIT, reason="the audit module is not installed")
def test_hovering_a_total_outlines_its_parts(tmp_path):
    """A breakdown's total hovered: the total and each of its parts are outlined, nothing else. The page's
    script runs as shipped; a driver script (allowed by dropping the page's CSP in this copy only)
    dispatches the mouseover before the DOM is dumped."""
    import re

    text = "一、情况\n全县生产总值56.82亿元。其中，第一产业增加值5.32亿元，第二产业增加值11.49亿元，第三产业增加值40.01亿元。另有签约项目10个。\n"
    page = show(sm.read_document(text=text), problems=False).save(tmp_path / "hover.html")
    html = page.read_text(encoding="utf-8")
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    start = text.index("56.82亿元")
    driver = ("<script>var t=document.querySelector('.sm-fig[data-start=\"%d\"]');"
              "t.dispatchEvent(new MouseEvent('mouseover',{bubbles:true}));</script>" % start)
    page.write_text(html.replace("</body>", driver + "</body>"), encoding="utf-8")
    dom = elements(chromium(page, tmp_path, "--dump-dom"))
    outlined = {e["text"] for e in dom if "sm-related" in e["classes"]}
    assert outlined == {"56.82亿元", "5.32亿元", "11.49亿元", "40.01亿元"}
    here = [e["text"] for e in dom if "sm-related-here" in e["classes"]]
    assert here == ["56.82亿元"]
