#!/bin/sh
# Fuzzes every Jazzer target (each @FuzzTest method under src/test/java) for DURATION each (default
# 10m), one after the other; or only the targets given as arguments (Class#method). A finding is
# written into the target's corpus folder (src/test/resources/<package>/<Class>Inputs/<method>/crash-*)
# and fails that run; the script goes on with the next target and lists the failed ones at the end.
#   bench/fuzz/long.sh                                   # all targets, 10 minutes each
#   DURATION=60s bench/fuzz/long.sh MenuImportFuzzTest#anyCsvMenuIsRefusedOrUsable
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-10m}
mkdir -p target
if [ $# -eq 0 ]; then
  set -- $(grep -rl "@FuzzTest" src/test/java | while read -r file; do
    class=$(basename "$file" .java)
    grep -A3 "@FuzzTest" "$file" | grep -Eo "void [a-zA-Z0-9_]+" | sed "s/void /$class#/"
  done)
fi
failed=""
for target in "$@"; do
  echo "=== $target for $DURATION"
  if ! JAZZER_FUZZ=1 ./mvnw -o -B -q test -Djacoco.skip=true -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false \
      -Djazzer.max_duration="$DURATION" -Dsurefire.rerunFailingTestsCount=0 > "target/fuzz-$(echo "$target" | tr '#' '-').log" 2>&1; then
    failed="$failed $target"
    echo "    FINDING or failure: see target/fuzz-$(echo "$target" | tr '#' '-').log"
  fi
done
[ -z "$failed" ] && echo "no findings" || { echo "failed:$failed"; exit 1; }
