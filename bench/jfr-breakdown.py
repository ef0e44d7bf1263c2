#!/usr/bin/env python3
"""Where the CPU samples of a JFR recording go, by library (issue #8's profiles).

    jfr print --stack-depth 64 --events jdk.ExecutionSample rec.jfr > samples.txt
    python3 bench/jfr-breakdown.py samples.txt [frame-substring ...]

Each sample counts once, for the library of its topmost frame outside the JDK (java., jdk., sun.),
so that a HashMap lookup inside Axon counts as Axon. Frame substrings given as arguments are
reported inclusively (samples with that frame anywhere on the stack) and win over the library.
"""
import collections
import re
import sys

LIBRARIES = [
    ("PostgreSQL JDBC driver", "org.postgresql"), ("datasource-proxy", "net.ttddyy"),
    ("HikariCP", "com.zaxxer"), ("Jackson", "com.fasterxml.jackson"), ("Axon", "org.axonframework"),
    ("Kafka client", "org.apache.kafka"), ("Lettuce/Netty", "io.lettuce"), ("Netty", "io.netty"),
    ("Tomcat", "org.apache"), ("Spring transactions", "org.springframework.transaction"),
    ("Spring MVC", "org.springframework.web"), ("Spring (other)", "org.springframework"),
    ("Micrometer", "io.micrometer"), ("Hibernate Validator", "org.hibernate.validator"),
    ("Caffeine", "com.github.benmanes"), ("Logback", "ch.qos.logback"), ("this project", "io.badges"),
]


def frames(sample):
    return [re.sub(r"\(.*", "", line.strip()) for line in sample.split("\n") if "line:" in line]


def main():
    text = open(sys.argv[1]).read()
    marks = sys.argv[2:]
    counts, total = collections.Counter(), 0
    for sample in text.split("jdk.ExecutionSample")[1:]:
        stack = frames(sample)
        if not stack:
            continue
        total += 1
        mark = next((m for m in marks if any(m in f for f in stack)), None)
        if mark:
            counts["[" + mark + "]"] += 1
            continue
        own = next((f for f in stack if not f.startswith(("java.", "jdk.", "sun.", "javax.", "jakarta."))), None)
        counts[next((name for name, prefix in LIBRARIES if own and own.startswith(prefix)), "JDK / other")] += 1
    print(f"| where | samples | share |\n| --- | ---: | ---: |")
    for name, n in counts.most_common():
        print(f"| {name} | {n} | {100.0 * n / total:.1f} % |")
    print(f"| all | {total} | 100 % |")


if __name__ == "__main__":
    main()
