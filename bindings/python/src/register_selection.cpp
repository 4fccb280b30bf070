// The MCDM library from Python: lists or numpy arrays in, numpy arrays out. Types are +1 for a
// benefit criterion and -1 for a cost criterion.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cargoquote/core/error.hpp>
#include <cargoquote/selection/ahp.hpp>
#include <cargoquote/selection/mcdm.hpp>
#include <cargoquote/selection/pareto.hpp>
#include <cargoquote/selection/topsis.hpp>
#include <cargoquote/selection/vikor.hpp>
#include <cargoquote/selection/weights.hpp>

#include "register.hpp"

namespace py = pybind11;

namespace cargoquote::python {

namespace {
using selection::CriterionType;
using selection::Matrix;
using selection::Normalization;

Matrix matrix_from(const std::vector<std::vector<double>>& rows) { return Matrix::from_rows(rows); }

std::vector<CriterionType> types_from(const std::vector<int>& types) {
    std::vector<CriterionType> out;
    for (std::size_t j = 0; j < types.size(); ++j) {
        if (types[j] != 1 && types[j] != -1) {
            throw InputError(ErrorCode::InvalidInput, "types/" + std::to_string(j),
                             "each type must be +1 (benefit) or -1 (cost)");
        }
        out.push_back(types[j] == 1 ? CriterionType::Benefit : CriterionType::Cost);
    }
    return out;
}

Normalization normalization_from(const std::string& name) {
    if (name == "vector") return Normalization::Vector;
    if (name == "minmax" || name == "min_max") return Normalization::MinMax;
    if (name == "sum") return Normalization::Sum;
    throw InputError(ErrorCode::InvalidInput, "normalization",
                     "'" + name + "' is not vector, minmax or sum");
}

py::array_t<double> array(const std::vector<double>& values) {
    return py::array_t<double>(static_cast<py::ssize_t>(values.size()), values.data());
}
}  // namespace

void register_selection(py::module_& m) {
    py::module_ mcdm = m.def_submodule("mcdm", "Multi-criteria decision methods.");
    mcdm.def(
        "topsis",
        [](const std::vector<std::vector<double>>& matrix, const std::vector<double>& weights,
           const std::vector<int>& types, const std::string& normalization) {
            const auto r = selection::topsis(matrix_from(matrix), weights, types_from(types),
                                             normalization_from(normalization));
            py::dict out;
            out["closeness"] = array(r.closeness);
            out["d_plus"] = array(r.d_plus);
            out["d_minus"] = array(r.d_minus);
            return out;
        },
        py::arg("matrix"), py::arg("weights"), py::arg("types"),
        py::arg("normalization") = "vector",
        "TOPSIS: closeness C = D- / (D+ + D-), distances to the ideal and anti-ideal points.");
    mcdm.def(
        "weighted_sum",
        [](const std::vector<std::vector<double>>& matrix, const std::vector<double>& weights,
           const std::vector<int>& types, const std::string& normalization) {
            return array(selection::weighted_sum(matrix_from(matrix), weights, types_from(types),
                                                 normalization_from(normalization)));
        },
        py::arg("matrix"), py::arg("weights"), py::arg("types"),
        py::arg("normalization") = "minmax",
        "Weighted sum of normalized values (weights applied as given).");
    mcdm.def(
        "vikor",
        [](const std::vector<std::vector<double>>& matrix, const std::vector<double>& weights,
           const std::vector<int>& types, double v) {
            const auto r = selection::vikor(matrix_from(matrix), weights, types_from(types), v);
            py::dict out;
            out["S"] = array(r.s);
            out["R"] = array(r.r);
            out["Q"] = array(r.q);
            return out;
        },
        py::arg("matrix"), py::arg("weights"), py::arg("types"), py::arg("v") = 0.5,
        "VIKOR: group utility S, individual regret R and compromise Q (lower is better).");
    mcdm.def(
        "ahp_weights",
        [](const std::vector<std::vector<double>>& matrix, const std::string& ri) {
            const auto table =
                ri == "saaty1980" ? selection::RandomIndexTable::Saaty1980
                : ri == "alonso_lamata2006"
                    ? selection::RandomIndexTable::AlonsoLamata2006
                    : throw InputError(ErrorCode::InvalidInput, "ri",
                                       "'" + ri + "' is not saaty1980 or alonso_lamata2006");
            const auto r = selection::ahp_weights(matrix_from(matrix), table);
            py::dict out;
            out["weights"] = array(r.weights);
            out["lambda_max"] = r.lambda_max;
            out["ci"] = r.ci;
            out["cr"] = r.cr;
            out["consistent"] = r.consistent;
            return out;
        },
        py::arg("matrix"), py::arg("ri") = "saaty1980",
        "AHP weights from a reciprocal pairwise matrix: principal eigenvector, lambda_max, CI, "
        "CR.");
    mcdm.def(
        "entropy_weights",
        [](const std::vector<std::vector<double>>& matrix) {
            return array(selection::entropy_weights(matrix_from(matrix)));
        },
        py::arg("matrix"), "Entropy weights of the criteria (columns).");
    mcdm.def(
        "pareto_front",
        [](const std::vector<std::vector<double>>& matrix, const std::vector<int>& types) {
            return selection::pareto_front(matrix_from(matrix), types_from(types));
        },
        py::arg("matrix"), py::arg("types"), "True for each non-dominated alternative (row).");
}

}  // namespace cargoquote::python
