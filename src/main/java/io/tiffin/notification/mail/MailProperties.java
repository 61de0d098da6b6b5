package io.tiffin.notification.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sendgridApiKey {@code SENDGRID_API_KEY}; without it emails go to the local outbox (a collection
 *                       the admin reads, and the log) instead of SendGrid
 * @param sendgridUrl    {@code SENDGRID_API_URL}: SendGrid's API, or a stand-in ({@code http://host:port})
 * @param from           {@code TIFFIN_MAIL_FROM}: the sender of every email
 * @param summaryHour    the hour (on the kitchen's clock) from which the day's summary goes out
 * @param summaryEvery   how often merchants are checked for a summary due
 */
@ConfigurationProperties("tiffin.mail")
public record MailProperties(
        String sendgridApiKey,
        @DefaultValue("https://api.sendgrid.com") String sendgridUrl,
        @DefaultValue("orders@tiffin.local") String from,
        @DefaultValue("22") int summaryHour,
        @DefaultValue("15m") Duration summaryEvery) {

    boolean sendgrid() {
        return sendgridApiKey != null && !sendgridApiKey.isBlank();
    }
}
