package io.tiffin.conversation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.ordering.LineRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The last edit a session remembers for "the other one too": kept with the session, dropped once the cart changes. */
class ReferredLinesUnitTest {

    @Test
    void theLastEditIsStoredWithTheSession() {
        Session session = new Session("m1", "WEB", "c1");
        session.add(
                List.of(new LineRequest("coke", 1, List.of(), null), new LineRequest("diet-coke", 1, List.of(), null)));
        session.referredTo("make the coke a bottle", List.of(0, 1), List.of(0));

        Session read = Session.fromDocument(session.toDocument());

        assertThat(read.referred()).isEqualTo(session.referred());
        assertThat(read.referred().offered()).containsExactly(0, 1);
        assertThat(read.referred().edited()).containsExactly(0);
    }

    @Test
    void aCartChangedSinceForgetsIt() {
        Session session = new Session("m1", "WEB", "c1");
        session.add(List.of(new LineRequest("coke", 1, List.of(), null)));
        session.referredTo("make the coke a bottle", List.of(0), List.of(0));
        assertThat(session.referred()).isNotNull();

        session.add(List.of(new LineRequest("diet-coke", 1, List.of(), null)));

        assertThat(session.referred()).isNull();
    }
}
