package io.tiffin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tiffin.ordering.Order;
import io.tiffin.ordering.OrderStatus;
import io.tiffin.ordering.OrderStatusChanged;
import io.tiffin.platform.events.DurableEventHandler;
import io.tiffin.support.IntegrationTestSupport;
import io.tiffin.support.WhatsAppPayloads;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The kitchen's side of an order: commands over the API, the customer told on WhatsApp, boards told live. */
class MerchantBoardIntegrationTest extends IntegrationTestSupport {

    private TestMerchant merchant;
    private String customer;

    @Autowired
    private List<DurableEventHandler<?>> handlers;

    @Autowired
    private org.springframework.data.mongodb.core.MongoTemplate mongo;

    @Autowired
    private org.springframework.data.redis.core.StringRedisTemplate redis;

    @BeforeEach
    void merchantWithGraphApi() {
        merchant = newMerchant("Board Test Kitchen");
        stubGraphApi(merchant);
        customer = newCustomer();
    }

    @Test
    void acceptTellsTheCustomerTheReadyTimeAndTheApiShowsAccepted() {
        JsonNode order = placeWhatsAppOrder(merchant, customer, "Asha", "2 garlic naan", "42 Residency Road");
        int sent = messagesTo(merchant, customer).size();

        HttpResponse<String> accepted =
                postJson(orderPath(order) + "/accept", merchant.ownerToken(), "{\"prepMinutes\":15}");

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(parse(accepted).get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(parse(accepted).get("readyAt").isNull()).isFalse();
        assertThat(parse(accepted).get("allowedCommands").toString())
                .contains("START_PREPARING", "MARK_READY", "CANCEL");
        List<String> messages = awaitMessages(merchant, customer, sent + 1);
        assertThat(messages.getLast())
                .contains("accepted your order", "#" + order.get("number").asString(), "15 min");
        JsonNode stored = parse(get(orderPath(order), merchant.ownerToken()));
        assertThat(stored.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(stored.at("/timeline/1/status").asString()).isEqualTo("ACCEPTED");
        // the events wait in the stored order until delivered, and the API never shows them
        assertThat(stored.has("outbox")).isFalse();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> mongo.getCollection("orders")
                        .find(new org.bson.Document(
                                "_id",
                                new org.bson.types.ObjectId(order.get("id").asString())))
                        .first()
                        .getList("outbox", Object.class)
                        .isEmpty());
    }

    @Test
    void staffRunTheWholeLifecycleAndTheCustomerHearsEachStep() {
        String staff = newStaff(merchant);
        JsonNode order = placeWhatsAppOrder(merchant, customer, "Asha", "1 dal makhani", "42 Residency Road");
        int sent = messagesTo(merchant, customer).size();

        assertThat(postJson(orderPath(order) + "/accept", staff, "{\"prepMinutes\":20}")
                        .statusCode())
                .isEqualTo(200);
        awaitMessages(merchant, customer, sent + 1);
        assertThat(send("POST", orderPath(order) + "/preparing", staff, null, null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(send("POST", orderPath(order) + "/ready", staff, null, null).statusCode())
                .isEqualTo(200);
        awaitMessages(merchant, customer, sent + 2);
        assertThat(send("POST", orderPath(order) + "/handed-over", staff, null, null)
                        .statusCode())
                .isEqualTo(200);
        List<String> messages = awaitMessages(merchant, customer, sent + 3);
        assertThat(send("POST", orderPath(order) + "/delivered", staff, null, null)
                        .statusCode())
                .isEqualTo(200);

        assertThat(messages.subList(sent, sent + 3))
                .satisfiesExactly(
                        accepted -> assertThat(accepted).contains("accepted"),
                        ready -> assertThat(ready).contains("is ready"),
                        onTheWay -> assertThat(onTheWay).contains("on its way"));
        JsonNode stored = parse(get(orderPath(order), staff));
        assertThat(stored.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(stored.get("timeline")).hasSize(6);
    }

    @Test
    void rejectionTellsTheCustomerTheReason() {
        JsonNode order = placeWhatsAppOrder(merchant, customer, "Asha", "1 chole", "42 Residency Road");
        int sent = messagesTo(merchant, customer).size();

        assertThat(postJson(
                                orderPath(order) + "/reject",
                                merchant.ownerToken(),
                                "{\"reason\":\"Out of chole tonight\"}")
                        .statusCode())
                .isEqualTo(200);

        assertThat(awaitMessages(merchant, customer, sent + 1).getLast())
                .contains("can't take your order", "Out of chole tonight");
        assertThat(postJson(orderPath(order) + "/accept", merchant.ownerToken(), "{\"prepMinutes\":10}")
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void twoTabletsAcceptingAtOnceGiveOneWinnerAndConflicts() throws Exception {
        JsonNode order = placeWhatsAppOrder(merchant, customer, "Asha", "1 jeera rice", "42 Residency Road");
        int tablets = 4;
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> taps = IntStream.range(0, tablets)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return postJson(
                                    orderPath(order) + "/accept",
                                    merchant.ownerToken(),
                                    "{\"prepMinutes\":" + (10 + i) + "}")
                            .statusCode();
                }))
                .toList();

        start.countDown();
        List<Integer> statuses =
                taps.stream().map(CompletableFuture::join).sorted().toList();

        assertThat(statuses).containsExactly(200, 409, 409, 409);
        assertThat(parse(get(orderPath(order), merchant.ownerToken())).get("timeline"))
                .hasSize(2);
    }

    @Test
    void anotherMerchantsUsersGetNotFound() {
        JsonNode order = placeWhatsAppOrder(merchant, customer, "Asha", "1 plain naan", "42 Residency Road");
        TestMerchant other = newMerchant("Other Kitchen");

        assertThat(postJson(orderPath(order) + "/accept", other.ownerToken(), "{\"prepMinutes\":15}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(get(orderPath(order), other.ownerToken()).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/merchants/" + merchant.id() + "/events", other.ownerToken())
                        .statusCode())
                .isEqualTo(404);
        assertThat(parse(get(orderPath(order), merchant.ownerToken()))
                        .get("status")
                        .asString())
                .isEqualTo("PLACED");
    }

    @Test
    void aRepeatedTransitionEventSendsTheCustomerOneMessage() throws Exception {
        JsonNode order = placeWhatsAppOrder(merchant, customer, "Asha", "1 butter naan", "42 Residency Road");
        postJson(orderPath(order) + "/accept", merchant.ownerToken(), "{\"prepMinutes\":15}");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> messagesTo(merchant, customer).stream().anyMatch(m -> m.contains("accepted")));
        int sent = messagesTo(merchant, customer).size();

        // the relay delivers at least once: the same event handed over again, as after a crash
        customerUpdates()
                .handle(new OrderStatusChanged(
                        order.get("id").asString(),
                        merchant.id(),
                        order.get("number").asString(),
                        OrderStatus.PLACED,
                        OrderStatus.ACCEPTED,
                        null,
                        Instant.now(),
                        "WHATSAPP",
                        customer,
                        Order.FulfilmentType.DELIVERY,
                        Instant.now(),
                        "en",
                        false));

        assertThat(messagesTo(merchant, customer)).hasSize(sent);
        assertThat(messagesTo(merchant, customer).stream().filter(m -> m.contains("accepted")))
                .hasSize(1);
    }

    @SuppressWarnings("unchecked")
    private DurableEventHandler<OrderStatusChanged> customerUpdates() {
        return (DurableEventHandler<OrderStatusChanged>) handlers.stream()
                .filter(h -> h.name().equals("notification.customer-updates"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void toggledOffItemIsRefusedOnTheNextMessage() {
        String staff = newStaff(merchant);
        HttpResponse<String> patched = send(
                "PATCH",
                "/api/v1/merchants/" + merchant.id() + "/menu/items/garlic-naan",
                staff,
                "application/json",
                "{\"available\":false}".getBytes());
        assertThat(patched.statusCode()).isEqualTo(200);

        postWhatsApp(WhatsAppPayloads.text(
                merchant.phoneNumberId(), customer, WhatsAppPayloads.newMessageId(), "2 garlic naan"));

        assertThat(String.join("\n", awaitMessages(merchant, customer, 1)))
                .containsIgnoringCase("garlic naan")
                .contains("isn't available");
    }

    @Test
    void pausedMerchantTellsCustomersTheReason() {
        String staff = newStaff(merchant);
        assertThat(putJson("/api/v1/merchants/" + merchant.id() + "/pause", staff, "{\"reason\":\"Kitchen is full\"}")
                        .statusCode())
                .isEqualTo(200);

        postWhatsApp(WhatsAppPayloads.text(
                merchant.phoneNumberId(), customer, WhatsAppPayloads.newMessageId(), "2 garlic naan"));

        assertThat(awaitMessages(merchant, customer, 1).getFirst()).contains("isn't taking orders", "Kitchen is full");
        assertThat(send("DELETE", "/api/v1/merchants/" + merchant.id() + "/pause", staff, null, null)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void boardsHearNewOrdersLiveAndReplayWhatTheyMissed() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Void>> stream = openEvents(null, lines);

        JsonNode order = placeWhatsAppOrder(merchant, customer, "Asha", "1 masala chai", "42 Residency Road");

        await().atMost(Duration.ofSeconds(5))
                .until(() ->
                        lines.stream().anyMatch(l -> l.contains(order.get("id").asString())));
        assertThat(lines).contains("event:order.placed");
        String firstId = lines.stream()
                .filter(l -> l.startsWith("id:"))
                .findFirst()
                .orElseThrow()
                .substring(3);
        stream.cancel(true);

        // while this board is away, the order is accepted; on reconnect it gets exactly what it missed
        postJson(orderPath(order) + "/accept", merchant.ownerToken(), "{\"prepMinutes\":15}");
        await().atMost(Duration.ofSeconds(5)).until(() -> lastEventIdOfStatus(order) != null);
        List<String> replayed = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Void>> again = openEvents(firstId, replayed);

        await().atMost(Duration.ofSeconds(5))
                .until(() -> replayed.stream().anyMatch(l -> l.contains("\"status\":\"ACCEPTED\"")));
        assertThat(replayed).contains("event:order.status").doesNotContain("event:order.placed");
        again.cancel(true);
    }

    @Test
    void anEventAnotherInstancePublishesInRedisReachesThisInstancesBoards() {
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Void>> stream = openEvents(null, lines);
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains(":connected"));

        // what BoardEventLog on a second app instance publishes after storing an order there
        redis.convertAndSend(
                "tiffin:board-events",
                ("{\"id\":\"%d-0\",\"merchantId\":\"%s\",\"type\":\"order.placed\","
                                + "\"orderId\":\"from-instance-b\",\"number\":\"4242\",\"status\":\"PLACED\",\"at\":\"2026-11-22T12:00:00Z\"}")
                        .formatted(System.currentTimeMillis(), merchant.id()));

        await().atMost(Duration.ofSeconds(5)).until(() -> lines.stream().anyMatch(l -> l.contains("from-instance-b")));
        stream.cancel(true);
    }

    private String lastEventIdOfStatus(JsonNode order) {
        List<String> lines = new CopyOnWriteArrayList<>();
        // a board opened with an old id replays everything after it; the accepted event shows up once logged
        CompletableFuture<HttpResponse<Void>> probe = openEvents("0-0", lines);
        try {
            await().atMost(Duration.ofSeconds(2)).until(() -> lines.stream().anyMatch(l -> l.contains("ACCEPTED")));
            return "found";
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return null;
        } finally {
            probe.cancel(true);
        }
    }

    private CompletableFuture<HttpResponse<Void>> openEvents(String lastEventId, List<String> lines) {
        HttpRequest.Builder request = request("/api/v1/merchants/" + merchant.id() + "/events")
                .header("Authorization", "Bearer " + merchant.ownerToken())
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return http.sendAsync(
                request.GET().build(),
                HttpResponse.BodyHandlers.fromLineSubscriber(new java.util.concurrent.Flow.Subscriber<>() {
                    @Override
                    public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
                        subscription.request(Long.MAX_VALUE);
                    }

                    @Override
                    public void onNext(String item) {
                        lines.add(item);
                    }

                    @Override
                    public void onError(Throwable throwable) {}

                    @Override
                    public void onComplete() {}
                }));
    }

    private String orderPath(JsonNode order) {
        return "/api/v1/merchants/" + merchant.id() + "/orders/"
                + order.get("id").asString();
    }
}
