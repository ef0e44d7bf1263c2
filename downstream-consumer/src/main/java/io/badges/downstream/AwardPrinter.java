package io.badges.downstream;

import io.badges.events.BadgeEvent;
import io.badges.events.EventJson;
import io.badges.events.Topics;
import io.badges.events.assertion.AssertionIssued;
import io.badges.events.assertion.AssertionRevoked;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A downstream system in miniature: reads the badge event stream with plain kafka-clients in its
 * own consumer group and prints awards and revocations. Delivery is at least once, so a real
 * consumer must tolerate duplicates (key them by assertion id); order holds per aggregate.
 *
 * <pre>./mvnw -q -pl downstream-consumer exec:java -Dexec.args="127.0.0.1:9092 my-crm"</pre>
 * A third argument (an ISO-8601 duration such as PT5S) makes it exit once the stream is idle that long.
 */
public final class AwardPrinter {

    /** Header carrying the event's Java type; its simple name is the contract's type name. */
    static final String TYPE_HEADER = "axon-message-type";

    private AwardPrinter() {
    }

    public static void main(String[] args) {
        String bootstrap = args.length > 0 ? args[0] : "127.0.0.1:9092";
        String group = args.length > 1 ? args[1] : "badges-award-printer";
        Duration idle = args.length > 2 ? Duration.parse(args[2]) : null;
        long lines = consume(bootstrap, group, idle, System.out);
        System.err.println(lines + " lines");
    }

    /**
     * Prints awards and revocations; with {@code stopWhenIdle}, returns once no record arrived for that
     * long (otherwise runs until killed). Returns the number of lines printed.
     */
    public static long consume(String bootstrap, String group, Duration stopWhenIdle, PrintStream out) {
        long printed = 0;
        long lastRecord = System.nanoTime();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()))) {
            consumer.subscribe(List.of(Topics.EVENTS));
            while (stopWhenIdle == null || System.nanoTime() - lastRecord < stopWhenIdle.toNanos()) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    lastRecord = System.nanoTime();
                }
                for (ConsumerRecord<String, byte[]> record : records) {
                    String line = describe(record);
                    if (line != null) {
                        out.println(line);
                        printed++;
                    }
                }
            }
        }
        return printed;
    }

    static String describe(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(TYPE_HEADER);
        if (header == null) {
            return null;
        }
        String javaType = new String(header.value(), StandardCharsets.UTF_8);
        String type = javaType.substring(javaType.lastIndexOf('.') + 1);
        if (!type.equals("AssertionIssued") && !type.equals("AssertionRevoked")) {
            return null;
        }
        BadgeEvent event = EventJson.read(type, record.value());
        if (event instanceof AssertionIssued issued) {
            return "AWARDED " + issued.assertionId() + " badgeClass=" + issued.badgeClassId()
                    + " issuer=" + issued.issuerId() + " on=" + issued.issuedOn();
        }
        AssertionRevoked revoked = (AssertionRevoked) event;
        return "REVOKED " + revoked.assertionId() + " reason=" + (revoked.reason() == null ? "" : revoked.reason());
    }
}
