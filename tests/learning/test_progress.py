from learning.enums import ProgressStatus
from learning.progress import first_step_not_done, module_rollup, tutorial_fraction, tutorial_status


def test_tutorial_fraction_keeps_steps_done_and_counts_new_ones_to_do():
    assert tutorial_fraction(["a", "b", "c", "d"], ["a", "b"]) == 0.5
    assert tutorial_fraction(["a", "c"], ["a", "b"]) == 2 / 3  # "b" was removed by an edit: done, it still counts
    assert tutorial_fraction(["a", "b", "new"], ["a", "b"]) == 2 / 3  # a new step is not done
    assert tutorial_fraction([], ["a"]) == 0.0


def test_tutorial_status():
    assert tutorial_status(["a", "b"], []) == ProgressStatus.NOT_STARTED
    assert tutorial_status(["a", "b"], ["x"]) == ProgressStatus.NOT_STARTED
    assert tutorial_status(["a", "b"], ["a"]) == ProgressStatus.IN_PROGRESS
    assert tutorial_status(["a", "b"], ["b", "a", "x"]) == ProgressStatus.COMPLETED


def test_first_step_not_done_is_where_reprendre_leads():
    assert first_step_not_done(["a", "b", "c"], ["a", "c"]) == "b"
    assert first_step_not_done(["a", "b"], ["a", "b"]) is None
    assert first_step_not_done(["a", "b"], []) == "a"


def test_module_rollup_gives_partial_credit_and_the_next_item():
    rollup = module_rollup([("t1", 1.0), ("t2", 0.5), ("t3", 0.0)])
    assert rollup.percent == 50
    assert rollup.items_done == 1
    assert rollup.items_total == 3
    assert rollup.status == ProgressStatus.IN_PROGRESS
    assert rollup.next_item == "t2"


def test_module_rollup_is_complete_only_when_every_item_is():
    assert module_rollup([("t1", 1.0), ("t2", 1.0)]).status == ProgressStatus.COMPLETED
    assert module_rollup([("t1", 1.0), ("t2", 1.0)]).percent == 100
    almost = module_rollup([("t1", 1.0)] * 199 + [("t2", 0.9)])
    assert almost.status == ProgressStatus.IN_PROGRESS
    assert almost.percent == 99


def test_empty_module_rollup():
    rollup = module_rollup([])
    assert (rollup.percent, rollup.status, rollup.next_item) == (0, ProgressStatus.NOT_STARTED, None)
