# The JVM options both services run with (sourced by ./run and the bench scripts; docs/operations.md,
# "Sizing"). Sized for this service's footprint on a small machine: the serial collector (no concurrent
# GC threads competing with request threads on two cores; its young collections of a small young
# generation are a few ms), a heap that starts small and gives memory back, small thread stacks.
# Override with COMMAND_JVM_OPTIONS / QUERY_JVM_OPTIONS.
JVM_COMMON_OPTIONS="-XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:+ExitOnOutOfMemoryError"
COMMAND_JVM_OPTIONS=${COMMAND_JVM_OPTIONS:-"$JVM_COMMON_OPTIONS -Xms24m -Xmn16m -Xmx256m"}
QUERY_JVM_OPTIONS=${QUERY_JVM_OPTIONS:-"$JVM_COMMON_OPTIONS -Xms32m -Xmn24m -Xmx384m"}
