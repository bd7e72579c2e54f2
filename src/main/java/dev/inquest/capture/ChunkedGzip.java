package dev.inquest.capture;

import dev.inquest.progress.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Compresses a heap dump as {@code jcmd GC.heap_dump -gz} does: one gzip member per 1 MiB block,
 * the first one's header comment saying {@code HPROF BLOCKSIZE=1048576}, so a reader (ours, MAT's,
 * VisualVM's) can reach any block without inflating the ones before it. Needed because the JVM's
 * heap dump MBean, the one way to ask for a dump over JMX, cannot compress.
 */
final class ChunkedGzip {
    static final int BLOCK = 1 << 20;
    private static final byte[] COMMENT = ("HPROF BLOCKSIZE=" + BLOCK + "\0").getBytes(StandardCharsets.ISO_8859_1);

    private ChunkedGzip() {
    }

    /** Writes {@code in} compressed to {@code out}, reporting the bytes read and honouring cancellation. */
    static void compress(Path in, Path out, Progress progress) throws IOException {
        byte[] block = new byte[BLOCK];
        byte[] buf = new byte[BLOCK + BLOCK / 8 + 1024];
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        CRC32 crc = new CRC32();
        try (InputStream is = Files.newInputStream(in); OutputStream os = Files.newOutputStream(out)) {
            long done = 0;
            boolean first = true;
            while (true) {
                int n = is.readNBytes(block, 0, BLOCK);
                if (n == 0 && !first) {
                    break;
                }
                progress.checkCancelled();
                os.write(new byte[] {0x1f, (byte) 0x8b, 8, (byte) (first ? 0x10 : 0), 0, 0, 0, 0, 0, 3});
                if (first) {
                    os.write(COMMENT);
                }
                deflater.reset();
                deflater.setInput(block, 0, n);
                deflater.finish();
                while (!deflater.finished()) {
                    int len = deflater.deflate(buf);
                    os.write(buf, 0, len);
                }
                crc.reset();
                crc.update(block, 0, n);
                writeInt(os, (int) crc.getValue());
                writeInt(os, n);
                done += n;
                progress.progress(done);
                first = false;
                if (n < BLOCK) {
                    break;
                }
            }
        } finally {
            deflater.end();
        }
    }

    private static void writeInt(OutputStream os, int v) throws IOException {
        os.write(v);
        os.write(v >>> 8);
        os.write(v >>> 16);
        os.write(v >>> 24);
    }
}
