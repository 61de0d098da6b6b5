package io.tiffin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class WebhookLoadUnitTest {

    @Test
    void countsTheWebhooksOfTheLastSecondAndForgetsOlderOnes() throws Exception {
        WebhookLoad load = new WebhookLoad();
        assertThat(load.perSecond()).isZero();

        for (int i = 0; i < 25; i++) {
            load.doFilter(
                    new MockHttpServletRequest("POST", "/webhooks/whatsapp"),
                    new MockHttpServletResponse(),
                    new MockFilterChain());
        }
        assertThat(load.perSecond()).isEqualTo(25);

        Thread.sleep(1100);
        assertThat(load.perSecond()).isZero();
    }
}
