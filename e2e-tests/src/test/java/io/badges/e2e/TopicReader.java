package io.badges.e2e;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a whole topic from the beginning, as a downstream consumer would see it. */
final class TopicReader {

    /** One record: its key, partition, the aggregate sequence and event type from the headers, the value. */
    record Event(String key, int partition, long sequence, String type, String messageId, String json) {
    }

    private TopicReader() {
    }

    static List<Event> readUntil(String bootstrap, String topic, Predicate<List<Event>> done, Duration limit) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<Event> events = new ArrayList<>();
            long deadline = System.nanoTime() + limit.toNanos();
            while (!done.test(events) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    events.add(new Event(record.key(), record.partition(),
                            ByteBuffer.wrap(header(record, "axon-message-aggregate-seq")).getLong(),
                            new String(header(record, "axon-message-type"), StandardCharsets.UTF_8),
                            new String(header(record, "axon-message-id"), StandardCharsets.UTF_8),
                            new String(record.value(), StandardCharsets.UTF_8)));
                }
            }
            return events;
        }
    }

    private static byte[] header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null) {
            throw new AssertionError("record without header " + name);
        }
        return header.value();
    }
}
