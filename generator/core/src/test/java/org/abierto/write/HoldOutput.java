package org.abierto.write;

import org.abierto.model.OutputFile;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Another build, in another process, for {@link OutputLockTest}: takes the output folder given,
 * writes a page into its new output, prints "holding", and then commits when it reads "commit" (or
 * throws its work away at the end of input), unless it is killed first.
 */
public final class HoldOutput {
    private HoldOutput() {
    }

    public static void main(String[] args) throws Exception {
        try (SiteWriter.Staging staging = new SiteWriter().open(Path.of(args[0]), false)) {
            staging.add(new OutputFile.Generated("index.html", "<p>otro proceso".getBytes(StandardCharsets.UTF_8)));
            System.out.println("holding");
            System.out.flush();
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if ("commit".equals(line)) {
                staging.commit();
            }
        }
    }

    /** Starts it with this JVM and class path. */
    static Process start(Path out) throws java.io.IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), HoldOutput.class.getName(), out.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
