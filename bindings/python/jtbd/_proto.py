"""Scoring a jtbd.v1 ScoreRequest message into a Report message, with the
classes of jtbd.v1 (protobuf's Python runtime, imported on first call only,
so that `import jtbd` works without it)."""

from ._requests import score_request

_SCORE_REQUEST = "jtbd.v1.ScoreRequest"


def score_request_message(request, limits=None):
    """Scores a jtbd.v1 ScoreRequest message (jtbd.v1.scoring_pb2, or any
    class generated from the installed jtbd/v1/scoring.proto) through the C
    ABI, in binary, and returns a jtbd.v1.report_pb2.Report. limits as
    score_request's. ImportError without protobuf's Python runtime
    (python3-protobuf); TypeError for anything but a ScoreRequest; the
    library's refusals raise jtbd.Error as score_request's do."""
    from .v1 import report_pb2

    descriptor = getattr(request, "DESCRIPTOR", None)
    if getattr(descriptor, "full_name", None) != _SCORE_REQUEST:
        raise TypeError("request: expected a %s message, got %s"
                        % (_SCORE_REQUEST, type(request).__name__))
    return report_pb2.Report.FromString(
        score_request(request.SerializeToString(), limits))
