#!/bin/sh
# Location pings with wrk (Debian: apt-get install wrk): starts the built jar on a fresh data
# directory, signs in 200 drivers of one merchant and puts them on shift (Drivers.java), warms up,
# then 20 s of the no-op endpoint and 20 s of location pings, 200 connections, one wrk thread.
# Needs Java 21+ (JAVA_HOME is used when set) and ./mvnw -DskipTests package.
set -e
cd "$(dirname "$0")"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
DATA=$(mktemp -d)
PORT=${PORT:-18080}
DRIVERS=${DRIVERS:-200}
CONNECTIONS=${CONNECTIONS:-200}
SECONDS_EACH=${SECONDS_EACH:-20}
SERVER_PORT=$PORT TIFFIN_DATA_DIR=$DATA/app TIFFIN_BENCH_NOOP=true TIFFIN_DEMO=false \
  TIFFIN_ADMIN_PASSWORD=bench-admin-password-0123456789 \
  "$JAVA" -jar "${JAR:-../../../target/tiffin.jar}" > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; rm -rf "$DATA"' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null; do
  kill -0 $APP 2>/dev/null || { tail -20 "$DATA/app.log"; exit 1; }
  sleep 1
done
APPURL=http://127.0.0.1:$PORT
"$JAVA" Drivers.java --app "$APPURL" --admin-password bench-admin-password-0123456789 --count "$DRIVERS" --out "$DATA/tokens.txt"
wrk -t1 -c"$CONNECTIONS" -d5s -s noop.lua "$APPURL/webhooks/noop" > /dev/null
wrk -t1 -c"$CONNECTIONS" -d5s -s location.lua "$APPURL/api/v1/driver/location" -- "$DATA/tokens.txt" > /dev/null
sleep 2
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "--- no-op endpoint"
wrk -t1 -c"$CONNECTIONS" -d${SECONDS_EACH}s --latency -s noop.lua "$APPURL/webhooks/noop" | grep -E "Requests/sec| 50%| 99%|Non-2xx|Socket errors"
echo "--- location pings ($DRIVERS drivers on shift)"
wrk -t1 -c"$CONNECTIONS" -d${SECONDS_EACH}s --latency -s location.lua "$APPURL/api/v1/driver/location" -- "$DATA/tokens.txt" \
  | grep -E "Requests/sec| 50%| 99%|Non-2xx|Socket errors|statuses"
