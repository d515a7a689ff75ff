package dev.tuneagent.agent.llm.cassette;

import dev.tuneagent.agent.llm.http.Redactor;
import java.util.Optional;
import okhttp3.Interceptor;

/** Opens a {@link CassetteMode}: the interceptor (none when off) and, in replay, what the recording asked for. */
public final class Cassettes {
    private Cassettes() {
    }

    /**
     * An opened cassette.
     *
     * @param interceptor      null when the mode is off
     * @param structuredOutput replay only: whether the recorded requests asked for a JSON reply
     *                         ({@code response_format}); empty when recording or off (the model's capabilities decide)
     */
    public record Opened(Interceptor interceptor, Optional<Boolean> structuredOutput) {
        public Optional<Interceptor> asOptional() {
            return Optional.ofNullable(interceptor);
        }
    }

    /**
     * Opens {@code mode}. A replay directory is read here, once: a missing or unreadable one is a
     * {@link dev.tuneagent.core.config.ConfigException} naming the path, before any study exists.
     *
     * @param recordedWith the honest "what produced this" text written into every recorded exchange; null lets the
     *                     recorder say "a live exchange with HOST"
     * @param session      see {@code TransportOptions.cassetteSession}; null: a record directory must be empty
     * @param keyVariable  the environment variable to mention when telling the user how to re-record (may be null)
     */
    public static Opened open(CassetteMode mode, Redactor redactor, String recordedWith, String session,
                              String keyVariable) {
        String hint = keyVariable == null ? "" : " and " + keyVariable + " set";
        if (mode instanceof CassetteMode.Record r) {
            return new Opened(RecordingInterceptor.open(r.dir(), redactor, recordedWith, session), Optional.empty());
        }
        if (mode instanceof CassetteMode.Replay r) {
            Recordings.Loaded loaded = Recordings.load(r.dir(), hint);
            return new Opened(new ReplayingInterceptor(r.dir(), loaded, redactor, hint),
                    Optional.of(Recordings.askedForJson(loaded.exchanges())));
        }
        return new Opened(null, Optional.empty());
    }
}
