package io.tiffin.channel.voice;

import io.tiffin.channel.Channel;
import io.tiffin.channel.OutboundMessage;
import io.tiffin.channel.internal.ChannelAdapter;
import io.tiffin.merchant.MerchantDirectory;
import org.springframework.stereotype.Component;

/**
 * The conversation's replies on the VOICE channel: read out on the call while the caller is on the
 * line, sent by SMS from the merchant's number once they have hung up (order updates, say).
 */
@Component
class VoiceAdapter implements ChannelAdapter {

    private final VoiceCalls calls;
    private final TwilioSms sms;
    private final MerchantDirectory merchants;

    VoiceAdapter(VoiceCalls calls, TwilioSms sms, MerchantDirectory merchants) {
        this.calls = calls;
        this.sms = sms;
        this.merchants = merchants;
    }

    @Override
    public Channel channel() {
        return Channel.VOICE;
    }

    @Override
    public void send(OutboundMessage message) {
        if (!calls.deliver(message)) {
            String from = merchants
                    .byId(message.merchantId())
                    .map(m -> m.channels().smsNumber())
                    .orElse(null);
            sms.send(from, message.to(), message.text());
        }
    }
}
