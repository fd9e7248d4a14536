"""Which tasks a unit answers for, on every fixture plan: the rule the unit page and the periodic report share."""

from __future__ import annotations

import pytest

from helpers import PLAN_DIRS, XA_MAU, load_fixture
from macros.plan.assignments import assignments

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("name", sorted(PLAN_DIRS))
def test_a_unit_answers_for_what_names_it_and_what_its_groups_are_given(name):
    plan = load_fixture(PLAN_DIRS[name]).plan
    done = assignments(plan)
    for unit in plan.units:
        lists = done.unit_lists(unit)
        assert len(lists) == 2 + 2 * len(unit.member_of)
        expected = [[t.id for t in plan.leaf_tasks if who in t.lead.units] for who in [unit.id, *unit.member_of]]
        expected_coordinating = [
            [t.id for t in plan.leaf_tasks if who in t.coordinating.units] for who in [unit.id, *unit.member_of]
        ]
        assert [[t.id for t in lst] for lst in lists[0::2]] == expected  # led: by itself, then by each group
        assert [[t.id for t in lst] for lst in lists[1::2]] == expected_coordinating


def test_tram_y_te_takes_part_in_xa_mau_as_read_by_hand():
    """tests/fixtures/plans/xa-mau/plan.yaml: the health station leads III.1, coordinates IV.1, and its group
    (khoi-chuyen-mon) leads IV.1 and coordinates III.1, II.1.b and IV.2."""
    plan = load_fixture(XA_MAU).plan
    lists = assignments(plan).unit_lists(plan.unit_by_id["tram-y-te"])
    assert [[t.id for t in lst] for lst in lists] == [["III.1"], ["IV.1"], ["IV.1"], ["II.1.b", "III.1", "IV.2"]]
