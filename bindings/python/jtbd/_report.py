"""Report: the scores of a study or aggregate, copied into Python records."""

import ctypes

from . import _dataframe, _design, _ffi, _native, _screening, _visual
from ._ffi import OpportunityIntervalMethod, ScoreMethod
from ._handle import Result
from ._record import new_struct
from ._scores import (BestSolution, OutcomeScore, ReportInfo, Segment,
                      SegmentComparison, SolutionScore, read_warnings)


class Report(Result):
    """Scores of a study or aggregate.

    Attributes (plain Python data, valid after close()):
      outcomes: tuple of OutcomeScore over all respondents, ranked by
        opportunity, highest first.
      segments: dict segment name -> Segment (its respondent counts,
        outcomes ranked the same way, comparisons with the rest and the
        outcomes more underserved in it), in the report's order (sorted by
        name); empty without segment_by.
      respondent_count: respondents scored.
      score_method (ScoreMethod), method ("ulwick_top_box", ...),
      confidence_level, bootstrap_resamples (0: none), seed, weighted,
      effective_respondent_count (Kish; respondent_count when unweighted),
      segment_by, unsegmented_respondent_count, scale (min, max) and
      top_box: how the report was scored; p_value_adjustment
      (PValueAdjustment) of the segment tests; opportunity_interval_method
      (OpportunityIntervalMethod) of every opportunity_interval.
      solutions: names of the competing solutions rated (docs/SCORING.md,
        "Competing solutions"), in declaration order; each OutcomeScore
        then has one SolutionScore per name and the best solution.
      screening: a ScreeningSummary when scored with screening, else None.
      warnings: ReportWarning records (small samples, bands the intervals
        cannot decide, screening that flagged many), whole sample first.
      coverage: with a design (score_survey(..., design=read_design(path))),
        one StepCoverage per step of the job map, in job-map order; else ().
      design: the design scored with (DesignContents: job, steps,
        outcomes), else None; uncovered_steps, unassigned_outcomes,
        unscored_outcomes: the coverage's id lists (tuples of str).

    to_json() (jtbd.v1.Report), to_csv() (a row per segment and outcome,
    unrounded), to_table() (scores to one decimal), to_protobuf() and
    render() use the native report, which
    close() (or leaving a `with` block) releases; to_dataframe() needs only
    the attributes.
    """

    _C_OBJECT = "jtbd_report"

    def _read(self, lib):
        """Copies every score out of the native report."""
        self.respondent_count = lib.jtbd_report_respondent_count(self)
        info = new_struct(_ffi.jtbd_report_info)
        lib.jtbd_report_get_info(self, ctypes.byref(info))
        self._copy_info(ReportInfo.from_struct(info))
        self.screening = _screening.read(lib, self)
        self.solutions = tuple(
            _native.text_out(lib.jtbd_report_solution_name, self, index)
            for index in range(lib.jtbd_report_solution_count(self)))
        self.warnings = read_warnings(lib.jtbd_report_warning_count,
                                      lib.jtbd_report_warning, self)
        self.coverage = _design.read_coverage(lib, self)
        self.design = _design.read_contents(lib, lib.jtbd_report_design, self)
        self.uncovered_steps = _design.read_coverage_list(
            lib, self, _design.CoverageList.COVERAGE_UNCOVERED_STEPS)
        self.unassigned_outcomes = _design.read_coverage_list(
            lib, self, _design.CoverageList.COVERAGE_UNASSIGNED_OUTCOMES)
        self.unscored_outcomes = _design.read_coverage_list(
            lib, self, _design.CoverageList.COVERAGE_UNSCORED_OUTCOMES)
        count = lib.jtbd_report_outcome_count(self)
        struct = new_struct(_ffi.jtbd_outcome_score)
        self.outcomes = tuple(self._outcome(lib, struct, None, index)
                              for index in range(count))
        self.segments = {}
        for segment in range(lib.jtbd_report_segment_count(self)):
            read = self._read_segment(lib, struct, segment, count)
            self.segments[read.name] = read

    def _copy_info(self, info):
        try:
            self.score_method = ScoreMethod(info.score_method)
        except ValueError:  # a method newer than this binding
            self.score_method = info.score_method
        self.method = info.method
        self.confidence_level = info.confidence_level
        self.bootstrap_resamples = info.bootstrap_resamples
        self.seed = info.seed
        self.weighted = info.weighted
        self.effective_respondent_count = info.effective_respondent_count
        self.segment_by = info.segment_by
        self.unsegmented_respondent_count = info.unsegmented_respondent_count
        self.scale = (info.scale_min, info.scale_max)
        self.top_box = info.scale_top_box_min
        self.p_value_adjustment = info.p_value_adjustment
        try:
            self.opportunity_interval_method = OpportunityIntervalMethod(
                info.opportunity_interval_method)
        except ValueError:  # a method newer than this binding
            self.opportunity_interval_method = info.opportunity_interval_method

    def _outcome(self, lib, struct, segment, index):
        """Outcome `index` of the report (segment None) or of a segment."""
        if segment is None:
            lib.jtbd_report_outcome(self, index, ctypes.byref(struct))
        else:
            lib.jtbd_report_segment_outcome(self, segment, index,
                                            ctypes.byref(struct))
        if not self.solutions:
            return OutcomeScore.from_struct(struct)
        return OutcomeScore.from_struct(
            struct, **self._competitors(lib, segment, index))

    def _competitors(self, lib, segment, outcome):
        """The competing-solution fields of one outcome score."""
        where = (self, outcome) if segment is None else (self, segment,
                                                          outcome)
        solution = new_struct(_ffi.jtbd_solution_score)
        read_solution = (lib.jtbd_report_outcome_solution if segment is None
                         else lib.jtbd_report_segment_outcome_solution)
        solutions = []
        for index in range(len(self.solutions)):
            read_solution(*where, index, ctypes.byref(solution))
            solutions.append(SolutionScore.from_struct(solution))
        best = new_struct(_ffi.jtbd_best_solution)
        (lib.jtbd_report_outcome_best_solution if segment is None else
         lib.jtbd_report_segment_outcome_best_solution)(*where,
                                                        ctypes.byref(best))
        best = BestSolution.from_struct(best)
        return dict(solutions=tuple(solutions),
                    best_solution=best.best_solution,
                    best_solution_gap=best.best_solution_gap,
                    satisfaction_target=best.satisfaction_target,
                    best_solution_gap_test=best.best_solution_gap_test)

    def _read_segment(self, lib, struct, segment, count):
        comparison = new_struct(_ffi.jtbd_segment_comparison)

        def of_segment(function):
            return _native.out(function, self, segment)

        outcomes = []
        comparisons = []
        for index in range(count):
            outcomes.append(self._outcome(lib, struct, segment, index))
            lib.jtbd_report_segment_comparison(self, segment, index,
                                               ctypes.byref(comparison))
            comparisons.append(SegmentComparison.from_struct(comparison))
        more = of_segment(lib.jtbd_report_segment_more_underserved_count)
        return Segment(
            name=_native.text_out(lib.jtbd_report_segment_name, self,
                                  segment),
            respondent_count=of_segment(
                lib.jtbd_report_segment_respondent_count),
            rest_respondent_count=of_segment(
                lib.jtbd_report_segment_rest_respondent_count),
            effective_respondent_count=of_segment(
                lib.jtbd_report_segment_effective_respondent_count),
            outcomes=tuple(outcomes),
            comparisons=tuple(comparisons),
            more_underserved=tuple(
                _native.text_out(lib.jtbd_report_segment_more_underserved_id,
                                 self, segment, index)
                for index in range(more)))

    def to_dataframe(self):
        """A pandas DataFrame with the rows and columns of to_csv(): one row
        per (segment, outcome), the whole sample first with segment "";
        numbers unrounded, NaN where a figure does not exist. pandas is
        imported only here (ImportError naming it when missing); works
        after close()."""
        return _dataframe.report_frame(self)

    def landscape(self, intervals=False, segment=None, whole_sample=False,
                  lang="en"):
        """The opportunity landscape as a standalone SVG document (str):
        importance across, satisfaction up (0-10), the diagonal and the
        opportunity 10, 12 and 15 lines, one mark per outcome; each segment
        in a colour and shape of its own when the report has segments
        (whole_sample=True: all respondents only; segment="name": only that
        segment, NotFoundError when absent). intervals: whiskers for the
        importance and satisfaction intervals. lang: "en" or "fr"."""
        return _visual.landscape(self, intervals, segment, whole_sample, lang)

    def to_html(self, lang="en", intervals=True, forces=None, waves=None,
                roadmap=None):
        """The report as one self-contained HTML document (str): a summary
        in plain words, the landscape, the ranked table with bands and
        intervals, segments, competing solutions, screening and warnings;
        no script, nothing fetched. lang: "en" or "fr". forces (a
        jtbd.ForcesReport), waves (a jtbd.WaveComparison) and roadmap (a
        jtbd.Roadmap), when given, add their sections and summary
        sentences."""
        return _visual.html(self, lang, intervals, forces=forces,
                            waves=waves, roadmap=roadmap)

    def _repr_svg_(self):
        """Jupyter: the landscape (None once closed)."""
        if self.closed:
            return None
        return self.landscape()

    def _repr_html_(self):
        """Jupyter: the summary, the landscape and the ranked table, as a
        fragment with styles scoped to it (None once closed)."""
        if self.closed:
            return None
        return _visual.html(self, fragment=True)

    def __repr__(self):
        return "<jtbd.Report outcomes=%d segments=%d respondents=%d>" % (
            len(self.outcomes), len(self.segments), self.respondent_count)
