package org.abierto;

/**
 * Told how a build advances, so a terminal can show it during long builds. Called from several
 * threads at once; must be quick.
 */
@FunctionalInterface
public interface Progress {
    /** No one listens. */
    Progress NONE = (stage, done, total) -> { };

    /**
     * @param stage what is being done ("rendering")
     * @param done  how many items are done
     * @param total how many there are
     */
    void update(String stage, int done, int total);
}
