package app.kith;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmarks' Java sources (bench/src), which the bench scripts compile against the jar when they run, compile
 * against Kith's classes as they are now: a change to a class they use fails here, not at the next benchmark run.
 */
class BenchSourcesTest {
    @Test
    void theBenchmarksCompileAgainstKithAsItIs(@TempDir Path out) throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.list(Path.of("bench", "src"))) {
            sources = files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        }
        assertThat(sources).isNotEmpty();
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null)) {
            boolean compiled = compiler.getTask(null, files, diagnostics,
                    List.of("-nowarn", "-proc:none", "-classpath", System.getProperty("java.class.path"), "-d", out.toString()),
                    null, files.getJavaFileObjectsFromPaths(sources)).call();
            assertThat(compiled).as("bench/src compiles: %s", diagnostics.getDiagnostics()).isTrue();
        }
    }
}
