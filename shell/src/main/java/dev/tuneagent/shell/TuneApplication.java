package dev.tuneagent.shell;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.springframework.shell.boot.TerminalCustomizer;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code tune}: with arguments, runs one command and exits with its code (see docs/cli.md); without,
 * starts the interactive shell.
 */
@SpringBootApplication
public class TuneApplication {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the application and returns the process exit code. */
    public static int run(String... args) {
        return run(Console.system(), args);
    }

    /** Runs with the given output streams (tests capture them). */
    public static int run(Console console, String... args) {
        return run(console, null, args);
    }

    /**
     * Runs with a dumb terminal over {@code in} and {@code console.out()} instead of the process's terminal, so a test
     * can type into the interactive shell and the wizard (null: the real terminal).
     */
    public static int run(Console console, InputStream in, String... args) {
        return run(console, in, Map.of(), args);
    }

    /**
     * Also registers {@code beans} before the configuration is read; a bean declared {@code @ConditionalOnMissingBean}
     * (the LLM settings resolver) then yields to them, so a test can point the agent at a local stand-in.
     */
    public static int run(Console console, InputStream in, Map<String, Object> beans, String... args) {
        SpringApplication app = new SpringApplication(TuneApplication.class);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        app.setWebApplicationType(WebApplicationType.NONE);
        ExitStatus status = new ExitStatus();
        app.addInitializers(ctx -> {
            ctx.getBeanFactory().registerSingleton("console", console);
            ctx.getBeanFactory().registerSingleton("exitStatus", status);
            beans.forEach(ctx.getBeanFactory()::registerSingleton);
            if (in != null) {
                // Spring Shell always builds its own terminal; a customizer is how to give it other streams.
                ctx.getBeanFactory().registerSingleton("scriptedTerminal", (TerminalCustomizer) builder -> builder
                        .system(false).streams(in, console.out()).type(Terminal.TYPE_DUMB)
                        .encoding(StandardCharsets.UTF_8));
            }
        });
        app.setDefaultProperties(Map.of("spring.shell.interactive.enabled", String.valueOf(args.length == 0)));
        try (ConfigurableApplicationContext ctx = app.run(args)) {
            return status.code();
        } catch (RuntimeException e) {
            if (status.code() == ExitCodes.INTERRUPTED) {
                return status.code(); // Ctrl-C closed the context under the command; the study is already safe
            }
            return Errors.report(e, console.err());
        }
    }
}
