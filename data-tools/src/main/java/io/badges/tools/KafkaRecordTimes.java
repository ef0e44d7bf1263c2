package io.badges.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from its start to its current end and writes one line per record: its key (the
 * aggregate id, so an assertion's id) and its timestamp (CreateTime: when the command service's
 * publisher handed it to the producer, epoch ms). With {@link ProjectionLag}'s {@code --samples}
 * (the epoch ms each sampled award's 201 arrived), it splits a sample's lag into the command side's
 * part (201 to the topic) and the rest (the topic to a 200 from the read API): bench/lag-stages.py.
 *
 * <pre>KafkaRecordTimes --bootstrap 127.0.0.1:9092 --topic badges.events.v1 --out FILE</pre>
 */
public final class KafkaRecordTimes {

    private KafkaRecordTimes() {
    }

    public static void main(String[] argv) throws IOException {
        Args args = new Args(argv);
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args.required("bootstrap"));
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        String topic = args.required("topic");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings);
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args.required("out"))))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    out.println(record.key() + " " + record.timestamp());
                }
            }
        }
    }
}
