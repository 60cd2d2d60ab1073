#ifndef JTBD_FORCES_LOGISTIC_REGRESSION_H_
#define JTBD_FORCES_LOGISTIC_REGRESSION_H_

#include <cstddef>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"

namespace jtbd {
namespace forces {

// A fitted L2-penalised logistic regression.
struct LogisticFit {
  // Intercept first, then one per predictor.
  std::vector<double> coefficients;
  // Square roots of the diagonal of the inverse penalised Hessian
  // (X'WX + lambda P at the optimum, P the identity without the intercept):
  // the usual Wald-type standard errors of a ridge logit, which ignore the
  // penalty's bias and so are approximate when lambda is large.
  std::vector<double> standard_errors;
  int iterations = 0;
};

// Minimises  -sum[y log p + (1 - y) log(1 - p)] + lambda/2 |beta|^2,
// p = 1 / (1 + exp(-(b0 + x.beta))), the intercept b0 not penalised (as
// scikit-learn's LogisticRegression(penalty="l2", C=1/lambda) does), by
// Newton's method (IRLS) with step halving, to a step below 1e-10 in every
// coefficient. `x` is row-major, rows x `predictors`; y is 0 or 1.
// FAILED_PRECONDITION when every y is the same (the intercept would run to
// infinity), or when lambda = 0 and the data separate perfectly (no finite
// optimum: Newton does not converge in 200 iterations); INVALID_ARGUMENT
// for sizes that disagree or lambda < 0.
absl::StatusOr<LogisticFit> FitPenalizedLogistic(absl::Span<const double> x,
                                                 size_t predictors,
                                                 absl::Span<const int> y,
                                                 double lambda);

// The probability of the logit: 1 / (1 + exp(-eta)), computed so that it
// never overflows.
double Logistic(double eta);

}  // namespace forces
}  // namespace jtbd

#endif  // JTBD_FORCES_LOGISTIC_REGRESSION_H_
