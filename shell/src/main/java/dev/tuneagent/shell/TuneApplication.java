package dev.tuneagent.shell;

import java.util.Map;
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
        SpringApplication app = new SpringApplication(TuneApplication.class);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        app.setWebApplicationType(WebApplicationType.NONE);
        ExitStatus status = new ExitStatus();
        app.addInitializers(ctx -> {
            ctx.getBeanFactory().registerSingleton("console", console);
            ctx.getBeanFactory().registerSingleton("exitStatus", status);
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
