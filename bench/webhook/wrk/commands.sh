#!/bin/sh
# Which store commands one handled message causes: starts the built jar with the MongoDB driver's command
# log on, sends COUNT (300) distinct signed text webhooks (each a new customer's "2 butter chicken and
# 3 garlic naan"), waits until every reply went out and every conversation report was delivered, then
# counts the commands logged meanwhile by thread, command and collection (StoreCommands.java).
# MODE=paced (default): one webhook every 1/RATE s (RATE 20) with curl, so little is batched;
# MODE=flood: all of them at once with wrk (32 connections), as in run.sh's flood.
# JAR as in run.sh. The command log slows the app: the counts are what to read, not the times.
set -e
cd "$(dirname "$0")"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
DATA=$(mktemp -d)
PORT=${PORT:-18080}
GRAPH=${GRAPH_PORT:-18089}
COUNT=${COUNT:-300}
RATE=${RATE:-20}
MODE=${MODE:-paced}
"$JAVA" SignedRequests.java --count $((COUNT + 50)) --out "$DATA/requests.txt"
"$JAVA" GraphStub.java "$GRAPH" > "$DATA/graph.log" 2>&1 &
STUB=$!
SERVER_PORT=$PORT TIFFIN_DATA_DIR=$DATA/app TIFFIN_BENCH_NOOP=true WHATSAPP_APP_SECRET=bench-secret \
  WHATSAPP_ACCESS_TOKEN=bench WHATSAPP_GRAPH_URL=http://127.0.0.1:$GRAPH \
  LOGGING_LEVEL_ORG_MONGODB_DRIVER_PROTOCOL_COMMAND=DEBUG \
  "$JAVA" $APP_JAVA_OPTS -jar "${JAR:-../../../target/tiffin.jar}" > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP $STUB 2>/dev/null; rm -rf "$DATA"' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null; do
  kill -0 $APP 2>/dev/null || { tail -20 "$DATA/app.log"; exit 1; }
  sleep 1
done
APPURL=http://127.0.0.1:$PORT
replies() { curl -s "http://127.0.0.1:$GRAPH/count"; }
# the relay has delivered every report of the messages handled so far
reported() {
  curl -s "$APPURL/actuator/prometheus" | awk '
    /^tiffin_intake_processed_total/ { p = $2 }
    /^tiffin_events_delivered_total.*conversation-rollups/ { d = $2 }
    END { exit !(p > 0 && d >= p) }'
}
settle() {
  START=$(date +%s)
  until [ "$(replies)" -ge "$1" ] && reported || [ $(( $(date +%s) - START )) -gt 120 ]; do sleep 0.5; done
  sleep 2
}
# warm-up: the last 50 requests
tail -n 50 "$DATA/requests.txt" > "$DATA/warm.txt"
wrk -t1 -c8 -d30s -s webhook.lua "$APPURL/webhooks/whatsapp" -- "$DATA/warm.txt" once > /dev/null
settle 50
head -n "$COUNT" "$DATA/requests.txt" > "$DATA/measured.txt"
FROM=$(wc -l < "$DATA/app.log")
BEFORE=$(replies)
T0=$(date +%s)
if [ "$MODE" = flood ]; then
  wrk -t1 -c32 -d60s -s webhook.lua "$APPURL/webhooks/whatsapp" -- "$DATA/measured.txt" once > /dev/null
else
  TAB=$(printf '\t')
  while IFS="$TAB" read -r SIG BODY; do
    curl -s -o /dev/null -H 'Content-Type: application/json' -H "X-Hub-Signature-256: $SIG" \
      --data-raw "$BODY" "$APPURL/webhooks/whatsapp" &
    sleep "$(awk -v r="$RATE" 'BEGIN { print 1 / r }')"
  done < "$DATA/measured.txt"
fi
settle $((BEFORE + COUNT))
TO=$(wc -l < "$DATA/app.log")
echo "$MODE: $(( $(replies) - BEFORE )) replies to $COUNT webhooks; commands logged over $(( $(date +%s) - T0 )) s (sweeps included)"
sed -n "${FROM},${TO}p" "$DATA/app.log" | "$JAVA" StoreCommands.java "$COUNT"
