# Developer conveniences default to ON only when this is the top-level project.
option(CARGOQUOTE_BUILD_TESTS "Build the test suites" ${PROJECT_IS_TOP_LEVEL})
option(CARGOQUOTE_BUILD_CLI "Build the cargoquote command" ON)
option(CARGOQUOTE_BUILD_BENCHMARKS "Build the Google Benchmark programs" ${PROJECT_IS_TOP_LEVEL})
option(CARGOQUOTE_WERROR "Treat compiler warnings as errors" OFF)
set(CARGOQUOTE_SANITIZE "" CACHE STRING "Sanitizers for project targets, e.g. address,undefined")
option(CARGOQUOTE_BUILD_PYTHON "Build the Python extension module" ON)
option(CARGOQUOTE_BUILD_FUZZERS "Build the libFuzzer targets in tests/fuzz (clang only)" OFF)
