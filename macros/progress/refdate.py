"""The build's reference date: the "today" against which dates are judged.

Overdue flags and "a report dated in the future" both depend on what
today is. Using the wall clock would make the same commit build a
different site tomorrow, so the date comes from the data's own history.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Mapping
from pathlib import Path

from ..plan.problems import DataError, Problem

# Vietnam has kept UTC+7 without daylight saving since 1975. A fixed offset
# needs no tz database, which Windows machines and slim containers may lack.
VIETNAM = dt.timezone(dt.timedelta(hours=7), "Asia/Ho_Chi_Minh")


def vietnam_date(epoch: int) -> dt.date:
    """The calendar date in Vietnam at ``epoch`` (seconds since 1970, UTC).

    A report written at 8 a.m. in Hà Nội is still "yesterday" in UTC; judging
    it in Vietnamese time keeps it from looking like it is in the future."""
    return dt.datetime.fromtimestamp(epoch, VIETNAM).date()


def reference_date(repo: Path | str | None = None, env: Mapping[str, str] | None = None) -> dt.date:
    """The date in Vietnam of ``SOURCE_DATE_EPOCH``, else of the latest commit, else today.

    ``SOURCE_DATE_EPOCH`` (reproducible-builds.org) comes first so that a
    packager or CI can fix the date explicitly. Otherwise the latest commit's
    committer time is used, so that the same commit always builds the same
    site. Only when there is no git history at all (a downloaded archive, a
    temporary directory) does the wall clock decide: a site that builds with
    today's date is better than one that does not build.
    """
    env = os.environ if env is None else env
    value = env.get("SOURCE_DATE_EPOCH", "").strip()
    if value:
        return vietnam_date(_parse_epoch(value))
    commit = _latest_commit_epoch(Path(repo) if repo is not None else Path.cwd())
    if commit is not None:
        return vietnam_date(commit)
    return dt.datetime.now(VIETNAM).date()


def _parse_epoch(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise DataError(
            [Problem("SOURCE_DATE_EPOCH", None, "", "cần một số nguyên (số giây kể từ 1970-01-01 UTC); "
                                                    f"giá trị đang có: {value!r}.")]
        ) from None


def _latest_commit_epoch(repo: Path) -> int | None:
    """Committer time of HEAD, or None when ``repo`` is not in a git checkout."""
    directory = repo if repo.is_dir() else repo.parent
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],
            cwd=directory, capture_output=True, text=True, check=False, timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    text = result.stdout.strip()
    return int(text) if result.returncode == 0 and text.isdigit() else None
