include(GoogleTest)

# One GoogleTest executable per area, discovered test by test so CTest reports each case.
function(cargoquote_add_gtest name)
  cmake_parse_arguments(T "" "" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE cargoquote_test_support ${T_LIBS} GTest::gmock GTest::gtest_main)
  cargoquote_target_defaults(${name})
  gtest_discover_tests(${name} DISCOVERY_MODE PRE_TEST DISCOVERY_TIMEOUT 60
                       PROPERTIES LABELS "${T_LABELS}"
                       ENVIRONMENT "CARGOQUOTE_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
endfunction()
