package dev.tuneagent.shell.commands;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tuneagent.agent.loop.UserQueue;
import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.store.StorageLocation;
import dev.tuneagent.core.store.StudyStore;
import dev.tuneagent.core.store.StudyStores;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.task.QueuedConfigs;
import dev.tuneagent.shell.Console;
import dev.tuneagent.core.store.StudyNotFoundException;
import dev.tuneagent.shell.format.TrialJson;
import dev.tuneagent.shell.format.Values;
import java.time.Clock;
import java.util.Map;
import org.springframework.shell.standard.ShellCommandGroup;
import org.springframework.shell.standard.ShellComponent;
import org.springframework.shell.standard.ShellMethod;
import org.springframework.shell.standard.ShellOption;

/** {@code enqueue}: a configuration the study evaluates before asking its proposer for anything new. */
@ShellComponent
@ShellCommandGroup("Run studies")
public class EnqueueCommand {
    private static final String PARAMS = "--params";
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final Console console;
    private final Clock clock;

    public EnqueueCommand(Console console, Clock clock) {
        this.console = console;
        this.clock = clock;
    }

    @ShellMethod(key = "enqueue", value = "Queue a configuration (--params JSON, every parameter) to run next in a study.")
    public void enqueue(@ShellOption(value = "--study", help = "the study name") String study,
                        @ShellOption(value = PARAMS, help = "the configuration as a JSON object, e.g. '{\"c\": 1.0}'") String params,
                        @ShellOption(defaultValue = ShellOption.NULL, help = StorageHelp.TEXT) String storage,
                        @ShellOption(defaultValue = "false", help = "print JSON for scripts") boolean json) {
        Map<String, Object> raw = QueuedConfigs.config(parse(params), PARAMS);
        try (StudyStore store = StudyStores.open(StorageLocation.parse(storage))) {
            if (store.findStudy(study).isEmpty()) {
                throw new StudyNotFoundException(study, store.location());
            }
            Trial t = UserQueue.enqueue(store, study, raw, PARAMS, clock.instant());
            if (json) {
                ObjectNode n = JSON.createObjectNode();
                n.put("number", t.number());
                n.put("state", t.state().name());
                n.set("params", JSON.valueToTree(t.params()));
                console.out().println(TrialJson.write(n));
            } else {
                console.out().println("Enqueued trial #" + t.number() + " of study " + study + " (WAITING): "
                        + Values.params(t.params()));
                console.out().println("It runs before any new proposal: in the study's running `tune run`, or with "
                        + "`tune resume " + study + (storage == null ? "" : " --storage " + storage) + "`.");
            }
            console.out().flush();
        }
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ConfigException(PARAMS, "missing; give every parameter as a JSON object, e.g. --params "
                    + "'{\"c\": 1.0, \"kernel\": \"rbf\"}'");
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw ConfigException.of(PARAMS, text, "a JSON object such as '{\"c\": 1.0, \"kernel\": \"rbf\"}'");
            }
            return node;
        } catch (JsonProcessingException e) {
            String why = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
            int source = why.indexOf(" (start marker at [Source"); // Jackson's source location says nothing here
            source = source >= 0 ? source : why.indexOf(" at [Source");
            why = source >= 0 ? why.substring(0, source) : why;
            throw new ConfigException(PARAMS, "not valid JSON (" + why + "); expected an object such as "
                    + "'{\"c\": 1.0, \"kernel\": \"rbf\"}'");
        }
    }
}
