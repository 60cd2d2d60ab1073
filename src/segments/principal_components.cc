#include "segments/principal_components.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "absl/strings/str_format.h"

namespace jtbd {
namespace segments {
namespace {

constexpr int kMaxSweeps = 100;

double OffDiagonalSquareSum(const FeatureMatrix& a) {
  double sum = 0;
  for (size_t p = 0; p < a.rows; ++p) {
    for (size_t q = p + 1; q < a.rows; ++q) sum += 2 * a.at(p, q) * a.at(p, q);
  }
  return sum;
}

}  // namespace

absl::StatusOr<SymmetricEigen> DecomposeSymmetric(const FeatureMatrix& matrix) {
  const size_t n = matrix.rows;
  if (matrix.columns != n) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "matrix is %d x %d, not square", matrix.rows, matrix.columns));
  }
  double square_sum = 0;
  for (size_t p = 0; p < n; ++p) {
    for (size_t q = 0; q < n; ++q) {
      const double value = matrix.at(p, q);
      if (!std::isfinite(value)) {
        return absl::InvalidArgumentError(
            absl::StrFormat("matrix entry (%d, %d) is not finite", p, q));
      }
      // Symmetric up to rounding: correlation matrices are computed so.
      if (std::fabs(value - matrix.at(q, p)) >
          1e-12 * std::max(1.0, std::fabs(value))) {
        return absl::InvalidArgumentError(
            absl::StrFormat("matrix is not symmetric at (%d, %d)", p, q));
      }
      square_sum += value * value;
    }
  }
  FeatureMatrix a = matrix;
  FeatureMatrix v(n, n);
  for (size_t i = 0; i < n; ++i) v.at(i, i) = 1;
  // Rotations preserve the Frobenius norm; stop once what is left off the
  // diagonal is below rounding relative to it.
  const double tolerance = 1e-30 * square_sum;
  for (int sweep = 0; sweep < kMaxSweeps; ++sweep) {
    if (OffDiagonalSquareSum(a) <= tolerance) break;
    for (size_t p = 0; p + 1 < n; ++p) {
      for (size_t q = p + 1; q < n; ++q) {
        const double apq = a.at(p, q);
        if (apq == 0) continue;
        // Golub & Van Loan's sym.schur2: the rotation J = [c s; -s c] in
        // the (p, q) plane with (J'AJ)(p, q) = 0, taking the smaller angle.
        const double tau = (a.at(q, q) - a.at(p, p)) / (2 * apq);
        const double t = (tau >= 0 ? 1.0 : -1.0) /
                         (std::fabs(tau) + std::sqrt(1 + tau * tau));
        const double c = 1 / std::sqrt(1 + t * t);
        const double s = t * c;
        for (size_t k = 0; k < n; ++k) {  // A <- A J
          const double akp = a.at(k, p);
          const double akq = a.at(k, q);
          a.at(k, p) = c * akp - s * akq;
          a.at(k, q) = s * akp + c * akq;
        }
        for (size_t k = 0; k < n; ++k) {  // A <- J' A
          const double apk = a.at(p, k);
          const double aqk = a.at(q, k);
          a.at(p, k) = c * apk - s * aqk;
          a.at(q, k) = s * apk + c * aqk;
        }
        a.at(p, q) = 0;
        a.at(q, p) = 0;
        for (size_t k = 0; k < n; ++k) {  // V <- V J
          const double vkp = v.at(k, p);
          const double vkq = v.at(k, q);
          v.at(k, p) = c * vkp - s * vkq;
          v.at(k, q) = s * vkp + c * vkq;
        }
      }
    }
  }
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&a](size_t x, size_t y) {
    return a.at(x, x) > a.at(y, y);
  });
  SymmetricEigen result;
  result.values.resize(n);
  result.vectors = FeatureMatrix(n, n);
  for (size_t j = 0; j < n; ++j) {
    const size_t source = order[j];
    result.values[j] = a.at(source, source);
    size_t largest = 0;
    for (size_t i = 1; i < n; ++i) {
      if (std::fabs(v.at(i, source)) > std::fabs(v.at(largest, source))) {
        largest = i;
      }
    }
    const double sign = v.at(largest, source) < 0 ? -1.0 : 1.0;
    for (size_t i = 0; i < n; ++i) {
      result.vectors.at(i, j) = sign * v.at(i, source);
    }
  }
  return result;
}

size_t KaiserComponentCount(const std::vector<double>& eigenvalues) {
  size_t above_one = 0;
  for (double value : eigenvalues) above_one += value > 1 ? 1 : 0;
  return std::min(eigenvalues.size(), std::max<size_t>(above_one, 2));
}

FeatureMatrix CorrelationOfStandardized(const FeatureMatrix& standardized) {
  const size_t m = standardized.columns;
  FeatureMatrix correlation(m, m);
  // Row by row so that the data is read once, contiguously; the upper
  // triangle only, mirrored afterwards.
  for (size_t r = 0; r < standardized.rows; ++r) {
    const double* z = standardized.row(r);
    for (size_t p = 0; p < m; ++p) {
      const double zp = z[p];
      double* out = correlation.row(p);
      for (size_t q = p; q < m; ++q) out[q] += zp * z[q];
    }
  }
  const double divisor = static_cast<double>(standardized.rows - 1);
  for (size_t p = 0; p < m; ++p) {
    for (size_t q = p; q < m; ++q) {
      correlation.at(p, q) /= divisor;
      correlation.at(q, p) = correlation.at(p, q);
    }
  }
  return correlation;
}

}  // namespace segments
}  // namespace jtbd
