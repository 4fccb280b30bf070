#!/bin/bash
# The engine from an install, as a downstream project links it: stage `cmake --install` of this
# build, configure and build tests/package/consumer against the staged prefix (find_package),
# run it on the installed sample rates, and compare its ranking with the installed command's.
#   consumer_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" >/dev/null
for installed in bin/cargoquote share/cargoquote/sample/rates.csv include/cargoquote/version.hpp \
                 include/cargoquote/quote/quote_engine.hpp lib/cmake/cargoquote/cargoquoteConfig.cmake \
                 share/man/man1/cargoquote.1.gz; do
    [ -e "$prefix/$installed" ] || { echo "not installed: $installed"; exit 1; }
done
ls "$prefix"/lib/libcargoquote_engine.a "$prefix"/lib/libcargoquote_rates.a >/dev/null
cmake -S "$source/tests/package/consumer" -B "$work/consumer" -G Ninja \
      -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build "$work/consumer" >/dev/null
"$work/consumer/quote_sample" "$prefix/share/cargoquote/sample" > "$work/consumer.txt"
cat "$work/consumer.txt"
# The installed command, on a database imported from the installed sample, ranks the same.
"$prefix/bin/cargoquote" rates import "$prefix/share/cargoquote/sample" --db "$work/rates.db" >/dev/null
"$prefix/bin/cargoquote" quote --db "$work/rates.db" --from PVG --to FRA --piece 3x120x80x100@250 \
    --ready 2026-11-26T10:00 --customer ACME-DE --date 2026-11-25 --sla standard --json \
  | /usr/bin/python3 -c '
import json, sys
doc = json.load(sys.stdin)
print("cargoquote", doc["generator"]["version"])
for o in doc["bookingOptions"]:
    q = o["quoted"]["sellTotal"]
    print(o["rank"], o["carrier"]["code"], q["amount"], q["currency"])' > "$work/command.txt"
diff "$work/command.txt" "$work/consumer.txt"
[ "$("$prefix/bin/cargoquote" --version)" = "$(head -1 "$work/consumer.txt")" ]
echo "consumer and command agree: $(($(wc -l < "$work/consumer.txt") - 1)) options"
