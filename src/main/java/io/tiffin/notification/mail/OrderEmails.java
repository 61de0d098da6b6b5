package io.tiffin.notification.mail;

import io.tiffin.merchant.Merchant;
import io.tiffin.merchant.MerchantDirectory;
import io.tiffin.ordering.Order;
import io.tiffin.ordering.OrderPlaced;
import io.tiffin.ordering.Ordering;
import io.tiffin.platform.events.DurableEventHandler;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Emails of a placed order (an order paid online is placed once paid): the receipt to a customer who
 * gave an email, in their language, and the new-order email to a merchant who turned it on. Each goes
 * once ({@link Mails}); a failed send is retried by the relay.
 */
@Component
class OrderEmails implements DurableEventHandler<OrderPlaced> {

    private final Ordering ordering;
    private final MerchantDirectory merchants;
    private final MailTemplates templates;
    private final Mails mails;

    OrderEmails(Ordering ordering, MerchantDirectory merchants, MailTemplates templates, Mails mails) {
        this.ordering = ordering;
        this.merchants = merchants;
        this.templates = templates;
        this.mails = mails;
    }

    @Override
    public String name() {
        return "notification.order-emails";
    }

    @Override
    public Class<OrderPlaced> eventType() {
        return OrderPlaced.class;
    }

    @Override
    public void handle(OrderPlaced event) throws Exception {
        Merchant merchant = merchants.byId(event.merchantId()).orElse(null);
        Order order = ordering.find(event.merchantId(), event.orderId()).orElse(null);
        if (merchant == null || order == null) {
            return;
        }
        String customerEmail =
                order.customer() == null ? null : order.customer().email();
        if (customerEmail != null && !customerEmail.isBlank()) {
            MailTemplates.Rendered receipt = templates.render(order.language(), "receipt", model(order, merchant));
            mails.sendOnce(new Email(
                    "receipt:" + order.id(),
                    "receipt",
                    customerEmail,
                    receipt.subject(),
                    receipt.html(),
                    receipt.text()));
        }
        Merchant.Emails emails = merchant.emails();
        if (emails.newOrders() && emails.address() != null) {
            // the kitchen reads English, as on its board
            MailTemplates.Rendered newOrder = templates.render("en", "new_order", model(order, merchant));
            mails.sendOnce(new Email(
                    "new-order:" + order.id(),
                    "new_order",
                    emails.address(),
                    newOrder.subject(),
                    newOrder.html(),
                    newOrder.text()));
        }
    }

    static Map<String, Object> model(Order order, Merchant merchant) {
        Map<String, Object> model = new HashMap<>();
        model.put("merchant", merchant.name());
        model.put("number", order.number());
        model.put(
                "customer",
                order.customer() == null || order.customer().name() == null
                        ? ""
                        : order.customer().name());
        model.put(
                "lines",
                order.items().stream()
                        .map(line -> Map.of(
                                "quantity",
                                line.quantity(),
                                "name",
                                line.name(),
                                "lineTotal",
                                io.tiffin.platform.text.MoneyText.format(line.lineTotal(), order.currency())))
                        .toList());
        model.put(
                "charges",
                order.charges().stream()
                        .map(c -> Map.of(
                                "label",
                                c.label(),
                                "amount",
                                io.tiffin.platform.text.MoneyText.format(c.amount(), order.currency())))
                        .toList());
        model.put("total", io.tiffin.platform.text.MoneyText.format(order.total(), order.currency()));
        model.put("paidOnline", order.payment().method() == Order.PaymentMethod.ONLINE);
        model.put("cash", order.payment().method() == Order.PaymentMethod.CASH);
        boolean delivery = order.fulfilment() == Order.FulfilmentType.DELIVERY;
        model.put("delivery", delivery);
        model.put("pickup", !delivery);
        model.put(
                "address",
                delivery
                                && order.deliveryAddress() != null
                                && order.deliveryAddress().text() != null
                        ? order.deliveryAddress().text()
                        : "");
        return model;
    }
}
