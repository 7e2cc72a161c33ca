package org.abierto.bench;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import org.abierto.check.SafelistFilter;
import org.abierto.diagnostic.Diagnostics;
import org.abierto.load.ContentLoader;
import org.abierto.load.SourceFile;
import org.abierto.parse.Markdown;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * CPU time of the Markdown part of the parse stage, per page, over every page body of a corpus,
 * warm: the thread's own CPU time ({@link ThreadMXBean#getCurrentThreadCpuTime}), which other
 * processes on a shared machine disturb far less than the wall time JMH reports.
 *
 * <pre>
 * java -cp generator/bench/target/classes:generator/cli/target/abierto.jar org.abierto.bench.MarkdownCpu \
 *     --content CORPUS [--passes 8] [--limit PAGES] [--minimal]     # from the repository root (its templates/)
 * </pre>
 *
 * {@code --minimal} runs Flexmark with no extension and no option instead ({@code Parser.builder().build()}):
 * the floor under Abierto's Markdown. Prints the CPU milliseconds per page of each pass and the
 * median of the second half of the passes (the first half warms the JIT up).
 */
public final class MarkdownCpu {
    private MarkdownCpu() {
    }

    public static void main(String[] args) {
        Path content = null;
        int passes = 8;
        int limit = Integer.MAX_VALUE;
        boolean minimal = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--content" -> content = Path.of(args[++i]);
                case "--passes" -> passes = Integer.parseInt(args[++i]);
                case "--minimal" -> minimal = true;
                case "--limit" -> limit = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (content == null) {
            throw new IllegalArgumentException("usage: MarkdownCpu --content DIR [--passes N] [--limit PAGES] [--minimal]");
        }
        var sources = new ContentLoader().load(content, Path.of("templates"), new Diagnostics()).orElseThrow();
        List<SourceFile> pages = sources.pageFiles().stream().limit(limit).toList();
        List<String> bodies = new ArrayList<>();
        for (SourceFile page : pages) {
            String text = page.text();
            int end = text.indexOf("\n---\n", 3);
            bodies.add(end < 0 ? text : text.substring(end + "\n---\n".length()));
        }
        var markdown = new Markdown(new SafelistFilter());
        Parser parser = Parser.builder().build();
        HtmlRenderer renderer = HtmlRenderer.builder().build();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] perPage = new double[passes];
        long sink = 0;
        for (int pass = 0; pass < passes; pass++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < bodies.size(); i++) {
                if (minimal) {
                    sink += renderer.render(parser.parse(bodies.get(i))).length();
                } else {
                    sink += markdown.convert(pages.get(i).path(), bodies.get(i), 0, new Diagnostics()).parts().size();
                }
            }
            perPage[pass] = (threads.getCurrentThreadCpuTime() - start) / 1e6 / bodies.size();
            System.out.printf("pass %d: %.3f CPU-ms per page%n", pass + 1, perPage[pass]);
        }
        double[] warm = Arrays.copyOfRange(perPage, passes / 2, passes);
        Arrays.sort(warm);
        double median = warm.length % 2 == 1 ? warm[warm.length / 2] : (warm[warm.length / 2 - 1] + warm[warm.length / 2]) / 2;
        System.out.printf("%s, %d pages: median of passes %d-%d: %.3f CPU-ms per page (%d)%n",
                minimal ? "Flexmark, Parser.builder().build()" : "Abierto's Markdown", bodies.size(),
                passes / 2 + 1, passes, median, sink % 10);
    }
}
