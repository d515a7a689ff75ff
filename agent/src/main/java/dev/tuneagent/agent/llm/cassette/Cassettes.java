package dev.tuneagent.agent.llm.cassette;

import dev.tuneagent.agent.llm.http.Redactor;
import java.util.Optional;
import okhttp3.Interceptor;

/** The interceptor for a {@link CassetteMode}: none when off. */
public final class Cassettes {
    private Cassettes() {
    }

    /**
     * @param recordedWith the honest "what produced this" text written into every recorded exchange; null lets the
     *                     recorder say "a live exchange with HOST"
     * @param session      see {@code TransportOptions.cassetteSession}; null: a record directory must be empty
     * @param keyVariable  the environment variable to mention when telling the user how to re-record (may be null)
     */
    public static Optional<Interceptor> interceptor(CassetteMode mode, Redactor redactor, String recordedWith,
                                                    String session, String keyVariable) {
        String hint = keyVariable == null ? "" : " and " + keyVariable + " set";
        if (mode instanceof CassetteMode.Record r) {
            return Optional.of(RecordingInterceptor.open(r.dir(), redactor, recordedWith, session));
        }
        if (mode instanceof CassetteMode.Replay r) {
            return Optional.of(new ReplayingInterceptor(r.dir(), redactor, hint));
        }
        return Optional.empty();
    }
}
