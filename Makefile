# The two README commands and their set-up. Both work on a fresh Debian 12 machine: missing
# Debian packages are installed first (with sudo when not root).
#   make demo   build, create the sample rate database, quote a sample shipment
#   make desk   the quote desk server on the sample rates, with seeded users (tokens printed)
#   make test   build, run every test, then the C++ tests again under ASan + UBSan, then each
#               libFuzzer target for 20 s (clang), then the Debian packages (make deb-test)
#   make deb    the Debian packages in build/deb/packages (cpack on the deb preset)
#   make format-check / format   every tracked C++ file against .clang-format (CI checks it)
#   make tidy   clang-tidy (.clang-tidy) over the project's sources, through the tidy preset

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

DEBIAN_PACKAGES := g++ cmake ninja-build make pkg-config tzdata \
	libboost-graph-dev libsqlitecpp-dev libsqlite3-dev libzip-dev libexpat1-dev libssl-dev libcpp-httplib-dev nlohmann-json3-dev libfmt-dev \
	libhowardhinnant-date-dev libcli11-dev libgtest-dev libgmock-dev googletest \
	libbenchmark-dev librapidcheck-dev libtbb-dev python3 python3-dev pybind11-dev python3-pybind11 \
	python3-numpy python3-pytest python3-networkx python3-pandas python3-statsmodels python3-hypothesis \
	python3-matplotlib python3-tqdm python3-dask python3-distributed jupyter-nbconvert python3-nbclient \
	python3-nbformat python3-ipykernel python3-rdflib python3-openpyxl wrk lintian chromium chromium-driver python3-selenium clang libclang-rt-14-dev clang-format clang-tidy
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

CLI := build/dev/cli/cargoquote
SAMPLE_DB := build/dev/sample.db
DEMO_ARGS := quote --db $(SAMPLE_DB) --from PVG --to FRA --piece 3x120x80x100@250 \
	--commodity GEN --ready 2026-11-26T10:00 --customer ACME-DE --date 2026-11-25 \
	--sla standard --explain --limit 3

.PHONY: demo desk test deps build sample-db asan fuzz deb deb-test format format-check tidy release bench bench-compare clean

demo: sample-db
	$(CLI) $(DEMO_ARGS)

test: build
	ctest --preset dev
	$(MAKE) --no-print-directory asan
	$(MAKE) --no-print-directory fuzz
	$(MAKE) --no-print-directory deb-test

deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: deps
	cmake --preset dev
	cmake --build --preset dev

# The quote desk on the sample rates: a fresh desk database with a staff, a customer and an
# admin user (their tokens printed once), then the server on 127.0.0.1:8080 until Ctrl-C.
DESK_DB := build/dev/desk.db
desk: sample-db
	rm -f $(DESK_DB) $(DESK_DB)-wal $(DESK_DB)-shm
	@echo "staff token (Ana Agent):       $$($(CLI) desk user add --desk $(DESK_DB) --role staff --name 'Ana Agent' 2>/dev/null)"
	@echo "customer token (ACME-DE):      $$($(CLI) desk user add --desk $(DESK_DB) --role customer --name 'Acme buyer' --customer ACME-DE 2>/dev/null)"
	@echo "admin token:                   $$($(CLI) desk user add --desk $(DESK_DB) --role admin --name 'Desk admin' 2>/dev/null)"
	$(CLI) serve --db $(SAMPLE_DB) --desk $(DESK_DB) --listen 127.0.0.1:8080

sample-db: build
	rm -f $(SAMPLE_DB) $(SAMPLE_DB)-wal $(SAMPLE_DB)-shm
	$(CLI) rates import rates/sample --db $(SAMPLE_DB)

asan: deps
	cmake --preset asan
	cmake --build --preset asan
	ctest --preset asan

fuzz: deps
	cmake --preset fuzz
	cmake --build --preset fuzz
	ctest --preset fuzz

# Every tracked C++ source and header (git ls-files), so build trees and data are never touched;
# CMake templates (*.cpp.in) are left alone, their @VARIABLES@ are not C++.
CXX_SOURCES = git ls-files -z '*.cpp' '*.hpp'

format: deps
	$(CXX_SOURCES) | xargs -0 clang-format -i

format-check: deps
	$(CXX_SOURCES) | xargs -0 clang-format --dry-run -Werror

tidy: deps
	cmake --preset tidy
	cmake --build --preset tidy

# The Debian packages (cargoquote, python3-cargoquote, cargoquote-dev) in build/deb/packages.
deb: deps
	cmake --preset deb
	cmake --build --preset deb
	rm -rf build/deb/packages
	cd build/deb && cpack

# The packages unpacked into a throw-away root: files, control data, the command, Python, a
# downstream CMake project, lintian.
deb-test: deb
	tests/package/deb_test.sh build/deb .

release: deps
	cmake --preset release
	cmake --build --preset release

bench: release
	build/release/tests/bench/cargoquote_bench_pricing

# The engine against its peers (networkx, pandas, per-row paths, C++ vs Python) in one run.
bench-compare: release
	/usr/bin/python3 tests/bench/compare.py --build build/release

clean:
	rm -rf build
