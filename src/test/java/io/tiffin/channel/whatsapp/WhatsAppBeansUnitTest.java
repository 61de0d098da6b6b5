package io.tiffin.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.channel.Channel;
import io.tiffin.channel.InboundSink;
import io.tiffin.channel.internal.ChannelAdapter;
import io.tiffin.merchant.MerchantDirectory;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.ObjectMapper;

/** The channel's beans wire from properties alone, the way the application starts them. */
class WhatsAppBeansUnitTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(WhatsAppProperties.class)
    @Import({WhatsAppSignatureVerifier.class, WhatsAppWebhookController.class, WhatsAppClient.class})
    static class Beans {}

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Beans.class)
            .withBean(ObjectMapper.class, () -> Fixtures.JSON)
            .withBean(MerchantDirectory.class, FakeMerchants::new)
            .withBean(InboundSink.class, () -> messages -> messages.size());

    @Test
    void bindsSettingsAndStartsTheWebhookAndTheClient() {
        context.withPropertyValues(
                        "tiffin.whatsapp.app-secret=s3cret",
                        "tiffin.whatsapp.verify-token=v3rify",
                        "tiffin.whatsapp.access-token=t0ken",
                        "tiffin.whatsapp.graph-url=http://localhost:9/v99.0/",
                        "tiffin.whatsapp.read-timeout=3s",
                        "tiffin.whatsapp.retry.max-attempts=6",
                        "tiffin.whatsapp.retry.initial-backoff=10ms")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    WhatsAppProperties p = ctx.getBean(WhatsAppProperties.class);
                    assertThat(p.appSecret()).isEqualTo("s3cret");
                    assertThat(p.verifyToken()).isEqualTo("v3rify");
                    assertThat(p.accessToken()).isEqualTo("t0ken");
                    assertThat(p.graphUrl()).isEqualTo("http://localhost:9/v99.0");
                    assertThat(p.readTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(p.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(p.retry().maxAttempts()).isEqualTo(6);
                    assertThat(p.retry().initialBackoff()).isEqualTo(Duration.ofMillis(10));
                    assertThat(p.retry().maxBackoff()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(ctx.getBean(ChannelAdapter.class).channel()).isEqualTo(Channel.WHATSAPP);
                    assertThat(ctx).hasSingleBean(WhatsAppWebhookController.class);
                });
    }

    @Test
    void defaultsToMetasGraphApiWhenNothingIsSet() {
        context.run(ctx -> {
            assertThat(ctx).hasNotFailed();
            WhatsAppProperties p = ctx.getBean(WhatsAppProperties.class);
            assertThat(p.graphUrl()).isEqualTo("https://graph.facebook.com/v23.0");
            assertThat(p.retry()).isEqualTo(WhatsAppProperties.Retry.DEFAULT);
            assertThat(p.appSecret()).isNull();
        });
    }
}
