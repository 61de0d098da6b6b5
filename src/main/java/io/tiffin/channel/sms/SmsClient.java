package io.tiffin.channel.sms;

import io.micrometer.core.instrument.MeterRegistry;
import io.tiffin.channel.Channel;
import io.tiffin.channel.OutboundDeliveryException;
import io.tiffin.channel.OutboundMessage;
import io.tiffin.channel.internal.ChannelAdapter;
import io.tiffin.channel.internal.ChoiceMemory;
import io.tiffin.channel.internal.ProviderHttp;
import io.tiffin.merchant.MerchantDirectory;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.ObjectMapper;

/**
 * Sends SMS through Twilio's Messages API from the merchant's number. A stopped number is never sent
 * to. The choices offered are remembered first, so a quick "1" finds them. Server errors, network
 * errors and throttling are retried with backoff; other refusals fail at once.
 */
@Component
class SmsClient implements ChannelAdapter {

    private static final Logger log = LoggerFactory.getLogger(SmsClient.class);

    private final RestClient http;
    private final RetryTemplate retries;
    private final SmsProperties properties;
    private final MerchantDirectory merchants;
    private final SmsOptOuts optOuts;
    private final ChoiceMemory choices;
    private final ObjectMapper json;
    private final MeterRegistry meters;

    SmsClient(
            SmsProperties properties,
            MerchantDirectory merchants,
            SmsOptOuts optOuts,
            ChoiceMemory choices,
            ObjectMapper json,
            ObjectProvider<MeterRegistry> meters) {
        this.properties = properties;
        this.merchants = merchants;
        this.optOuts = optOuts;
        this.choices = choices;
        this.json = json;
        this.meters = meters.getIfAvailable();
        String credentials = properties.accountSid() + ":" + properties.authToken();
        this.http = RestClient.builder()
                .baseUrl(properties.apiUrl())
                .requestFactory(ProviderHttp.requestFactory(properties.connectTimeout(), properties.readTimeout()))
                .defaultHeader(
                        HttpHeaders.AUTHORIZATION,
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .build();
        this.retries = ProviderHttp.retries(properties.retry(), SmsClient::worthRetrying);
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public void send(OutboundMessage message) {
        if (optOuts.stopped(message.merchantId(), message.to())) {
            log.info("Not texting a number that sent STOP to merchant {}", message.merchantId());
            count("tiffin.outbound.suppressed");
            return;
        }
        String from = merchants
                .recent(message.merchantId())
                .map(m -> m.channels().smsNumber())
                .filter(n -> n != null && !n.isBlank())
                .orElseThrow(() -> failed(message, null, "merchant has no SMS number bound", null));
        List<OutboundMessage.Choice> offered = ChoiceMemory.choicesOf(message);
        if (!offered.isEmpty()) {
            choices.remember(Channel.SMS, message.merchantId(), message.to(), offered);
        }
        for (String body : SmsRenderer.render(message)) {
            post(message, from, body);
        }
    }

    private void post(OutboundMessage message, String from, String body) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("To", message.to());
        form.add("From", from);
        form.add("Body", body);
        try {
            retries.execute(() -> http.post()
                    .uri("/2010-04-01/Accounts/{sid}/Messages.json", properties.accountSid())
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .exchange((request, response) -> {
                        int status = response.getStatusCode().value();
                        byte[] answer = response.getBody().readAllBytes();
                        if (status >= 200 && status < 300) {
                            return status;
                        }
                        throw TwilioApiException.from(status, answer, json);
                    }));
        } catch (RetryException e) {
            Throwable last = e.getLastException() != null ? e.getLastException() : e.getCause();
            String code = last instanceof TwilioApiException t ? t.code() : null;
            if (TwilioApiException.UNSUBSCRIBED.equals(code)) {
                // Twilio saw a STOP we did not (sent before this number was bound): keep in step
                optOuts.stop(message.merchantId(), message.to());
            }
            throw failed(
                    message,
                    code,
                    "gave up after " + (e.getRetryCount() + 1) + " attempt(s): " + last.getMessage(),
                    last);
        }
    }

    private OutboundDeliveryException failed(OutboundMessage message, String code, String reason, Throwable cause) {
        log.error("SMS for merchant {} failed: code={} {}", message.merchantId(), code, reason);
        count("tiffin.outbound.failures");
        return new OutboundDeliveryException(Channel.SMS, code, "SMS send failed: " + reason, cause);
    }

    private void count(String name) {
        if (meters != null) {
            meters.counter(name, "channel", "sms").increment();
        }
    }

    static boolean worthRetrying(Throwable failure) {
        if (failure instanceof TwilioApiException twilio) {
            return twilio.retryable();
        }
        return failure instanceof ResourceAccessException;
    }
}
