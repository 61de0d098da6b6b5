package io.tiffin.channel.web;

import io.tiffin.channel.OutboundMessage;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** A bot reply waiting for the web chat page to fetch it. */
@Document("webchat_messages")
@CompoundIndex(name = "conversation", def = "{'merchantId': 1, 'customerId': 1, '_id': 1}")
public record WebChatMessage(
        @Id String id,
        String merchantId,
        String customerId,
        String text,
        List<OutboundMessage.Choice> buttons,
        Instant createdAt) {}
