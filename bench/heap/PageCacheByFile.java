import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code perf script -F time,trace} of {@code filemap:mm_filemap_add_to_page_cache} on stdin
 * and prints, per phase of {@code bench/heap/Phases.java} (its {@code -Dphases.log} file), the MB
 * each file brought into the page cache and how many distinct MB that was: a factor above 1 is
 * pages read, evicted and read again. Spill files are unlinked, so they are named by inode and by
 * the highest offset seen (about the array's size). Pages of a spill file's holes count here but
 * are not disk reads. Usage: see bench/heap/phase-io.sh.
 */
public class PageCacheByFile {
    record Phase(double start, String name) {
    }

    static final class PerFile {
        long bytes;
        long maxEnd;
        final java.util.BitSet pages = new java.util.BitSet();
    }

    public static void main(String[] args) throws Exception {
        List<Phase> phases = new ArrayList<>();
        phases.add(new Phase(0, "before"));
        for (String l : Files.readAllLines(Path.of(args[0]))) {
            String[] p = l.split(" ", 2);
            phases.add(new Phase(Long.parseLong(p[0]) / 1e9, p[1].replaceAll("_\\(on_disk.*", " (spilled)").replace('_', ' ')));
        }
        long dumpInode = Long.parseLong(args[1]);
        List<Map<Long, PerFile>> byPhase = new ArrayList<>();
        phases.forEach(p -> byPhase.add(new HashMap<>()));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        for (String line; (line = in.readLine()) != null; ) {
            int ino = line.indexOf(" ino ");
            int ofs = line.indexOf("ofs=");
            int order = line.indexOf("order=");
            if (ino < 0 || ofs < 0 || order < 0) {
                continue;
            }
            double t = Double.parseDouble(line.substring(0, line.indexOf(':')).trim());
            long inode = Long.parseLong(line.substring(ino + 5, line.indexOf(' ', ino + 5)), 16);
            long offset = Long.parseLong(line.substring(ofs + 4, line.indexOf(' ', ofs)));
            int folio = Integer.parseInt(line.substring(order + 6).trim());
            int ph = 0;
            while (ph + 1 < phases.size() && t >= phases.get(ph + 1).start()) {
                ph++;
            }
            PerFile f = byPhase.get(ph).computeIfAbsent(inode, k -> new PerFile());
            long bytes = 4096L << folio;
            f.bytes += bytes;
            f.maxEnd = Math.max(f.maxEnd, offset + bytes);
            f.pages.set((int) (offset >>> 12), (int) ((offset + bytes) >>> 12));
        }
        for (int ph = 0; ph < phases.size(); ph++) {
            Map<Long, PerFile> files = byPhase.get(ph);
            long total = files.values().stream().mapToLong(f -> f.bytes).sum();
            if (total < 1 << 20) {
                continue;
            }
            System.out.printf("%-40s %7d MB into the page cache%n", phases.get(ph).name(), total >> 20);
            files.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().bytes, a.getValue().bytes)).limit(8)
                    .filter(e -> e.getValue().bytes >= 8 << 20).forEach(e -> {
                        PerFile f = e.getValue();
                        long distinct = (long) f.pages.cardinality() << 12;
                        String name = e.getKey() == dumpInode ? "the dump" : "inode " + e.getKey() + " (~" + (f.maxEnd >> 20) + " MB)";
                        System.out.printf("    %-32s %7d MB, %6d MB distinct, x%.1f%n", name, f.bytes >> 20, distinct >> 20,
                                f.bytes / (double) Math.max(1, distinct));
                    });
        }
    }
}
