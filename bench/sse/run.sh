#!/bin/sh
# Starts the built jar on fresh embedded stores, opens 200 board streams and places 20 orders.
# Needs Java 21+ (JAVA_HOME is used when set) and ./mvnw -DskipTests package first.
set -e
cd "$(dirname "$0")/../.."
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
DATA=$(mktemp -d)
PORT=${PORT:-18080}
SERVER_PORT=$PORT TIFFIN_DATA_DIR=$DATA TIFFIN_ADMIN_PASSWORD=bench-admin-password TIFFIN_DEMO=true \
  TIFFIN_WEBCHAT_NEW_PER_ADDRESS=100000 TIFFIN_WEBCHAT_PER_ADDRESS=100000 \
  "$JAVA" -Xmx512m -jar "${JAR:-target/tiffin.jar}" > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; rm -rf "$DATA"' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null; do
  kill -0 $APP 2>/dev/null || { tail -20 "$DATA/app.log"; exit 1; }
  sleep 1
done
"$JAVA" bench/sse/SseBench.java --app "http://127.0.0.1:$PORT" --email admin@tiffin.local \
  --password bench-admin-password --connections "${CONNECTIONS:-200}" --orders "${ORDERS:-20}" --pid $APP
