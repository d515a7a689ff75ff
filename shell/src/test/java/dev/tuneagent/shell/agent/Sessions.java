package dev.tuneagent.shell.agent;

import dev.tuneagent.agent.llm.LlmConfigFile;
import dev.tuneagent.agent.llm.LlmConfigResolver;
import dev.tuneagent.agent.llm.standin.ScriptedProviderServer;
import dev.tuneagent.shell.Console;
import dev.tuneagent.shell.TuneApplication;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Drives the whole application as a user would: arguments, lines typed into a (dumb) terminal, and an LLM
 * environment that is a fake map instead of the process's variables (so a developer's key never leaks in).
 */
final class Sessions {
    private Sessions() {
    }

    record Result(int code, String out, String err) {
    }

    static Map<String, String> noModel() {
        return Map.of();
    }

    static Map<String, String> standIn(ScriptedProviderServer s, String provider) {
        return provider.equals("anthropic")
                ? Map.of("ANTHROPIC_API_KEY", "sk-ant-test-0000", "ANTHROPIC_BASE_URL", s.anthropicBaseUrl(),
                "TUNE_MODEL", "anthropic:claude-3-5-haiku-latest")
                : Map.of("OPENAI_API_KEY", "sk-test-0000", "OPENAI_BASE_URL", s.openAiBaseUrl(),
                "TUNE_MODEL", "openai:gpt-4o-mini");
    }

    /** Runs {@code tune ARGS} with {@code typed} as what the person types (null: a stream that fails if read). */
    static Result tune(Map<String, String> env, String typed, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream in = typed == null ? new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("standard input was read");
            }
        } : new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8));
        int code = TuneApplication.run(new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)), in,
                Map.of("llmConfigResolver", new LlmConfigResolver(env, LlmConfigFile.none())), args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
