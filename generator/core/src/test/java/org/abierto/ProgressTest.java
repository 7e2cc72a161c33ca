package org.abierto;

import org.abierto.testing.MiniSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressTest {
    @Test
    void aBuildReportsEachStageAndCountsEveryPage(@TempDir Path dir) {
        var site = MiniSite.create(dir);
        List<String> updates = new CopyOnWriteArrayList<>();
        BuildResult result = new Abierto().build(site.request(), (stage, done, total) -> updates.add(stage + " " + done + "/" + total));
        assertTrue(result.succeeded());
        assertEquals("reading 0/1", updates.get(0));
        assertTrue(updates.contains("building pages 5/5"), updates.toString());
        assertEquals(5, updates.stream().filter(u -> u.startsWith("building pages ")).count());
        assertTrue(updates.get(updates.size() - 1).startsWith("writing "), updates.toString());
    }
}
