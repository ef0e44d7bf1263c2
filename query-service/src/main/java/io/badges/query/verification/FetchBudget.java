package io.badges.query.verification;

import java.time.Duration;

/**
 * What one verification may load over the network, so that one request cannot hold a worker for long
 * whatever the credential names: at most so many documents, so many bytes in all, and a deadline.
 * Documents answered from the cache cost nothing. Not thread-safe: one verification, one thread.
 */
public final class FetchBudget {

    private final int maxDocuments;
    private final long maxBytes;
    private final long deadlineNanos;
    private int documents;
    private long bytes;

    FetchBudget(int maxDocuments, long maxBytes, Duration maxTime) {
        this.maxDocuments = maxDocuments;
        this.maxBytes = maxBytes;
        this.deadlineNanos = System.nanoTime() + maxTime.toNanos();
    }

    /** Takes one document from the budget before it is loaded; refuses when none or no time is left. */
    void spendDocument(String url) throws FetchException {
        if (documents >= maxDocuments) {
            throw new FetchException("not loaded: " + url + " would be document " + (documents + 1)
                    + "; one verification loads at most " + maxDocuments);
        }
        if (remaining().isZero()) {
            throw new FetchException("not loaded: " + url + ": the verification ran out of time");
        }
        documents++;
    }

    /** Charges what a loaded document weighed; refuses when the verification has loaded too much. */
    void spendBytes(String url, long size) throws FetchException {
        bytes += size;
        if (bytes > maxBytes) {
            throw new FetchException("not used: " + url + " brings the documents of this verification over "
                    + maxBytes + " bytes");
        }
    }

    /** The time left, never negative: each request waits at most this long. */
    Duration remaining() {
        long left = deadlineNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    /** Bytes that may still be loaded. */
    long bytesLeft() {
        return Math.max(0, maxBytes - bytes);
    }

    int documents() {
        return documents;
    }
}
