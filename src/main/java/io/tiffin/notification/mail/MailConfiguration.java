package io.tiffin.notification.mail;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** SendGrid when {@code SENDGRID_API_KEY} is set, else the local outbox. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class MailConfiguration {

    @Bean
    Mails mails(MailProperties properties, MongoTemplate mongo, Clock clock) {
        return properties.sendgrid()
                ? new Mails(new SendGridMailer(properties), mongo, clock)
                : Mails.outboxOnly(mongo, clock);
    }
}
