#!/bin/sh
# Acknowledgement throughput with wrk as the load generator (Debian: apt-get install wrk), which
# costs far less CPU than the JDK HTTP client of WebhookBench.java, so the app, not the client, is
# what saturates. Starts the built jar on a fresh data directory and a Graph API stand-in, then:
# 20 s of the no-op webhook, 20 s of distinct signed text webhooks, and the time until every one of
# them has been answered. Needs Java 21+ (JAVA_HOME is used when set) and ./mvnw -DskipTests package.
# AOT=DIR: the extracted app in DIR with its AOT cache (aot-train.sh, Java 25+) instead of JAR.
set -e
[ -z "$AOT" ] || AOT=$(realpath "$AOT") # from where the script is started
cd "$(dirname "$0")"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
DATA=$(mktemp -d)
PORT=${PORT:-18080}
GRAPH=${GRAPH_PORT:-18089}
SECONDS_EACH=${SECONDS_EACH:-20}
"$JAVA" SignedRequests.java --count 150000 --out "$DATA/requests.txt"
"$JAVA" GraphStub.java "$GRAPH" > "$DATA/graph.log" 2>&1 &
STUB=$!
APP_JAR=${JAR:-../../../target/tiffin.jar}
[ -n "$AOT" ] && APP_JAR=$AOT/tiffin.jar
SERVER_PORT=$PORT TIFFIN_DATA_DIR=$DATA/app TIFFIN_BENCH_NOOP=true WHATSAPP_APP_SECRET=bench-secret \
  WHATSAPP_ACCESS_TOKEN=bench WHATSAPP_GRAPH_URL=http://127.0.0.1:$GRAPH \
  "$JAVA" $APP_JAVA_OPTS ${AOT:+-XX:AOTCache=$AOT/tiffin.aot} -jar "$APP_JAR" > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP $STUB 2>/dev/null; rm -rf "$DATA"' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null; do
  kill -0 $APP 2>/dev/null || { tail -20 "$DATA/app.log"; exit 1; }
  sleep 1
done
APPURL=http://127.0.0.1:$PORT
# warm-up: both paths, with the last 5,000 requests of the file so the measured ones are new
tail -n 5000 "$DATA/requests.txt" > "$DATA/warm.txt"
wrk -t1 -c32 -d5s -s noop.lua "$APPURL/webhooks/noop" > /dev/null
WARM=$(wrk -t1 -c32 -d5s -s webhook.lua "$APPURL/webhooks/whatsapp" -- "$DATA/warm.txt" \
  | grep -Eo "^ *[0-9]+ requests in" | grep -Eo "[0-9]+")
[ "$WARM" -gt 5000 ] && WARM=5000
START=$(date +%s)
until [ "$(curl -s http://127.0.0.1:$GRAPH/count)" -ge "$WARM" ] || [ $(( $(date +%s) - START )) -gt 600 ]; do sleep 1; done
sleep 2
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "--- no-op webhook"
wrk -t1 -c32 -d${SECONDS_EACH}s --latency -s noop.lua "$APPURL/webhooks/noop" | grep -E "Requests/sec| 50%| 99%|Non-2xx|Socket errors"
# FLOOD=n: a flood of n distinct webhooks at most (builds that acknowledge faster otherwise leave a larger
# backlog, and moving it into the inbox counts in the CPU per reply below)
head -n "${FLOOD:-140000}" "$DATA/requests.txt" > "$DATA/measured.txt"
BEFORE=$(curl -s http://127.0.0.1:$GRAPH/count)
echo "--- signed WhatsApp text webhooks"
wrk -t1 -c32 -d${SECONDS_EACH}s --latency -s webhook.lua "$APPURL/webhooks/whatsapp" -- "$DATA/measured.txt" ${FLOOD:+once} \
  | tee "$DATA/wrk.txt" | grep -E "Requests/sec| 50%| 99%|Non-2xx|Socket errors"
SENT=$(grep -Eo "^ *[0-9]+ requests in" "$DATA/wrk.txt" | grep -Eo "[0-9]+")
# wrk counts a few requests more than the file holds when its connections reach the end together: those
# are repeats of sent messages, answered once, so at most FLOOD replies are awaited
[ -n "$FLOOD" ] && [ "$SENT" -gt "$FLOOD" ] && SENT=$FLOOD
# the bot then works through the backlog; report how fast, over at most REPLY_WAIT seconds
START=$(date +%s)
WAIT=${REPLY_WAIT:-60}
# the app's CPU time (user + system, in clock ticks) per reply after the flood: unlike the reply rate,
# it does not depend on what else the machine is running
TICKS=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' /proc/$APP/stat; }
CPU0=$(cpu)
AT_FLOOD_END=$(( $(curl -s http://127.0.0.1:$GRAPH/count) - BEFORE ))
until [ $(( $(curl -s http://127.0.0.1:$GRAPH/count) - BEFORE )) -ge "$SENT" ] || [ $(( $(date +%s) - START )) -ge "$WAIT" ]; do
  sleep 1
done
ANSWERED=$(( $(curl -s http://127.0.0.1:$GRAPH/count) - BEFORE ))
CPU1=$(cpu)
# messages handled and their reports delivered by the event relay so far (warm-up included): a relay that
# falls behind leaves part of each message's work outside the CPU per reply
curl -s "$APPURL/actuator/prometheus" | grep -E "^tiffin_intake_processed_total|^tiffin_events_delivered_total" || true
ELAPSED=$(( $(date +%s) - START ))
echo "answered: $ANSWERED of $SENT within $ELAPSED s after the flood (every webhook acknowledged is in the journal or inbox)"
DRAINED=$(( ANSWERED - AT_FLOOD_END ))
if [ "$DRAINED" -gt 0 ]; then
  awk -v t=$(( CPU1 - CPU0 )) -v hz="$TICKS" -v n="$DRAINED" -v s="$ELAPSED" 'BEGIN {
    ms = 1000 * t / hz / n
    printf "after the flood: %d replies in %d s (%.0f/s), app CPU %.2f ms per reply (%.0f replies per CPU-second)\n", n, s, n / s, ms, 1000 / ms }'
fi
