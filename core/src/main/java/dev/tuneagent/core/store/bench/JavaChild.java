package dev.tuneagent.core.store.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The command line that starts another class of this application in a fresh JVM. From a plain class path (tests,
 * an IDE) that is {@code java -cp CP MAIN}; from {@code tune.jar}, a Spring Boot jar whose classes sit in
 * {@code BOOT-INF/}, it is Boot's {@code PropertiesLauncher} with {@code -Dloader.main=MAIN}, which starts the class
 * without starting the whole Spring application.
 */
final class JavaChild {
    /** Small heaps and the serial collector: several of these JVMs share the machine with the one timing them. */
    static final List<String> JVM_FLAGS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private JavaChild() {
    }

    static List<String> command(String mainClass, List<String> args) {
        return command(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                System.getProperty("java.class.path"), mainClass, args);
    }

    static List<String> command(String java, String classPath, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(JVM_FLAGS);
        String bootLauncher = bootLauncher(classPath);
        if (bootLauncher != null) {
            cmd.addAll(List.of("-cp", classPath, "-Dloader.main=" + mainClass, bootLauncher));
        } else {
            cmd.addAll(List.of("-cp", classPath, mainClass));
        }
        cmd.addAll(args);
        return cmd;
    }

    /** The PropertiesLauncher of a single Spring Boot jar on the class path, else null. */
    static String bootLauncher(String classPath) {
        if (classPath == null || classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")
                || !Files.isRegularFile(Path.of(classPath))) {
            return null;
        }
        try (JarFile jar = new JarFile(classPath)) {
            Manifest m = jar.getManifest();
            String main = m == null ? null : m.getMainAttributes().getValue("Main-Class");
            if (m == null || m.getMainAttributes().getValue("Start-Class") == null || main == null
                    || !main.endsWith(".JarLauncher")) {
                return null;
            }
            return main.substring(0, main.length() - "JarLauncher".length()) + "PropertiesLauncher";
        } catch (IOException e) {
            return null;
        }
    }
}
