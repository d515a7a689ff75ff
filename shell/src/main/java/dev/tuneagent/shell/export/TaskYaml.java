package dev.tuneagent.shell.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.study.StudyDefinition;

/**
 * A study's task as a task file that {@code tune run} accepts: the canonical task the study stored at
 * creation (absolute paths, every default filled in), written as YAML.
 */
public final class TaskYaml {
    private static final ObjectMapper JSON = new ObjectMapper();
    // Strings that would read back as numbers or booleans ("1", "yes") stay quoted; the rest are bare.
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());

    private TaskYaml() {
    }

    public static String write(StudyDefinition d, String location) {
        if (d.taskJson() == null || d.taskJson().equals("{}")) {
            throw new ConfigException("--format", "study \"" + d.name() + "\" was not created from a task file, so it"
                    + " has no task to export as yaml; use --format csv or json for its trials");
        }
        try {
            JsonNode task = JSON.readTree(d.taskJson());
            return "# The task of study " + d.name() + " (" + location + "), exported by `tune export --format yaml`.\n"
                    + "# Run it again as a new study: tune run THIS_FILE --name NEW_NAME\n"
                    + YAML.writeValueAsString(task);
        } catch (JsonProcessingException e) {
            throw new ConfigException("--format", "the task stored with study \"" + d.name() + "\" is not valid JSON: "
                    + e.getOriginalMessage());
        }
    }
}
