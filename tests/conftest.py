"""Shared fixtures. Paths are relative to the repository, never to ../shared."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
PLAN = ROOT / "data" / "plan.yaml"
SOURCE = ROOT / "data" / "sources" / "phu-luc-nhiem-vu-ke-hoach-17-KH-UBND-xa-ba-dinh.txt"




@pytest.fixture(scope="session")
def plan():
    from macros.loader import load_plan

    return load_plan(PLAN).plan
