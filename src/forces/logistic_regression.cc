#include "forces/logistic_regression.h"

#include <algorithm>
#include <cmath>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace jtbd {
namespace forces {
namespace {

constexpr int kMaxIterations = 200;
constexpr double kStepTolerance = 1e-10;

// Solves A z = b for symmetric positive definite A (d x d, row-major) by
// Cholesky, in place; false when A is not positive definite.
bool CholeskySolve(std::vector<double> a, size_t d, std::vector<double>* b) {
  for (size_t j = 0; j < d; ++j) {
    double diagonal = a[j * d + j];
    for (size_t k = 0; k < j; ++k) diagonal -= a[j * d + k] * a[j * d + k];
    if (!(diagonal > 0)) return false;
    const double root = std::sqrt(diagonal);
    a[j * d + j] = root;
    for (size_t i = j + 1; i < d; ++i) {
      double sum = a[i * d + j];
      for (size_t k = 0; k < j; ++k) sum -= a[i * d + k] * a[j * d + k];
      a[i * d + j] = sum / root;
    }
  }
  std::vector<double>& z = *b;
  for (size_t i = 0; i < d; ++i) {
    for (size_t k = 0; k < i; ++k) z[i] -= a[i * d + k] * z[k];
    z[i] /= a[i * d + i];
  }
  for (size_t i = d; i-- > 0;) {
    for (size_t k = i + 1; k < d; ++k) z[i] -= a[k * d + i] * z[k];
    z[i] /= a[i * d + i];
  }
  return true;
}

// log(1 + exp(eta)) without overflow.
double Softplus(double eta) {
  return eta > 0 ? eta + std::log1p(std::exp(-eta)) : std::log1p(std::exp(eta));
}

struct Problem {
  absl::Span<const double> x;
  size_t predictors;
  absl::Span<const int> y;
  double lambda;

  size_t rows() const { return y.size(); }
  double Eta(const std::vector<double>& beta, size_t row) const {
    double eta = beta[0];
    for (size_t j = 0; j < predictors; ++j) {
      eta += beta[j + 1] * x[row * predictors + j];
    }
    return eta;
  }
  double Objective(const std::vector<double>& beta) const {
    double value = 0;
    for (size_t i = 0; i < rows(); ++i) {
      const double eta = Eta(beta, i);
      value += Softplus(eta) - (y[i] != 0 ? eta : 0);
    }
    for (size_t j = 1; j < beta.size(); ++j) {
      value += lambda / 2 * beta[j] * beta[j];
    }
    return value;
  }
  // Gradient of the objective and its Hessian (d x d).
  void Derivatives(const std::vector<double>& beta, std::vector<double>* g,
                   std::vector<double>* h) const {
    const size_t d = predictors + 1;
    g->assign(d, 0);
    h->assign(d * d, 0);
    std::vector<double> row(d);
    for (size_t i = 0; i < rows(); ++i) {
      row[0] = 1;
      for (size_t j = 0; j < predictors; ++j) {
        row[j + 1] = x[i * predictors + j];
      }
      const double p = Logistic(Eta(beta, i));
      const double residual = p - (y[i] != 0 ? 1 : 0);
      const double weight = p * (1 - p);
      for (size_t a = 0; a < d; ++a) {
        (*g)[a] += residual * row[a];
        for (size_t b = 0; b <= a; ++b) {
          (*h)[a * d + b] += weight * row[a] * row[b];
        }
      }
    }
    for (size_t a = 0; a < d; ++a) {
      for (size_t b = 0; b < a; ++b) (*h)[b * d + a] = (*h)[a * d + b];
    }
    for (size_t j = 1; j < d; ++j) {
      (*g)[j] += lambda * beta[j];
      (*h)[j * d + j] += lambda;
    }
  }
};

}  // namespace

double Logistic(double eta) {
  if (eta >= 0) return 1 / (1 + std::exp(-eta));
  const double e = std::exp(eta);
  return e / (1 + e);
}

absl::StatusOr<LogisticFit> FitPenalizedLogistic(absl::Span<const double> x,
                                                 size_t predictors,
                                                 absl::Span<const int> y,
                                                 double lambda) {
  if (x.size() != y.size() * predictors) {
    return absl::InvalidArgumentError(
        absl::StrCat("logistic regression: ", x.size(), " values are not ",
                     y.size(), " rows of ", predictors, " predictors"));
  }
  if (!(lambda >= 0) || !std::isfinite(lambda)) {
    return absl::InvalidArgumentError(
        absl::StrCat("logistic regression: the L2 penalty ", lambda,
                     " is not a finite number >= 0"));
  }
  size_t ones = 0;
  for (int value : y) ones += value != 0 ? 1 : 0;
  if (ones == 0 || ones == y.size()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "cannot fit a propensity model: every one of the ", y.size(),
        " interviews ", ones == 0 ? "stayed" : "switched",
        " (the model needs both outcomes to tell them apart)"));
  }
  const Problem problem{x, predictors, y, lambda};
  const size_t d = predictors + 1;
  std::vector<double> beta(d, 0);
  // Start the intercept at the log-odds of the base rate.
  const double rate = static_cast<double>(ones) / static_cast<double>(y.size());
  beta[0] = std::log(rate / (1 - rate));
  std::vector<double> g;
  std::vector<double> h;
  double objective = problem.Objective(beta);
  LogisticFit fit;
  bool converged = false;
  for (int iteration = 1; iteration <= kMaxIterations; ++iteration) {
    problem.Derivatives(beta, &g, &h);
    std::vector<double> step = g;
    if (!CholeskySolve(h, d, &step)) {
      return absl::FailedPreconditionError(
          "cannot fit a propensity model: the Hessian is singular (a "
          "predictor is constant or collinear; add an L2 penalty)");
    }
    // Halve the step until the objective does not rise.
    double scale = 1;
    std::vector<double> next(d);
    double next_objective = objective;
    for (int halving = 0; halving < 50; ++halving) {
      for (size_t j = 0; j < d; ++j) next[j] = beta[j] - scale * step[j];
      next_objective = problem.Objective(next);
      if (next_objective <= objective + 1e-12 * std::fabs(objective)) break;
      scale /= 2;
    }
    double largest = 0;
    for (size_t j = 0; j < d; ++j) {
      largest = std::max(largest, std::fabs(scale * step[j]));
    }
    beta = next;
    objective = next_objective;
    fit.iterations = iteration;
    if (largest < kStepTolerance) {
      converged = true;
      break;
    }
  }
  if (!converged) {
    return absl::FailedPreconditionError(absl::StrCat(
        "cannot fit a propensity model: Newton's method did not converge in ",
        kMaxIterations,
        " iterations (the outcomes are perfectly separated by the forces; "
        "give an L2 penalty above 0)"));
  }
  // Standard errors from the penalised Hessian at the optimum.
  problem.Derivatives(beta, &g, &h);
  fit.standard_errors.assign(d, 0);
  for (size_t j = 0; j < d; ++j) {
    std::vector<double> unit(d, 0);
    unit[j] = 1;
    if (!CholeskySolve(h, d, &unit)) {
      return absl::FailedPreconditionError(
          "cannot fit a propensity model: the Hessian is singular");
    }
    fit.standard_errors[j] = std::sqrt(std::max(0.0, unit[j]));
  }
  fit.coefficients = std::move(beta);
  return fit;
}

}  // namespace forces
}  // namespace jtbd
