"""The reference date is the date in Vietnam of the commit (or of SOURCE_DATE_EPOCH), never the wall clock."""

from __future__ import annotations

import datetime as dt

import pytest

from helpers import git
from macros.plan.problems import DataError
from macros.progress.refdate import VIETNAM, reference_date, vietnam_date

pytestmark = pytest.mark.unit

EVENING_UTC = 1759348800  # 2025-10-01T20:00:00Z, already 2 October in Vietnam


def test_an_epoch_late_in_the_utc_evening_is_the_next_day_in_vietnam():
    assert dt.datetime.fromtimestamp(EVENING_UTC, dt.UTC).isoformat() == "2025-10-01T20:00:00+00:00"
    assert vietnam_date(EVENING_UTC) == dt.date(2025, 10, 2)
    assert reference_date(env={"SOURCE_DATE_EPOCH": str(EVENING_UTC)}) == dt.date(2025, 10, 2)


def test_midnight_in_vietnam_is_the_boundary():
    assert vietnam_date(EVENING_UTC - 3 * 3600 - 1) == dt.date(2025, 10, 1)  # 16:59:59Z = 23:59:59 in Vietnam
    assert vietnam_date(EVENING_UTC - 3 * 3600) == dt.date(2025, 10, 2)


@pytest.fixture
def repo(tmp_path):
    git(tmp_path, "init", "-q")
    (tmp_path / "a.txt").write_text("a\n")
    git(tmp_path, "add", "a.txt")
    git(tmp_path, "commit", "-q", "-m", "a", date="2025-10-01T20:00:00+00:00")
    return tmp_path


def test_without_source_date_epoch_the_latest_commit_decides(repo):
    assert reference_date(repo, env={}) == dt.date(2025, 10, 2)


def test_an_empty_source_date_epoch_is_ignored(repo):
    assert reference_date(repo, env={"SOURCE_DATE_EPOCH": ""}) == dt.date(2025, 10, 2)


def test_source_date_epoch_wins_over_the_commit(repo):
    assert reference_date(repo, env={"SOURCE_DATE_EPOCH": "0"}) == dt.date(1970, 1, 1)


def test_outside_git_it_is_today_in_vietnam(tmp_path):
    assert reference_date(tmp_path, env={}) == dt.datetime.now(VIETNAM).date()


def test_a_malformed_source_date_epoch_is_explained():
    with pytest.raises(DataError) as caught:
        reference_date(env={"SOURCE_DATE_EPOCH": "2025-10-02"})
    assert "cần một số nguyên" in str(caught.value)

