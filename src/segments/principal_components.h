#ifndef JTBD_SEGMENTS_PRINCIPAL_COMPONENTS_H_
#define JTBD_SEGMENTS_PRINCIPAL_COMPONENTS_H_

#include <cstddef>
#include <vector>

#include "absl/status/statusor.h"
#include "segments/feature_matrix.h"

namespace jtbd {
namespace segments {

// Eigenvalues of a symmetric matrix, largest first, with unit eigenvectors
// as the columns of `vectors` (vectors.at(i, j) is component i of the j-th
// eigenvector). Each eigenvector's sign is fixed so that its entry of
// largest magnitude (the first such) is positive, which makes results
// reproducible.
struct SymmetricEigen {
  std::vector<double> values;
  FeatureMatrix vectors;
};

// Cyclic Jacobi rotations (Golub & Van Loan, Matrix Computations, 8.5):
// accurate for the small, dense correlation matrices of survey outcomes (up
// to a few hundred), stopping when the off-diagonal mass is negligible.
// INVALID_ARGUMENT unless the matrix is square, finite and symmetric.
absl::StatusOr<SymmetricEigen> DecomposeSymmetric(const FeatureMatrix& matrix);

// Kaiser's rule on the eigenvalues of a correlation matrix: the number above
// 1, but at least 2 (as jtbdtools does) and at most the number of values.
size_t KaiserComponentCount(const std::vector<double>& eigenvalues);

// The correlation matrix of standardised features (columns with mean 0 and
// standard deviation 1, divisor n - 1): Z'Z / (n - 1). Requires 2 rows.
FeatureMatrix CorrelationOfStandardized(const FeatureMatrix& standardized);

}  // namespace segments
}  // namespace jtbd

#endif  // JTBD_SEGMENTS_PRINCIPAL_COMPONENTS_H_
