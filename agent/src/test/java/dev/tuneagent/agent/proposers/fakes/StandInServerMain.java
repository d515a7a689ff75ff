package dev.tuneagent.agent.proposers.fakes;

import dev.tuneagent.agent.llm.standin.ScriptedProviderServer;

/**
 * Runs the scripted stand-in model as a local server until killed, for recording the demo cassettes
 * through the real CLI (see docs/llm-proposers.md). Prints the OpenAI base URL on its first line.
 */
public final class StandInServerMain {
    private StandInServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        try (ScriptedProviderServer server = ScriptedProviderServer.start(StandInStudies::reply)) {
            System.out.println(server.openAiBaseUrl());
            System.out.flush();
            Thread.currentThread().join();
        }
    }
}
