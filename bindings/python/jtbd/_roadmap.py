"""Roadmaps: the portfolio of initiatives that closes the most opportunity
within a budget (`jtbd prioritize`; docs/ROADMAP.md).

    roadmap = jtbd.prioritize("examples/survey.csv",
                              "examples/initiatives.csv", budget=100)
    print(roadmap.selected, roadmap.value, roadmap.optimal)
    for initiative in roadmap.initiatives:
        print(initiative.name, initiative.marginal_value,
              initiative.chosen_share)
"""

import ctypes
import dataclasses
import os
import typing

from . import _convert, _ffi, _native, _options
from ._ffi import InitiativeHas
from ._handle import Owned, Result
from ._record import Record, converted, new_struct, optional, record

__all__ = ["FrontierPoint", "OutcomeContribution", "Roadmap", "RoadmapInitiative", "prioritize",
           "prioritize_aggregate", "prioritize_survey"]


@record("jtbd_roadmap_info")
class RoadmapInfo(Record):
    """The portfolio's figures (jtbd_roadmap_info); Roadmap copies them
    into its own attributes."""

    value: float
    cost: float
    budget: float
    total_cost: float
    optimal: bool = converted(bool)
    resamples: int
    bound: float
    gap: float
    nodes_explored: int
    portfolio_optimal_share: float
    segment_by: str


@record("jtbd_initiative_result")
class RoadmapInitiative(Record):
    """One candidate initiative: name, cost, selected (in the portfolio);
    chosen_share (share of the bootstrap redraws whose best portfolio has
    it; None without redraws); for chosen ones marginal_value (the
    portfolio's value minus value_without, the best value within the
    budget without it, re-solved) and marginal_optimal (whether that
    re-solve finished), else None."""

    name: str
    cost: float
    selected: bool = converted(bool)
    chosen_share: typing.Optional[float] = optional(
        InitiativeHas.CHOSEN_SHARE, default=None)
    marginal_value: typing.Optional[float] = optional(
        InitiativeHas.MARGINAL_VALUE, default=None)
    value_without: typing.Optional[float] = optional(
        InitiativeHas.MARGINAL_VALUE, default=None)
    marginal_optimal: typing.Optional[bool] = optional(
        InitiativeHas.MARGINAL_VALUE, convert=bool, default=None)


@record("jtbd_frontier_point", consumed=("selected_count",))
class FrontierPoint(Record):
    """One budget of the efficient frontier: the best value within it, its
    cost, whether proven optimal, and the initiatives chosen (selected,
    read through jtbd_roadmap_frontier_selected: selected_count says how
    many)."""

    budget: float
    value: float
    cost: float
    optimal: bool = converted(bool)
    selected: typing.Tuple[str, ...] = dataclasses.field(
        default=(), metadata={"extra": True})


@record("jtbd_outcome_contribution", consumed=("initiative_count",))
class OutcomeContribution(Record):
    """One outcome's (and segment's) share of the portfolio's value:
    outcome_id, segment ("" without segments), weight (the segment's share
    of respondents), importance, satisfaction_before and _after,
    opportunity_before and _after, value (weight x the opportunity
    closed) and initiatives (the chosen ones that raise satisfaction)."""

    outcome_id: str
    segment: str
    weight: float
    importance: float
    satisfaction_before: float
    satisfaction_after: float
    opportunity_before: float
    opportunity_after: float
    value: float
    initiatives: typing.Tuple[str, ...] = dataclasses.field(
        default=(), metadata={"extra": True})


class Roadmap(Result):
    """The roadmap, copied into Python records.

    Attributes (valid after close()): selected (names of the chosen
    initiatives), value, cost, budget, total_cost, optimal, bound, gap,
    nodes_explored, resamples, portfolio_optimal_share, segment_by;
    initiatives (RoadmapInitiative per candidate, in the CSV's order);
    frontier (FrontierPoint per budget); contributions
    (OutcomeContribution per outcome and segment, whose values add up to
    value).

    to_json() (jtbd.v1.RoadmapReport), to_csv(), to_table(), to_protobuf()
    and render() use the native roadmap, which close() releases.
    """

    _C_OBJECT = "jtbd_roadmap"

    def _read(self, lib):
        info = new_struct(_ffi.jtbd_roadmap_info)
        lib.jtbd_roadmap_get_info(self, ctypes.byref(info))
        info = RoadmapInfo.from_struct(info)
        for field in dataclasses.fields(info):
            setattr(self, field.name, getattr(info, field.name))
        self.selected = tuple(
            _native.text_out(lib.jtbd_roadmap_selected, self, index)
            for index in range(lib.jtbd_roadmap_selected_count(self)))
        struct = new_struct(_ffi.jtbd_initiative_result)
        initiatives = []
        for index in range(lib.jtbd_roadmap_initiative_count(self)):
            lib.jtbd_roadmap_initiative(self, index, ctypes.byref(struct))
            initiatives.append(RoadmapInitiative.from_struct(struct))
        self.initiatives = tuple(initiatives)
        point = new_struct(_ffi.jtbd_frontier_point)
        frontier = []
        for index in range(lib.jtbd_roadmap_frontier_count(self)):
            lib.jtbd_roadmap_frontier_point(self, index, ctypes.byref(point))
            frontier.append(FrontierPoint.from_struct(point, selected=tuple(
                _native.text_out(lib.jtbd_roadmap_frontier_selected, self,
                                 index, chosen)
                for chosen in range(point.selected_count))))
        self.frontier = tuple(frontier)
        contribution = new_struct(_ffi.jtbd_outcome_contribution)
        contributions = []
        for index in range(lib.jtbd_roadmap_contribution_count(self)):
            lib.jtbd_roadmap_contribution(self, index,
                                          ctypes.byref(contribution))
            contributions.append(OutcomeContribution.from_struct(
                contribution, initiatives=tuple(
                    _native.text_out(lib.jtbd_roadmap_contribution_initiative,
                                     self, index, chosen)
                    for chosen in range(contribution.initiative_count))))
        self.contributions = tuple(contributions)

    def __repr__(self):
        return "<jtbd.Roadmap selected=%d value=%g cost=%g>" % (
            len(self.selected), self.value, self.cost)


class _RoadmapOptions(Owned):
    pass


def _roadmap_options(budget, node_limit, time_limit, resamples, seed,
                     frontier, segment_by):
    lib = _native.library()
    options = _RoadmapOptions(
        _native.create(lib.jtbd_roadmap_options_create),
        lib.jtbd_roadmap_options_destroy)
    try:
        lib.jtbd_roadmap_options_set_budget(options,
                                            _convert.real(budget, "budget"))
        if node_limit is not None:
            lib.jtbd_roadmap_options_set_node_limit(
                options, _convert.unsigned(node_limit, "node_limit",
                                           _convert.UINT64_MAX))
        if time_limit is not None:
            lib.jtbd_roadmap_options_set_time_limit(
                options, _convert.real(time_limit, "time_limit"))
        if resamples is not None:
            lib.jtbd_roadmap_options_set_resamples(
                options, _convert.unsigned(resamples, "resamples",
                                           _convert.UINT32_MAX))
        if seed is not None:
            lib.jtbd_roadmap_options_set_seed(
                options, _convert.unsigned(seed, "seed", _convert.UINT64_MAX))
        for value in frontier or ():
            lib.jtbd_roadmap_options_add_frontier_budget(
                options, _convert.real(value, "frontier"))
        if segment_by is not None:
            column = _convert.utf8(segment_by, "segment_by")
            lib.jtbd_roadmap_options_set_segment_by(options, column,
                                                    len(column))
    except BaseException:
        options.close()
        raise
    return options


_ROADMAP_DOC = """budget: what the chosen initiatives may cost
    together (required). node_limit, time_limit (seconds, 0: none): per
    solve; past them the best portfolio found is reported with its proven
    gap. resamples (0: no robustness figures) and seed: the bootstrap
    redraws of the scores. frontier: budgets of the efficient frontier
    (default: 20 evenly spaced)."""


@_options.documented(_options.READ_OPTIONS_DOC)
def prioritize(survey_path, initiatives_path, scale=None, top_box=None, *,
               budget, node_limit=None, time_limit=None, resamples=None,
               seed=None, frontier=None, segment_by=None, **read_options):
    """Reads a survey file (any format load_csv reads, or an aggregate
    saved with Aggregate.save) and an initiatives CSV, and returns the
    Roadmap `jtbd prioritize` gives. segment_by values the scores per
    segment of that column (surveys only)."""
    survey = os.fsencode(survey_path)
    initiatives = os.fsencode(initiatives_path)
    with _options.read_options(scale, top_box, **read_options) as read, \
            _roadmap_options(budget, node_limit, time_limit, resamples, seed,
                             frontier, segment_by) as options:
        return Roadmap(_native.create(
            _native.library().jtbd_prioritize_survey_file, read, options,
            survey, len(survey), initiatives, len(initiatives)))


@_options.documented(_options.READ_OPTIONS_DOC)
def prioritize_survey(survey, initiatives, survey_name="<survey>",
                      initiatives_name="<initiatives>", scale=None,
                      top_box=None, *, budget, node_limit=None,
                      time_limit=None, resamples=None, seed=None,
                      frontier=None, segment_by=None, **read_options):
    """prioritize from text (str or bytes); the names name the inputs in
    error messages."""
    survey = _convert.utf8(survey, "survey")
    survey_name = _convert.utf8(survey_name, "survey_name")
    initiatives = _convert.utf8(initiatives, "initiatives")
    initiatives_name = _convert.utf8(initiatives_name, "initiatives_name")
    with _options.read_options(scale, top_box, **read_options) as read, \
            _roadmap_options(budget, node_limit, time_limit, resamples, seed,
                             frontier, segment_by) as options:
        return Roadmap(_native.create(
            _native.library().jtbd_prioritize_survey, read, options, survey,
            len(survey), survey_name, len(survey_name), initiatives,
            len(initiatives), initiatives_name, len(initiatives_name)))


def prioritize_aggregate(aggregate, initiatives, initiatives_name=
                         "<initiatives>", *, budget, node_limit=None,
                         time_limit=None, resamples=None, seed=None,
                         frontier=None):
    """prioritize on an Aggregate's whole sample, the initiatives CSV as
    text."""
    initiatives = _convert.utf8(initiatives, "initiatives")
    initiatives_name = _convert.utf8(initiatives_name, "initiatives_name")
    with _roadmap_options(budget, node_limit, time_limit, resamples, seed,
                          frontier, None) as options:
        return Roadmap(_native.create(
            _native.library().jtbd_aggregate_prioritize, aggregate, options,
            initiatives, len(initiatives), initiatives_name,
            len(initiatives_name)))


prioritize.__doc__ += "\n\n    " + _ROADMAP_DOC
