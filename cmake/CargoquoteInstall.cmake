# What `cmake --install` puts under the prefix (GNU layout): the `cargoquote` command (cli/), the
# static libraries engine, rates and desk with their public headers, the CMake package
# (find_package(cargoquote) -> cargoquote::engine, cargoquote::rates, cargoquote::desk), the
# sample rates and the schema migrations under share/cargoquote, the docs and the man page. The
# Python package installs from bindings/python. Nothing installed reads the source tree.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(CARGOQUOTE_CMAKE_PACKAGE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/cargoquote")
set(CARGOQUOTE_DATA_DIR "${CMAKE_INSTALL_DATADIR}/cargoquote")

set(cargoquote_installed_libraries cargoquote_engine cargoquote_rates)
set_target_properties(cargoquote_engine PROPERTIES EXPORT_NAME engine)
set_target_properties(cargoquote_rates PROPERTIES EXPORT_NAME rates)
install(DIRECTORY engine/include/ rates/include/ DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
        COMPONENT development)
if(TARGET cargoquote_desk)
  list(APPEND cargoquote_installed_libraries cargoquote_desk)
  set_target_properties(cargoquote_desk PROPERTIES EXPORT_NAME desk)
  install(DIRECTORY desk/include/ DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}" COMPONENT development)
endif()
install(FILES "${PROJECT_BINARY_DIR}/generated/include/cargoquote/version.hpp"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/cargoquote" COMPONENT development)
install(TARGETS ${cargoquote_installed_libraries} EXPORT cargoquoteTargets
        ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT development
        INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(EXPORT cargoquoteTargets NAMESPACE cargoquote::
        DESTINATION "${CARGOQUOTE_CMAKE_PACKAGE_DIR}" COMPONENT development)
configure_package_config_file(cmake/cargoquoteConfig.cmake.in
  "${PROJECT_BINARY_DIR}/cargoquoteConfig.cmake"
  INSTALL_DESTINATION "${CARGOQUOTE_CMAKE_PACKAGE_DIR}")
# 0.x: minor versions may break the API, so only the same minor version is compatible.
write_basic_package_version_file("${PROJECT_BINARY_DIR}/cargoquoteConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/cargoquoteConfig.cmake"
              "${PROJECT_BINARY_DIR}/cargoquoteConfigVersion.cmake"
        DESTINATION "${CARGOQUOTE_CMAKE_PACKAGE_DIR}" COMPONENT development)

# Data the command works with: the sample rates (`rates import .../sample`) and the migrations
# (also compiled into the binary; installed to read and audit).
install(DIRECTORY rates/sample/ DESTINATION "${CARGOQUOTE_DATA_DIR}/sample" COMPONENT runtime)
install(DIRECTORY rates/schema/ DESTINATION "${CARGOQUOTE_DATA_DIR}/schema/rates"
        COMPONENT runtime)
install(DIRECTORY desk/schema/ DESTINATION "${CARGOQUOTE_DATA_DIR}/schema/desk" COMPONENT runtime)
install(FILES README.md CHANGELOG.md BENCHMARKS.md DESTINATION "${CMAKE_INSTALL_DOCDIR}"
        COMPONENT runtime)
install(DIRECTORY docs/ DESTINATION "${CMAKE_INSTALL_DOCDIR}" COMPONENT runtime)
