package org.abierto.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * The exclusive right to replace one output folder: an operating-system lock on a file beside it
 * ({@code .NAME.abierto-lock}), which holds the holder's process id. The system releases the lock
 * when its process ends, however it ends, so a killed build never leaves a stale lock; the file
 * itself stays (removing it would let a waiting build lock a file nobody else sees).
 */
final class OutputLock implements AutoCloseable {
    private static final long POLL_MILLIS = 50;
    /**
     * Threads of this process queue here before the file: the system's lock belongs to the whole
     * process (a second tryLock in it throws instead of waiting), and closing any channel on the file
     * may release the lock another channel holds. So only the holder ever opens the lock file.
     */
    private static final Map<Path, Semaphore> IN_THIS_PROCESS = new ConcurrentHashMap<>();

    private final Semaphore turn;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(Semaphore turn, FileChannel channel, FileLock lock) {
        this.turn = turn;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock, waiting for another build to release it for at most {@code wait}.
     *
     * @param file       the lock file (made if missing); its folder must exist and be given by its real path
     * @param waitingFor told the holder's process id about every 50 ms while this waits
     * @throws Busy when another build still holds it after {@code wait}
     */
    static OutputLock take(Path file, Duration wait, LongConsumer waitingFor) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        Semaphore turn = IN_THIS_PROCESS.computeIfAbsent(file, f -> new Semaphore(1, true));
        long self = ProcessHandle.current().pid();
        try {
            while (!turn.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                giveUpAfter(deadline, self);
                waitingFor.accept(self);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy(self, "interrupted while waiting");
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            while ((lock = tryLock(channel)) == null) {
                long holder = holder(channel);
                giveUpAfter(deadline, holder);
                waitingFor.accept(holder);
                Thread.sleep(POLL_MILLIS);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((self + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            return new OutputLock(turn, channel, lock);
        } catch (IOException | RuntimeException e) {
            release(turn, channel);
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            release(turn, channel);
            throw new Busy(-1, "interrupted while waiting");
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held in this process through another path to the same file (a symbolic link)
        }
    }

    private static void giveUpAfter(long deadline, long holder) throws Busy {
        if (System.nanoTime() - deadline >= 0) {
            throw new Busy(holder, "");
        }
    }

    /** The process id the holder wrote, or -1 when it has not written it yet. */
    private static long holder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(24);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
        return text.matches("[0-9]{1,18}") ? Long.parseLong(text) : -1;
    }

    private static void release(Semaphore turn, FileChannel channel) throws IOException {
        try {
            if (channel != null) {
                channel.close(); // releases the lock with it
            }
        } finally {
            turn.release();
        }
    }

    /** Lets the next build in. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            release(turn, channel);
        }
    }

    /** Another build held the lock for longer than this one would wait. */
    static final class Busy extends IOException {
        private final long holder;

        Busy(long holder, String detail) {
            super(detail);
            this.holder = holder;
        }

        /** The holder's process id, or -1 when unknown. */
        long holder() {
            return holder;
        }
    }
}
