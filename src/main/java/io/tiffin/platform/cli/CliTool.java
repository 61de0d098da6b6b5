package io.tiffin.platform.cli;

/**
 * A command-line tool the jar runs instead of the server: {@code java -jar tiffin.jar <name> args...}.
 * Tools are found with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/io.tiffin.platform.cli.CliTool}.
 */
public interface CliTool {

    String name();

    /** @return the process exit code */
    int run(String[] args) throws Exception;
}
