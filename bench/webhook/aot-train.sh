#!/bin/sh
# An AOT cache for the built jar (Java 25+: JEP 483 classes loaded and linked, JEP 515 method profiles),
# made by a training run that answers real webhooks, so the JIT of a new instance starts from the
# profiles of the webhook path instead of learning them from its first customers.
#
#   bench/webhook/aot-train.sh                    # JAR (target/tiffin.jar) -> OUT (target/aot)
#   java -XX:AOTCache=target/aot/tiffin.aot -jar target/aot/tiffin.jar
#
# Extracts JAR into OUT (OUT/tiffin.jar and OUT/lib: an AOT cache only works with the extracted form),
# starts it on a throwaway data directory with -XX:AOTCacheOutput, sends WebhookBench.java's warm-up and
# TRAIN_SECONDS (30) of paced webhooks at RATE (100)/s, then stops it; the JVM writes OUT/tiffin.aot as
# it exits. The cache is only used by the same JDK build and the same OUT path (it records the class
# path); rebuild it with every jar. APP_JAVA_OPTS go to the training run (use the production's heap and
# GC options). Nothing of the training's data is kept.
set -e
ROOT=$(realpath "$(dirname "$0")/../..")
# JAR and OUT as given from where the script is started
JAR=$(realpath "${JAR:-$ROOT/target/tiffin.jar}")
OUT=$(realpath -m "${OUT:-$ROOT/target/aot}")
cd "$(dirname "$0")"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
DATA=$(mktemp -d)
PORT=${PORT:-18080}
GRAPH=${GRAPH_PORT:-18089}
rm -rf "$OUT"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$OUT" > /dev/null
# one name whatever the jar's: the cache records the class path, and the bench scripts look for it (AOT=OUT)
[ "$(basename "$JAR")" = tiffin.jar ] || mv "$OUT/$(basename "$JAR")" "$OUT/tiffin.jar"
APP_JAR="$OUT/tiffin.jar"
SERVER_PORT=$PORT TIFFIN_DATA_DIR=$DATA/app TIFFIN_BENCH_NOOP=true WHATSAPP_APP_SECRET=bench-secret \
  WHATSAPP_ACCESS_TOKEN=bench WHATSAPP_GRAPH_URL=http://127.0.0.1:$GRAPH \
  "$JAVA" $APP_JAVA_OPTS -XX:AOTCacheOutput="$OUT/tiffin.aot" -jar "$APP_JAR" > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; rm -rf "$DATA"' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null; do
  kill -0 $APP 2>/dev/null || { tail -20 "$DATA/app.log"; exit 1; }
  sleep 1
done
"$JAVA" WebhookBench.java --app http://127.0.0.1:$PORT --graph-port $GRAPH --secret bench-secret \
  --phone-number-id 100000000000001 --seconds 0 --warmup 10 --paced-rate "${RATE:-100}" \
  --paced-seconds "${TRAIN_SECONDS:-30}" | grep "webhook-to-reply"
# a stop, not a kill: the cache is written at the JVM's exit (by a second JVM it starts)
kill $APP
wait $APP || true
grep -E "AOTCache creation is complete|Error|error:" "$DATA/app.log" || true
test -s "$OUT/tiffin.aot"
echo "run: java -XX:AOTCache=$OUT/tiffin.aot -jar $APP_JAR"
