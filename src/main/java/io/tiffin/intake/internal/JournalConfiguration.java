package io.tiffin.intake.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.tiffin.platform.backup.BackupPart;
import io.tiffin.platform.store.StoreDurability;
import io.tiffin.platform.store.StoreProperties;
import io.tiffin.platform.web.WebhookLoad;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The inbox journal, on by default only with the embedded store: that store is one process on one
 * disk, like the journal. With a real MongoDB the inbox insert is durable through its write concern,
 * and a journal on one instance's disk would strand messages if that instance never came back.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${tiffin.intake.journal:auto}' == 'on' "
        + "or ('${tiffin.intake.journal:auto}' == 'auto' and '${MONGODB_URI:}'.isBlank())")
class JournalConfiguration {

    @Bean(destroyMethod = "close")
    InboxJournal inboxJournal(StoreProperties store, IntakeProperties properties) {
        return new InboxJournal(
                Path.of(store.dataDir(), "inbox-journal"),
                properties.journalSegment().toBytes());
    }

    /** Backups copy the journal before the store: a record drained meanwhile is then in one copy or both. */
    @Bean
    BackupPart inboxJournalBackupPart(InboxJournal journal) {
        return new BackupPart() {
            @Override
            public String path() {
                return "inbox-journal";
            }

            @Override
            public int order() {
                return 0;
            }

            @Override
            public void copyInto(Path backupDir) throws IOException {
                journal.copyInto(backupDir.resolve(path()));
            }
        };
    }

    @Bean
    InboxCodec inboxCodec(MongoTemplate mongo) {
        return new InboxCodec(mongo);
    }

    /**
     * With the journal on, this process alone owns the store (the embedded one, on its own disk): a
     * message still claimed at start was in hand when the last run died, and is handled again first.
     */
    @Bean
    InitializingBean releaseClaimsOfALastRun(Inbox inbox) {
        return () -> {
            long released = inbox.releaseClaims();
            if (released > 0) {
                org.slf4j.LoggerFactory.getLogger(JournalConfiguration.class)
                        .info("{} message(s) in hand when the last run stopped are handled again", released);
            }
        };
    }

    @Bean
    JournalRejects journalRejects(StoreProperties store, MeterRegistry meters) {
        return new JournalRejects(Path.of(store.dataDir(), "inbox-rejected"), meters);
    }

    /** Records set aside need an operator: the count shows in {@code /actuator/health} under {@code intake}. */
    @Bean
    HealthIndicator intakeHealthIndicator(JournalRejects rejects) {
        return () -> {
            long waiting = rejects.waiting();
            return Health.up()
                    .withDetail("rejectedRecords", waiting)
                    .withDetail(
                            "rejectedDirectory",
                            waiting == 0 ? "" : rejects.directory().toString())
                    .build();
        };
    }

    @Bean
    JournalDrain journalDrain(
            InboxJournal journal,
            InboxCodec codec,
            MongoTemplate mongo,
            StoreDurability durability,
            InboxService inboxService,
            IntakeProperties properties,
            WebhookLoad webhooks,
            IntakeBacklog backlog,
            JournalRejects rejects,
            java.time.Clock clock) {
        return new JournalDrain(
                journal, codec, mongo, durability, inboxService, properties, webhooks, backlog, rejects, clock);
    }
}
