#!/bin/sh
# Webhook-to-reply at a steady rate (WebhookBench.java's paced run, each webhook from a new customer) and the
# app's CPU time per webhook over that run, read from /proc (from the start of the paced run until its
# last reply, plus 3 s for the reactions the replies set off). Starts the built jar on a fresh data directory.
# RATE (100) webhooks/s for PACED_SECONDS (20); JAR as in wrk/run.sh; needs Java 21+. AOT=DIR (Java 25+): run
# the extracted app in DIR with its AOT cache, as made by aot-train.sh (OUT=DIR), instead of JAR.
set -e
[ -z "$AOT" ] || AOT=$(realpath "$AOT") # from where the script is started
cd "$(dirname "$0")"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
DATA=$(mktemp -d)
PORT=${PORT:-18080}
GRAPH=${GRAPH_PORT:-18089}
APP_JAR=${JAR:-../../target/tiffin.jar}
[ -n "$AOT" ] && APP_JAR=$AOT/tiffin.jar
SERVER_PORT=$PORT TIFFIN_DATA_DIR=$DATA/app TIFFIN_BENCH_NOOP=true WHATSAPP_APP_SECRET=bench-secret \
  WHATSAPP_ACCESS_TOKEN=bench WHATSAPP_GRAPH_URL=http://127.0.0.1:$GRAPH \
  "$JAVA" $APP_JAVA_OPTS ${AOT:+-XX:AOTCache=$AOT/tiffin.aot} -jar "$APP_JAR" > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; rm -rf "$DATA"' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null; do
  kill -0 $APP 2>/dev/null || { tail -20 "$DATA/app.log"; exit 1; }
  sleep 1
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
TICKS=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' /proc/$APP/stat; }
RATE=${RATE:-100}
SECONDS_PACED=${PACED_SECONDS:-20}
"$JAVA" WebhookBench.java --app http://127.0.0.1:$PORT --graph-port $GRAPH --secret bench-secret \
  --phone-number-id 100000000000001 --seconds 0 --warmup 10 --paced-rate $RATE --paced-seconds $SECONDS_PACED |
  while IFS= read -r line; do
    echo "$line"
    case "$line" in
      "paced run:"*) cpu > "$DATA/cpu0" ;;
      "webhook-to-reply at"*)
        sleep 3
        awk -v t0="$(cat "$DATA/cpu0")" -v t1="$(cpu)" -v hz="$TICKS" -v n=$((RATE * SECONDS_PACED)) 'BEGIN {
          printf "app CPU over the paced run: %.2f ms per webhook\n", 1000 * (t1 - t0) / hz / n }' ;;
    esac
  done
