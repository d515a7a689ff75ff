package dev.tuneagent.shell;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module arrows of DESIGN.md: core <- surrogate, prompts, tools <- agent <- shell, evals. */
class ArchitectureTest {
    private static final String CORE = "dev.tuneagent.core..";
    private static final String SURROGATE = "dev.tuneagent.surrogate..";
    private static final String PROMPTS = "dev.tuneagent.prompts..";
    private static final String TOOLS = "dev.tuneagent.tools..";
    private static final String AGENT = "dev.tuneagent.agent..";
    private static final String SHELL = "dev.tuneagent.shell..";
    private static final String EVALS = "dev.tuneagent.evals..";

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        // The agent's test jar (the scripted stand-in, fixtures) is on this module's test class path: not production.
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.tuneagent");
    }

    @Test
    void everyModuleIsImportedSoTheRulesCanFail() {
        for (String module : new String[] {"core", "surrogate", "prompts", "tools", "agent", "shell", "evals"}) {
            org.assertj.core.api.Assertions.assertThat(classes.stream()
                    .anyMatch(c -> c.getPackageName().startsWith("dev.tuneagent." + module))).as(module).isTrue();
        }
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }

    @Test
    void coreDependsOnNoOtherModule() {
        check(noClasses().that().resideInAPackage(CORE).should().dependOnClassesThat()
                .resideInAnyPackage(SURROGATE, PROMPTS, TOOLS, AGENT, SHELL, EVALS));
    }

    @Test
    void surrogatePromptsAndToolsDependOnlyOnCore() {
        check(noClasses().that().resideInAPackage(SURROGATE).should().dependOnClassesThat()
                .resideInAnyPackage(PROMPTS, TOOLS, AGENT, SHELL, EVALS));
        check(noClasses().that().resideInAPackage(PROMPTS).should().dependOnClassesThat()
                .resideInAnyPackage(SURROGATE, TOOLS, AGENT, SHELL, EVALS));
        check(noClasses().that().resideInAPackage(TOOLS).should().dependOnClassesThat()
                .resideInAnyPackage(SURROGATE, PROMPTS, AGENT, SHELL, EVALS));
    }

    @Test
    void agentDependsOnNeitherShellNorEvals() {
        check(noClasses().that().resideInAPackage(AGENT).should().dependOnClassesThat().resideInAnyPackage(SHELL, EVALS));
    }

    /** Inside agent: llm <- llambo <- proposers <- loop; conversation beside loop (uses llm, loop and task). */
    @Test
    void agentPackagesLayerLikeTheModules() {
        String llm = "dev.tuneagent.agent.llm..";
        String llambo = "dev.tuneagent.agent.llambo..";
        String proposers = "dev.tuneagent.agent.proposers..";
        String loop = "dev.tuneagent.agent.loop..";
        String conversation = "dev.tuneagent.agent.conversation..";
        check(noClasses().that().resideInAPackage(llm).should().dependOnClassesThat()
                .resideInAnyPackage(llambo, proposers, loop, conversation));
        check(noClasses().that().resideInAPackage(llambo).should().dependOnClassesThat()
                .resideInAnyPackage(proposers, loop, conversation));
        check(noClasses().that().resideInAPackage(proposers).should().dependOnClassesThat()
                .resideInAnyPackage(loop, conversation));
        check(noClasses().that().resideInAPackage(loop).should().dependOnClassesThat().resideInAPackage(conversation));
        check(noClasses().that().resideInAPackage(conversation).should().dependOnClassesThat()
                .resideInAnyPackage(llambo, proposers));
    }

    @Test
    void evalsDoesNotDependOnShell() {
        check(noClasses().that().resideInAPackage(EVALS).should().dependOnClassesThat().resideInAPackage(SHELL));
    }

    @Test
    void springLivesOnlyInShell() {
        check(noClasses().that().resideInAPackage("dev.tuneagent..").and().resideOutsideOfPackage(SHELL)
                .should().dependOnClassesThat().resideInAPackage("org.springframework.."));
    }

    @Test
    void langChain4jLivesOnlyInAgent() {
        check(noClasses().that().resideInAPackage("dev.tuneagent..").and().resideOutsideOfPackage(AGENT)
                .should().dependOnClassesThat().resideInAPackage("dev.langchain4j.."));
    }
}
