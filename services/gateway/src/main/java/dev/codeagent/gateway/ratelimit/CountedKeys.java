package dev.codeagent.gateway.ratelimit;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The idempotency keys of the commands the rate limits counted lately, so that a redelivery of one of them
 * is not counted again. Bounded: past {@code capacity} keys, the oldest are forgotten.
 */
final class CountedKeys {

    private final int capacity;
    private final Set<String> keys = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<String> oldestFirst = new ConcurrentLinkedQueue<>();

    CountedKeys(int capacity) {
        this.capacity = capacity;
    }

    boolean contains(String key) {
        return keys.contains(key);
    }

    void add(String key) {
        if (!keys.add(key)) {
            return;
        }
        oldestFirst.add(key);
        while (keys.size() > capacity) {
            String oldest = oldestFirst.poll();
            if (oldest == null) {
                return;
            }
            keys.remove(oldest);
        }
    }
}
