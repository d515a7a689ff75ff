package dev.tuneagent.agent.proposers;

import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.task.LlmSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The cassettes shipped for {@code tune demo --proposer <llm proposer>}: recorded against the scripted
 * stand-in model (not a real model; see each exchange's {@code recorded_with}), so the demo shows the
 * LLM proposers' mechanics with no key and no network. They live on the class path and are copied to a
 * temporary directory for the replaying transport.
 */
public final class DemoCassettes {
    /** The model the demo cassettes were recorded with; replay must ask for the same one. */
    public static final String MODEL = "openai:stand-in";

    private DemoCassettes() {
    }

    /**
     * The {@code llm:} settings for a demo run: the user's {@code --model}/{@code --cassette} when given,
     * else the shipped cassette of an LLM proposer, else none.
     */
    public static LlmSpec llmFor(String proposer, String model, String cassette) {
        if (model != null || cassette != null) {
            return LlmSpec.builder().model(model).cassette(cassette).build();
        }
        if (proposer == null || !LlmProposers.isLlm(proposer)) {
            return LlmSpec.empty();
        }
        // No base URL: replay needs no server, and the reply format comes from the recording itself.
        return LlmSpec.builder().model(MODEL).cassette("replay:" + extract(proposer)).build();
    }

    static Path extract(String proposer) {
        String base = "cassettes/demo-" + proposer + "/";
        try (InputStream index = DemoCassettes.class.getClassLoader().getResourceAsStream(base + "index.txt")) {
            if (index == null) {
                throw new ConfigException("--proposer", "no demo cassette is shipped for " + proposer
                        + "; pass --model PROVIDER:NAME (and a key) or --cassette replay:DIR");
            }
            List<String> files = new String(index.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> l.matches("[A-Za-z0-9_.-]+\\.json")).toList();
            Path dir = Files.createTempDirectory("tune-demo-" + proposer + "-");
            dir.toFile().deleteOnExit();
            for (String f : files) {
                try (InputStream in = DemoCassettes.class.getClassLoader().getResourceAsStream(base + f)) {
                    Path out = dir.resolve(f);
                    Files.copy(in, out);
                    out.toFile().deleteOnExit();
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the demo cassette for " + proposer + ": " + e.getMessage(), e);
        }
    }
}
