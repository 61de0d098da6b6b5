package io.tiffin.platform.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Lets a scheduled job run once per interval across every instance: each instance's timer fires,
 * and the first to take the job's Redis key for the interval runs it; the key is left to expire, so
 * the others skip that round. An instance that dies mid-run costs at most one round. If Redis cannot
 * be reached the round is skipped: the jobs are sweeps that the next round catches up on.
 * The last runs are kept under {@code tiffin:jobs:<name>:runs} ({@code instance@epochMillis}, newest first).
 */
@Component
public class ClusterJobs {

    private static final Logger log = LoggerFactory.getLogger(ClusterJobs.class);
    private static final int KEPT_RUNS = 50;

    private final StringRedisTemplate redis;
    private final String instance;
    private final Clock clock;

    ClusterJobs(StringRedisTemplate redis, ClusterProperties properties, Clock clock) {
        this.redis = redis;
        this.instance = properties.instance();
        this.clock = clock;
    }

    /**
     * Runs {@code job} unless another instance ran {@code name} within most of {@code every}: the key
     * lives 80% of the interval, so timers drifting apart never make a round run twice.
     *
     * @return whether this instance ran it
     */
    public boolean runOnce(String name, Duration every, Runnable job) {
        Duration hold = Duration.ofMillis(Math.max(1, every.toMillis() * 4 / 5));
        Boolean mine;
        try {
            mine = redis.opsForValue().setIfAbsent(key(name), instance, hold);
        } catch (RuntimeException e) {
            log.warn("Skipping this round of job {}: Redis did not answer ({})", name, e.toString());
            return false;
        }
        if (!Boolean.TRUE.equals(mine)) {
            return false;
        }
        try {
            redis.opsForList().leftPush(runsKey(name), instance + "@" + clock.millis());
            redis.opsForList().trim(runsKey(name), 0, KEPT_RUNS - 1);
        } catch (RuntimeException e) {
            log.debug("Could not record the run of job {}: {}", name, e.toString());
        }
        job.run();
        return true;
    }

    /** The recorded runs of a job, newest first, as {@code instance@epochMillis}. */
    public List<String> runs(String name) {
        List<String> runs = redis.opsForList().range(runsKey(name), 0, -1);
        return runs == null ? List.of() : runs;
    }

    private static String key(String name) {
        return "tiffin:jobs:" + name;
    }

    private static String runsKey(String name) {
        return "tiffin:jobs:" + name + ":runs";
    }
}
