package io.badges.command.publishing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the events topic (partitions, replication) when it is missing, so consumers never spin on
 * an absent topic. It retries in the background with capped, jittered back-off: a broker that is
 * down at start-up must not stop the write API (the outbox keeps the events meanwhile).
 */
public final class TopicInitializer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopicInitializer.class);

    private final Thread worker;

    public TopicInitializer(String bootstrap, String topic, int partitions, short replication) {
        worker = new Thread(() -> ensure(bootstrap, topic, partitions, replication), "kafka-topic-initializer");
        worker.setDaemon(true);
        worker.start();
    }

    private static void ensure(String bootstrap, String topic, int partitions, short replication) {
        long backoff = 500;
        while (!Thread.currentThread().isInterrupted()) {
            try (Admin admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000))) {
                admin.createTopics(List.of(new NewTopic(topic, partitions, replication))).all()
                        .get(15, TimeUnit.SECONDS);
                log.info("created topic {} partitions={} replication={}", topic, partitions, replication);
                return;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TopicExistsException) {
                    log.info("topic {} exists", topic);
                    return;
                }
                log.warn("cannot create topic {} yet: {}", topic, e.getCause().toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.warn("cannot create topic {} yet: {}", topic, e.toString());
            }
            try {
                Thread.sleep(backoff + ThreadLocalRandom.current().nextLong(backoff / 2 + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            backoff = Math.min(backoff * 2, 10_000);
        }
    }

    @Override
    public void close() {
        worker.interrupt();
    }
}
