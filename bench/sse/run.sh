#!/bin/sh
# Starts the built jar on fresh embedded stores, opens 200 board streams and places 20 orders.
# Needs: ./mvnw -DskipTests package first. Prints the figures bench/sse/README.md records.
set -e
cd "$(dirname "$0")/../.."
DATA=$(mktemp -d)
PORT=${PORT:-18080}
SERVER_PORT=$PORT TIFFIN_DATA_DIR=$DATA TIFFIN_ADMIN_PASSWORD=bench-admin-password TIFFIN_DEMO=true \
  java -Xmx512m -jar target/tiffin.jar > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP; rm -rf "$DATA"' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null; do sleep 1; done
java bench/sse/SseBench.java --app "http://127.0.0.1:$PORT" --email admin@tiffin.local \
  --password bench-admin-password --connections "${CONNECTIONS:-200}" --orders "${ORDERS:-20}" --pid $APP
