package io.tradergateway.account;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.ObjectWriter;

/**
 * A view serialised to JSON once and served as bytes until the view changes. The service hands out the same view
 * instance for as long as its data has not changed ({@link AccountService#positions}), so a read that finds the
 * instance it serialised last time writes the kept bytes: no Jackson per request, a known Content-Length instead of
 * a chunked body, and an ETag for conditional requests. One entry per key (e.g. the account filter), so the cache
 * is as small as the set of keys.
 *
 * @param <T> the view type
 */
final class JsonBodyCache<T> {

    /**
     * The bytes of one view and their strong ETag (a digest of the bytes: equal bodies have equal tags, also across
     * restarts).
     */
    record Body(byte[] json, String etag) {}

    private record Entry(Object view, Body body) {}

    private final ObjectWriter writer;
    private final Map<String, Entry> last = new ConcurrentHashMap<>();

    /** @param writer the application's JSON writer for {@code T}, so the bytes are what its converter would write */
    JsonBodyCache(ObjectWriter writer) {
        this.writer = writer;
    }

    /** The body of {@code view}: the kept one when {@code view} is the instance last serialised under {@code key}. */
    Body body(String key, T view) {
        Entry entry = last.get(key);
        if (entry != null && entry.view() == view) {
            return entry.body();
        }
        byte[] json = writer.writeValueAsBytes(view);
        Body body = new Body(json, etag(json));
        last.put(key, new Entry(view, body));
        return body;
    }

    private static String etag(byte[] json) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            return '"' + HexFormat.of().formatHex(Arrays.copyOf(digest, 16)) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
