package io.tiffin.channel.whatsapp;

import io.tiffin.channel.internal.HubSignature;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** {@code X-Hub-Signature-256} with the WhatsApp app secret; the scheme is shared with Instagram. */
@Component
class WhatsAppSignatureVerifier {

    static final String HEADER = HubSignature.HEADER;

    private final HubSignature signature;

    @Autowired
    WhatsAppSignatureVerifier(WhatsAppProperties properties) {
        this(properties.appSecret());
    }

    WhatsAppSignatureVerifier(String appSecret) {
        this.signature = new HubSignature(appSecret);
    }

    boolean isValid(byte[] rawBody, String signatureHeader) {
        return signature.isValid(rawBody, signatureHeader);
    }
}
