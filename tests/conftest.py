"""Shared fixtures: the seed document, the development corpus and the real-format files.

``shared/`` sits beside the checkout (``../shared``); tests that need it skip with a clear
reason when it is absent, everything else runs on files committed under ``corpora/``.
"""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPORA = ROOT / "corpora"
SEED = CORPORA / "seed.txt"


def shared_path(*parts: str) -> Path:
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} not available (shared/ is laid beside the checkout)")
    return p


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def formats_dir() -> Path:
    return shared_path("formats")


@pytest.fixture(scope="session")
def dev_dir() -> Path:
    return shared_path("dev")
