package dev.tuneagent.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tuneagent.core.task.TaskFileParser;
import dev.tuneagent.core.task.TaskSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentTasksTest {
    @TempDir
    Path folder;

    @Test
    void theYamlIsCompactAndParsesBackToTheSameTask() throws Exception {
        Files.writeString(folder.resolve("my data.csv"),
                "a,yes,label\n1,2,x\n2,3,y\n3,1,x\n4,4,y\n5,2,x\n6,3,y\n7,1,x\n8,4,y\n");
        AgentFixture f = new AgentFixture(folder);
        TaskSpec spec = f.tasks.parse(new ObjectMapper().readTree("{\"name\": \"t.1\", \"objective\": {\"metric\": "
                + "\"accuracy\", \"direction\": \"maximize\"}, \"job\": {\"type\": \"inprocess\", \"dataset\": "
                + "\"my data.csv\", \"model\": \"knn\", \"folds\": 2, \"target\": \"label\"}, \"space\": {\"k\": "
                + "{\"type\": \"int\", \"low\": 1, \"high\": 3}, \"distance\": {\"type\": \"categorical\", \"choices\": "
                + "[\"l2\", \"cosine\"]}}, \"budget\": {\"trials\": 7}, \"description\": \"yes: a 'quoted' #text\"}"));
        String yaml = f.tasks.yaml(spec);
        assertThat(yaml).startsWith("name: t.1\nobjective: {metric: accuracy, direction: maximize}\n"
                + "job: {type: inprocess, dataset: \"my data.csv\", model: knn, folds: 2, target: label}\nspace:\n"
                + "  k: {type: int, low: 1, high: 3}\n  distance: {type: categorical, choices: [l2, cosine]}\n"
                + "budget: {trials: 7}\n");
        Files.writeString(folder.resolve("t.yaml"), yaml);
        TaskSpec back = new TaskFileParser().parse(folder.resolve("t.yaml"));
        assertThat(back).usingRecursiveComparison().isEqualTo(spec);
    }
}
