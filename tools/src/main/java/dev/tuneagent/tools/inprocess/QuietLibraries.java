package dev.tuneagent.tools.inprocess;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tribuo logs every SGD epoch at INFO and LibSVM prints its optimizer trace to stdout; in a shell that
 * shows one progress line per trial both are noise (and stdout may be a script's JSON). Both settings
 * are JVM-wide by the libraries' design; warnings and errors still get through.
 */
final class QuietLibraries {
    // JUL holds loggers weakly: keep a strong reference or the level is lost at the next GC.
    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");
    // It warns that epsilon-SVR ignores the cost C, which is not true (C is the SVR's penalty too).
    private static final Logger SVM_PARAMETERS = Logger.getLogger("org.tribuo.common.libsvm.SVMParameters");

    private QuietLibraries() {
    }

    static void apply() {
        TRIBUO.setLevel(Level.WARNING);
        SVM_PARAMETERS.setLevel(Level.SEVERE);
        libsvm.svm.svm_set_print_string_function(s -> { });
    }
}
