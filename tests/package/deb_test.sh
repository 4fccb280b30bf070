#!/bin/bash
# The Debian packages as a user gets them: unpack the built .debs into a throw-away root
# (dpkg -x), check their files and control data, run the command, the Python package and a
# downstream CMake project from that root, and run lintian (every remaining tag is overridden
# in packaging/debian/*.lintian-overrides with its reason).
#   deb_test.sh BUILD_DIR SOURCE_DIR      (BUILD_DIR: the deb preset's, after cpack)
set -euo pipefail
build=$1 source=$2
packages=$build/packages
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/root
version=$(sed -n 's/^project(cargoquote VERSION \([0-9.]*\).*/\1/p' "$source/CMakeLists.txt")
arch=$(dpkg --print-architecture)
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
fail() { echo "deb_test: $*" >&2; exit 1; }

for package in cargoquote python3-cargoquote cargoquote-dev; do
    deb=$packages/${package}_${version}_${arch}.deb
    [ -f "$deb" ] || fail "missing $deb"
    dpkg-deb -x "$deb" "$root"
    dpkg-deb -f "$deb" Version | grep -qx "$version" || fail "$package: version is not $version"
done

# Files where Debian puts them.
for file in usr/bin/cargoquote usr/share/man/man1/cargoquote.1.gz \
            usr/lib/systemd/system/cargoquote-desk.service etc/cargoquote/desk.conf \
            usr/share/cargoquote/sample/rates.csv usr/share/cargoquote/schema/rates \
            usr/share/cargoquote/schema/desk usr/share/doc/cargoquote/copyright \
            usr/share/doc/cargoquote/changelog.gz usr/share/doc/cargoquote/README.md \
            usr/share/doc/cargoquote/CHANGELOG.md \
            usr/lib/python3/dist-packages/cargoquote/__init__.py \
            usr/share/doc/python3-cargoquote/copyright \
            usr/include/cargoquote/quote/quote_engine.hpp usr/include/cargoquote/version.hpp \
            "usr/lib/$multiarch/libcargoquote_engine.a" "usr/lib/$multiarch/libcargoquote_rates.a" \
            "usr/lib/$multiarch/libcargoquote_desk.a" \
            "usr/lib/$multiarch/cmake/cargoquote/cargoquoteConfig.cmake" \
            usr/share/doc/cargoquote-dev/copyright; do
    [ -e "$root/$file" ] || fail "not packaged: $file"
done
ls "$root"/usr/lib/python3/dist-packages/cargoquote/_cargoquote*.so >/dev/null \
    || fail "no Python extension"
[ -z "$(find "$root" -path '*/build/*' -o -name '*.pyc' | head -1)" ] || fail "build debris packaged"

# Control data: library dependencies found by dpkg-shlibdeps, the conffile, the scripts.
runtime=$packages/cargoquote_${version}_${arch}.deb
depends=$(dpkg-deb -f "$runtime" Depends)
for needed in libc6 libstdc++6 libsqlite3-0 adduser; do
    grep -q "$needed" <<<"$depends" || fail "cargoquote does not depend on $needed: $depends"
done
dpkg-deb -e "$runtime" "$work/control"
grep -qx /etc/cargoquote/desk.conf "$work/control/conffiles" || fail "desk.conf is not a conffile"
for script in postinst prerm postrm; do
    [ -x "$work/control/$script" ] || fail "no $script"
    sh -n "$work/control/$script" || fail "$script is not valid sh"
done
grep -q "python3-numpy" <<<"$(dpkg-deb -f "$packages/python3-cargoquote_${version}_${arch}.deb" Depends)" \
    || fail "python3-cargoquote does not depend on python3-numpy"

# The unit runs the packaged command as its own user with the settings file.
unit=$root/usr/lib/systemd/system/cargoquote-desk.service
for line in "User=cargoquote" "EnvironmentFile=/etc/cargoquote/desk.conf" \
            "ExecStart=/usr/bin/cargoquote serve" "StateDirectory=cargoquote"; do
    grep -q "^$line" "$unit" || fail "unit lacks $line"
done
grep -q '^CARGOQUOTE_LISTEN=127.0.0.1:' "$root/etc/cargoquote/desk.conf" \
    || fail "desk.conf does not listen on loopback"

# The command, from the unpacked root.
cli=$root/usr/bin/cargoquote
[ "$("$cli" --version)" = "cargoquote $version" ] || fail "--version: $("$cli" --version)"
"$cli" rates import "$root/usr/share/cargoquote/sample" --db "$work/rates.db" >/dev/null
"$cli" quote --db "$work/rates.db" --from PVG --to FRA --piece 3x120x80x100@250 \
    --ready 2026-11-26T10:00 --customer ACME-DE --date 2026-11-25 --limit 1 > "$work/quote.txt"
grep -q '^#1  ' "$work/quote.txt" || fail "the packaged command quoted nothing"
zcat "$root/usr/share/man/man1/cargoquote.1.gz" | grep -q '^.SS cargoquote quote' \
    || fail "the man page lacks the quote command"

# The Python package for Debian's python3.
PYTHONPATH=$root/usr/lib/python3/dist-packages /usr/bin/python3 - "$work/rates.db" "$version" <<'PY'
import sys
import cargoquote as cq
assert cq.__version__ == sys.argv[2], cq.__version__
engine = cq.Engine.open(sys.argv[1])
result = engine.quote(cq.Shipment(origin="PVG", destination="FRA", ready_time="2026-11-26T10:00",
                                  pieces=[cq.Piece(count=3, length=120, width=80, height=100,
                                                   weight=250)]))
assert result.quotes, "no quote from the packaged Python module"
PY

# A downstream project against the unpacked cargoquote-dev.
cmake -S "$source/tests/package/consumer" -B "$work/consumer" -G Ninja \
      -DCMAKE_PREFIX_PATH="$root/usr" >/dev/null
cmake --build "$work/consumer" >/dev/null
"$work/consumer/quote_sample" "$root/usr/share/cargoquote/sample" | grep -q "^1 " \
    || fail "the consumer built against cargoquote-dev quoted nothing"

if command -v lintian >/dev/null; then
    lintian --fail-on error,warning --profile debian "$packages"/*_"${version}"_"${arch}".deb
else
    echo "deb_test: lintian not installed; skipped (make deps installs it)"
fi
echo "deb_test: the packages install, run and link ($packages)"
