#!/bin/sh
# Acknowledgement throughput of the Instagram, SMS and Telegram webhooks with wrk, beside the app's
# no-op webhook in the same run. Starts the built jar on a fresh data directory with a provider
# stand-in, binds the demo merchant to an Instagram account, an SMS number and a Telegram bot, then
# runs SECONDS_EACH seconds of each, with WhatsApp's webhook in the same run for comparison. Needs wrk,
# Java 21+ and ./mvnw -DskipTests package. APP_JAVA_OPTS go to the app's JVM (e.g. a JFR recording:
# APP_JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/channels.jfr,settings=profile).
set -e
cd "$(dirname "$0")"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
DATA=$(mktemp -d)
PORT=18080
STUBPORT=${GRAPH_PORT:-18089}
SECONDS_EACH=${SECONDS_EACH:-20}
for channel in instagram sms telegram; do
  "$JAVA" ChannelRequests.java --channel $channel --count 100000 --out "$DATA/$channel.txt"
done
"$JAVA" SignedRequests.java --secret bench-whatsapp --count 100000 --out "$DATA/whatsapp.txt"
"$JAVA" GraphStub.java "$STUBPORT" > "$DATA/stub.log" 2>&1 &
STUB=$!
STUBURL=http://127.0.0.1:$STUBPORT
SERVER_PORT=$PORT TIFFIN_DATA_DIR=$DATA/app TIFFIN_BENCH_NOOP=true TIFFIN_PUBLIC_URL=http://127.0.0.1:$PORT \
  TIFFIN_ADMIN_PASSWORD=bench-admin-password INSTAGRAM_APP_SECRET=bench-instagram INSTAGRAM_ACCESS_TOKEN=bench \
  INSTAGRAM_GRAPH_URL=$STUBURL TWILIO_ACCOUNT_SID=ACbench TWILIO_AUTH_TOKEN=bench-twilio TWILIO_API_URL=$STUBURL \
  TELEGRAM_SECRET_TOKEN=bench-telegram-secret TELEGRAM_API_URL=$STUBURL WHATSAPP_GRAPH_URL=$STUBURL \
  WHATSAPP_APP_SECRET=bench-whatsapp WHATSAPP_ACCESS_TOKEN=bench \
  "$JAVA" $APP_JAVA_OPTS -jar "${JAR:-../../../target/tiffin.jar}" > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP $STUB 2>/dev/null; rm -rf "$DATA"' EXIT
APPURL=http://127.0.0.1:$PORT
until curl -sf "$APPURL/actuator/health" > /dev/null; do
  kill -0 $APP 2>/dev/null || { tail -20 "$DATA/app.log"; exit 1; }
  sleep 1
done
TOKEN=$(curl -s "$APPURL/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"admin@tiffin.local","password":"bench-admin-password"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
# the demo merchant: the only one, and the first "id" of its JSON
ID=$(curl -s "$APPURL/api/v1/merchants?page=0&size=1" -H "Authorization: Bearer $TOKEN" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
echo "demo merchant: $ID"
curl -sf -X PATCH "$APPURL/api/v1/merchants/$ID" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"channels":{"instagramAccountId":"17841400000000001","smsNumber":"+12025550100","telegramBotToken":"123456789:AAHbenchbenchbenchbenchbenchbench01"}}' > /dev/null
wrk -t1 -c32 -d5s -s noop.lua "$APPURL/webhooks/noop" > /dev/null
for channel in instagram sms; do tail -n 2000 "$DATA/$channel.txt" > "$DATA/warm-$channel.txt"; done
wrk -t1 -c32 -d5s -s channel.lua "$APPURL/webhooks/instagram" -- "$DATA/warm-instagram.txt" > /dev/null
wrk -t1 -c32 -d5s -s channel.lua "$APPURL/webhooks/twilio/sms" -- "$DATA/warm-sms.txt" > /dev/null
tail -n 2000 "$DATA/whatsapp.txt" > "$DATA/warm-whatsapp.txt"
wrk -t1 -c32 -d5s -s webhook.lua "$APPURL/webhooks/whatsapp" -- "$DATA/warm-whatsapp.txt" > /dev/null
sleep 20
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
run() {
  echo "--- $1"
  wrk -t1 -c32 -d${SECONDS_EACH}s --latency -s "$2" "$3" -- "$4" | grep -E "Requests/sec| 50%| 99%|Non-2xx|Socket errors"
  sleep 15   # let the bot work through part of the backlog so each run starts alike
}
run "no-op webhook" noop.lua "$APPURL/webhooks/noop" ""
run "Instagram" channel.lua "$APPURL/webhooks/instagram" "$DATA/instagram.txt"
run "SMS (Twilio)" channel.lua "$APPURL/webhooks/twilio/sms" "$DATA/sms.txt"
run "Telegram" channel.lua "$APPURL/webhooks/telegram/$ID" "$DATA/telegram.txt"
run "WhatsApp" webhook.lua "$APPURL/webhooks/whatsapp" "$DATA/whatsapp.txt"
run "no-op webhook, again" noop.lua "$APPURL/webhooks/noop" ""
