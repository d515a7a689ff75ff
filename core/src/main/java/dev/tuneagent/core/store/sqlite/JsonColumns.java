package dev.tuneagent.core.store.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tuneagent.core.study.Provenance;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON text of the params, metrics, attrs and provenance columns (shared by the SQLite and PostgreSQL stores). */
public final class JsonColumns {
    /** Rows written by an older build may hold provenance fields this one no longer has: read the rest. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final TypeReference<LinkedHashMap<String, Object>> PARAMS = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, Double>> METRICS = new TypeReference<>() {
    };

    private JsonColumns() {
    }

    public static String params(Map<String, Object> params) {
        return write(params);
    }

    public static Map<String, Object> params(String json) {
        return read(json, PARAMS);
    }

    /** NaN and infinite metrics are written as the strings "NaN", "Infinity" and read back as doubles. */
    public static String metrics(Map<String, Double> metrics) {
        return write(metrics);
    }

    public static Map<String, Double> metrics(String json) {
        return read(json, METRICS);
    }

    public static String attrs(Map<String, Object> attrs) {
        return write(attrs);
    }

    public static Map<String, Object> attrs(String json) {
        return json == null ? Map.of() : read(json, PARAMS);
    }

    public static String provenance(Provenance provenance) {
        return write(provenance);
    }

    public static Provenance provenance(String json) {
        try {
            return JSON.readValue(json, Provenance.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored provenance is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not valid: " + e.getOriginalMessage(), e);
        }
    }
}
