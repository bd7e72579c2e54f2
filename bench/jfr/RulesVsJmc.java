import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JMC comparison of {@code inquest jfr rules} (benchmark-style: JMC is the peer, never a
 * dependency of the product). Two modes, each run on its own class path by rules-vs-jmc.sh:
 *
 * <pre>
 *   jmc REC                 (JMC's jars)       JMC's rules over REC: "id TAB severity TAB score TAB summary" per rule,
 *                                              then "#elapsedMillis N" (load + evaluation)
 *   compare NAME JMC.tsv INQUEST.json MS_JMC MS_INQUEST   (inquest.jar)   one Markdown table per recording
 * </pre>
 */
public class RulesVsJmc {
    /** Our rule and the JMC rule that judges the same thing (several of ours may map to one of JMC's). */
    static final Map<String, List<String>> PEERS = new LinkedHashMap<>();

    static {
        PEERS.put("LIVE_SET_GROWTH", List.of("IncreasingLiveSet"));
        PEERS.put("GC_PAUSE_RATIO", List.of("GcPauseRatio"));
        PEERS.put("LONG_GC_PAUSES", List.of("LongGcPause"));
        PEERS.put("FULL_GC", List.of("FullGc"));
        PEERS.put("SYSTEM_GC", List.of("SystemGc"));
        PEERS.put("ALLOCATION_STALLS", List.of("GcStall"));
        PEERS.put("ALLOCATION_PRESSURE", List.of("Allocations.class", "Allocations.thread", "HighGc"));
        PEERS.put("TLAB_RATIO", List.of("TlabAllocationRatio"));
        PEERS.put("METASPACE_GROWTH", List.of("IncreasingMetaSpaceLiveSet", "MetaspaceOom"));
        PEERS.put("CLASS_LOADING", List.of("ClassLeak", "ClassLoading"));
        PEERS.put("CODE_CACHE", List.of("CodeCache"));
        PEERS.put("FINALIZERS", List.of("FinalizersRun"));
        PEERS.put("STRING_DEDUPLICATION", List.of("StringDeduplication"));
        PEERS.put("PHYSICAL_MEMORY", List.of("LowOnPhysicalMemory"));
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "jmc" -> jmc(Path.of(args[1]));
            case "compare" -> compare(args[1], Path.of(args[2]), Path.of(args[3]), args[4], args[5]);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** Runs with JMC's jars only; reflection keeps this file compilable without them. */
    static void jmc(Path rec) throws Exception {
        long t0 = System.nanoTime();
        Class<?> loader = Class.forName("org.openjdk.jmc.flightrecorder.JfrLoaderToolkit");
        Object items = loader.getMethod("loadEvents", java.io.File.class).invoke(null, rec.toFile());
        Class<?> registry = Class.forName("org.openjdk.jmc.flightrecorder.rules.RuleRegistry");
        java.util.Collection<?> rules = (java.util.Collection<?>) registry.getMethod("getRules").invoke(null);
        Class<?> toolkit = Class.forName("org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit");
        Class<?> prefs = Class.forName("org.openjdk.jmc.common.util.IPreferenceValueProvider");
        Object defaults = prefs.getField("DEFAULT_VALUES").get(null);
        Class<?> itemCollection = Class.forName("org.openjdk.jmc.common.item.IItemCollection");
        Map<?, ?> futures = (Map<?, ?>) toolkit.getMethod("evaluateParallel", java.util.Collection.class, itemCollection,
                prefs, int.class).invoke(null, rules, items, defaults, Runtime.getRuntime().availableProcessors());
        Object scoreKey = Class.forName("org.openjdk.jmc.flightrecorder.rules.TypedResult").getField("SCORE").get(null);
        StringBuilder out = new StringBuilder();
        for (Map.Entry<?, ?> e : futures.entrySet()) {
            String id = (String) e.getKey().getClass().getMethod("getId").invoke(e.getKey());
            Object result;
            try {
                result = ((java.util.concurrent.Future<?>) e.getValue()).get();
            } catch (java.util.concurrent.ExecutionException ex) {
                out.append(id).append("\tERROR\t\n");
                continue;
            }
            var getSeverity = result.getClass().getMethod("getSeverity");
            getSeverity.setAccessible(true);
            String severity = String.valueOf(getSeverity.invoke(result));
            String score = "";
            try {
                var getResult = result.getClass().getMethod("getResult", scoreKey.getClass());
                getResult.setAccessible(true);
                Object q = getResult.invoke(result, scoreKey);
                if (q != null) {
                    score = String.format(Locale.ROOT, "%.1f",
                            ((Number) q.getClass().getMethod("doubleValue").invoke(q)).doubleValue());
                }
            } catch (ReflectiveOperationException ignored) {
                // A result without a score: its severity says it.
            }
            var getSummary = result.getClass().getMethod("getSummary");
            getSummary.setAccessible(true);
            String summary = String.valueOf(getSummary.invoke(result)).replaceAll("\\s+", " ");
            out.append(id).append('\t').append(severity).append('\t').append(score).append('\t').append(summary).append('\n');
        }
        out.append("#elapsedMillis\t").append((System.nanoTime() - t0) / 1_000_000).append('\n');
        System.out.print(out);
    }

    /** Runs with inquest.jar on the class path (for Jackson). */
    static void compare(String name, Path jmcTsv, Path inquestJson, String msJmc, String msInquest) throws IOException {
        Map<String, String[]> jmc = new LinkedHashMap<>();
        for (String line : Files.readAllLines(jmcTsv)) {
            String[] f = line.split("\t", -1);
            if (f.length >= 2) {
                jmc.put(f[0], f);
            }
        }
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var root = mapper.readTree(inquestJson.toFile());
        StringBuilder sb = new StringBuilder();
        sb.append("\n### ").append(name).append(String.format(Locale.ROOT,
                " (JMC %s ms, Inquest %s ms, each a whole process: load and every rule)%n%n", msJmc, msInquest));
        sb.append("| Inquest rule | Inquest | JMC rule | JMC | Same |\n|---|---|---|---|---|\n");
        List<String> rows = new ArrayList<>();
        for (var r : root.get("results")) {
            String id = r.get("rule").asText();
            String ours = verdict(r.get("verdict").asText()) + (r.get("score").isNull() ? "" : " " + r.get("score").asText());
            for (String peer : PEERS.getOrDefault(id, List.of())) {
                String[] j = jmc.get(peer);
                String theirs = j == null ? "(no such rule)" : verdict(j[1]) + (j.length > 2 && !j[2].isEmpty() ? " " + j[2] : "");
                boolean same = j != null && verdict(j[1]).equals(verdict(r.get("verdict").asText()));
                rows.add("| " + id + " | " + ours + " | " + peer + " | " + theirs + " | " + (same ? "same" : "**different**") + " |");
            }
        }
        rows.forEach(row -> sb.append(row).append('\n'));
        System.out.print(sb);
    }

    /** Both sides' verdicts in one vocabulary. */
    static String verdict(String v) {
        return switch (v) {
            case "NOT_APPLICABLE", "NA", "IGNORE" -> "N/A";
            case "OK" -> "OK";
            case "INFO" -> "INFO";
            case "WARNING" -> "WARNING";
            default -> v;
        };
    }
}
