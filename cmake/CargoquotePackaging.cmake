# Debian packages through CPack (`make deb`, on the `deb` preset: prefix /usr, Python package in
# /usr/lib/python3/dist-packages):
#   cargoquote          the command, the man page, the sample rates and migrations, the docs, the
#                       cargoquote-desk systemd unit and /etc/cargoquote/desk.conf
#   python3-cargoquote  the Python package for Debian's python3
#   cargoquote-dev      the static libraries, headers and CMake package (find_package(cargoquote))
# Shared-library dependencies come from dpkg-shlibdeps; the others are listed by hand from the
# Debian packages the build uses (see the Makefile's DEBIAN_PACKAGES).
include(GNUInstallDirs)

set(CARGOQUOTE_PACKAGING_DIR "${PROJECT_SOURCE_DIR}/packaging")

# The desk as a service: unit, settings (a conffile), maintainer scripts.
install(FILES "${CARGOQUOTE_PACKAGING_DIR}/cargoquote-desk.service"
        DESTINATION "lib/systemd/system" COMPONENT runtime)
install(FILES "${CARGOQUOTE_PACKAGING_DIR}/desk.conf"
        DESTINATION "${CMAKE_INSTALL_FULL_SYSCONFDIR}/cargoquote" COMPONENT runtime)

# Per package: copyright, Debian changelog and lintian overrides in its doc directory.
string(TIMESTAMP CARGOQUOTE_CHANGELOG_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)
# No public list address yet: .invalid (RFC 2606) says so rather than inventing one.
set(CARGOQUOTE_MAINTAINER "The cargoquote developers <maintainers@cargoquote.invalid>")
foreach(component_package IN ITEMS "runtime:cargoquote" "python:python3-cargoquote"
                                   "development:cargoquote-dev")
  string(REPLACE ":" ";" pair "${component_package}")
  list(GET pair 0 component)
  list(GET pair 1 package)
  # A native package (no Debian revision): its changelog is changelog.gz.
  set(changelog "${PROJECT_BINARY_DIR}/packaging/${package}/changelog")
  file(WRITE "${changelog}"
       "${package} (${PROJECT_VERSION}) unstable; urgency=medium\n\n"
       "  * Release ${PROJECT_VERSION}; see /usr/share/doc/cargoquote/CHANGELOG.md.\n\n"
       " -- ${CARGOQUOTE_MAINTAINER}  ${CARGOQUOTE_CHANGELOG_DATE}\n")
  execute_process(COMMAND gzip -9nf "${changelog}")
  install(FILES "${CARGOQUOTE_PACKAGING_DIR}/debian/copyright" "${changelog}.gz"
          DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/${package}" COMPONENT ${component})
  if(EXISTS "${CARGOQUOTE_PACKAGING_DIR}/debian/${package}.lintian-overrides")
    install(FILES "${CARGOQUOTE_PACKAGING_DIR}/debian/${package}.lintian-overrides"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/lintian/overrides"
            RENAME "${package}" COMPONENT ${component})
  endif()
endforeach()

set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "cargoquote")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "The cargoquote developers")
set(CPACK_PACKAGE_CONTACT "${CARGOQUOTE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "air-freight carrier selection and quoting engine")
set(CPACK_PACKAGING_INSTALL_PREFIX "${CMAKE_INSTALL_PREFIX}")
set(CPACK_PACKAGE_DIRECTORY "${PROJECT_BINARY_DIR}/packages")
set(CPACK_COMPONENTS_ALL runtime python development)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/cargoquote/cargoquote")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Executables and the Python extension stripped (static libraries keep their symbols).
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME "cargoquote")
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION "misc")
set(CPACK_DEBIAN_RUNTIME_PACKAGE_DEPENDS "adduser, init-system-helpers (>= 1.60), tzdata")
string(CONCAT CPACK_COMPONENT_RUNTIME_DESCRIPTION
  "air-freight carrier selection and quoting: command and quote desk service\n"
  "Turns a shipment inquiry into ranked, explained quotes: IATA chargeable\n"
  "weight, weight breaks, surcharges and margins from an SQLite rate store,\n"
  "scheduled itineraries, and a multi-criteria carrier selection within the\n"
  "customer's SLA. Includes the quote desk server (cargoquote-desk.service),\n"
  "the sample rates and the man page.")
set(CPACK_DEBIAN_RUNTIME_PACKAGE_CONTROL_EXTRA
    "${CARGOQUOTE_PACKAGING_DIR}/debian/postinst" "${CARGOQUOTE_PACKAGING_DIR}/debian/prerm"
    "${CARGOQUOTE_PACKAGING_DIR}/debian/postrm" "${CARGOQUOTE_PACKAGING_DIR}/debian/conffiles")

set(CPACK_DEBIAN_PYTHON_PACKAGE_NAME "python3-cargoquote")
set(CPACK_DEBIAN_PYTHON_PACKAGE_SECTION "python")
set(CPACK_DEBIAN_PYTHON_PACKAGE_DEPENDS "python3 (>= 3.11), python3 (<< 3.12), python3-numpy, python3-pandas")
set(CPACK_DEBIAN_PYTHON_PACKAGE_RECOMMENDS "python3-statsmodels, python3-tqdm, python3-matplotlib")
set(CPACK_DEBIAN_PYTHON_PACKAGE_SUGGESTS "python3-dask, python3-distributed")
string(CONCAT CPACK_COMPONENT_PYTHON_DESCRIPTION
  "air-freight carrier selection and quoting: Python bindings\n"
  "The cargoquote engine for Python analysts: quotes as exact Decimal values\n"
  "and pandas DataFrames, batch repricing of DataFrames on every core, MCDM\n"
  "weights and calibration from booking history.")

set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_NAME "cargoquote-dev")
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_SECTION "libdevel")
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_DEPENDS
    "nlohmann-json3-dev (>= 3.11), libfmt-dev, libhowardhinnant-date-dev, libtbb-dev, libboost-graph-dev, libsqlitecpp-dev, libsqlite3-dev, libssl-dev, libzip-dev, libexpat1-dev, pkg-config")
string(CONCAT CPACK_COMPONENT_DEVELOPMENT_DESCRIPTION
  "air-freight carrier selection and quoting: C++ libraries and headers\n"
  "The cargoquote engine, rate store and desk store as static libraries with\n"
  "their headers and a CMake package: find_package(cargoquote) and link\n"
  "cargoquote::engine.")

include(CPack)
