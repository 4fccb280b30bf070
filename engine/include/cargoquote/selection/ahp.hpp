#pragma once
// AHP criterion weights (Saaty) from a reciprocal pairwise-comparison matrix on the 1-9 scale:
// a_ij says how much more important criterion i is than j, and a_ji = 1 / a_ij.

#include <cargoquote/selection/mcdm.hpp>
#include <cstddef>
#include <vector>

namespace cargoquote::selection {

// Published random consistency indices RI(n), the mean CI of random reciprocal matrices.
enum class RandomIndexTable {
    Saaty1980,         // Saaty (1980), The Analytic Hierarchy Process, McGraw-Hill
    AlonsoLamata2006,  // Alonso & Lamata (2006), Int. J. Uncertainty, Fuzziness and
                       // Knowledge-Based Systems 14(4), 445-459 (100,000 matrices per n)
};

// The judgements are acceptable when CR <= 0.10 (Saaty's rule).
inline constexpr double kAhpMaxConsistencyRatio = 0.10;

// RI(n) from `table` for n = 1..10 (0 for n <= 2). InputError beyond the table.
[[nodiscard]] double random_index(std::size_t n, RandomIndexTable table);

struct AhpResult {
    std::vector<double> weights;  // principal right eigenvector, summing to 1
    double lambda_max = 0.0;      // principal eigenvalue
    double ci = 0.0;              // consistency index (lambda_max - n) / (n - 1); 0 for n <= 2
    double cr = 0.0;              // consistency ratio CI / RI(n); 0 for n <= 2
    bool consistent = true;       // cr <= kAhpMaxConsistencyRatio
};

// Power iteration from the uniform vector until no weight moves by 1e-12 or more. InputError when
// the matrix is not square, has a non-positive entry, a diagonal other than 1, is not reciprocal
// (a_ij * a_ji within 1e-9 of 1), or is larger than the RI table.
[[nodiscard]] AhpResult ahp_weights(const Matrix& pairwise,
                                    RandomIndexTable table = RandomIndexTable::Saaty1980);

// The full reciprocal matrix from the judgements above the diagonal: row i holds a_i,i+1 ..
// a_i,n-1, so n - 1 - i values, for n = rows + 1 criteria. An empty list gives the 1x1 matrix.
// InputError for a row of the wrong length or a non-positive or non-finite judgement.
[[nodiscard]] Matrix reciprocal_from_upper_triangle(
    const std::vector<std::vector<double>>& upper_rows);

}  // namespace cargoquote::selection
