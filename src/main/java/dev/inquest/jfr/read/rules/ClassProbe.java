package dev.inquest.jfr.read.rules;

import dev.inquest.jfr.read.FrameNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedClassLoader;
import jdk.jfr.consumer.RecordedEvent;

/**
 * Classes loaded and unloaded over time (jdk.ClassLoadingStatistics), and, where the recording has
 * jdk.ClassDefine or jdk.ClassLoad, how many loaders defined each class name.
 */
final class ClassProbe implements Probe<ClassProbe> {
    static final Kind<ClassProbe> KIND = new Kind<>("classes", Set.of("jdk.ClassLoadingStatistics",
            "jdk.ClassDefine", "jdk.ClassLoad"), ClassProbe::new);

    /** A jdk.ClassLoadingStatistics sample. */
    record Loaded(Instant time, long loaded, long unloaded) {
        long live() {
            return loaded - unloaded;
        }
    }

    final List<Loaded> samples = new ArrayList<>();
    /** Class name -> distinct defining loaders (by the loader's id within the recording). */
    final Map<String, Set<Long>> loadersByName = new HashMap<>();
    long definitions;
    private final IdentityHashMap<RecordedClass, Boolean> seen = new IdentityHashMap<>();

    @Override
    public void subscribe(EventStream s, Runnable tick) {
        s.onEvent("jdk.ClassLoadingStatistics", e -> {
            tick.run();
            samples.add(new Loaded(e.getStartTime(), e.getLong("loadedClassCount"), e.getLong("unloadedClassCount")));
        });
        s.onEvent("jdk.ClassDefine", e -> {
            tick.run();
            define(e, "definedClass");
        });
        s.onEvent("jdk.ClassLoad", e -> {
            tick.run();
            define(e, "loadedClass");
        });
    }

    private void define(RecordedEvent e, String field) {
        RecordedClass c = e.getClass(field);
        // Both events may name the same class: count it once.
        if (c == null || seen.put(c, Boolean.TRUE) != null) {
            return;
        }
        RecordedClassLoader l = c.getClassLoader();
        definitions++;
        loadersByName.computeIfAbsent(FrameNames.className(c.getName()), k -> new java.util.HashSet<>())
                .add(l == null ? 0L : l.getId());
    }

    @Override
    public void merge(ClassProbe o) {
        samples.addAll(o.samples);
        o.loadersByName.forEach((k, v) -> loadersByName.computeIfAbsent(k, x -> new java.util.HashSet<>()).addAll(v));
        definitions += o.definitions;
    }

    @Override
    public void finish() {
        // A total order: samples at the same instant must not keep the order the groups merged in.
        samples.sort(Comparator.comparing(Loaded::time).thenComparingLong(Loaded::loaded)
                .thenComparingLong(Loaded::unloaded));
    }
}
