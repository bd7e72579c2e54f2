package dev.inquest.cli;

import dev.inquest.format.Units;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.query.ClassLoaders;
import dev.inquest.progress.Progress;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code inquest heap loaders DUMP [--top N] [--json]}: class loaders and duplicated classes. */
@Command(name = "loaders", mixinStandardHelpOptions = true,
        description = "Class loaders with their classes and instances, and classes defined by several loaders (a class loader leak).")
public final class HeapLoadersCommand extends HeapVerb implements Callable<Integer> {

    @CommandLine.Mixin
    TopOption top;

    @Override
    public Integer call() throws Exception {
        try (HeapDump d = open()) {
            ClassLoaders.Result r = ClassLoaders.compute(d, Progress.NONE);
            List<ClassLoaders.Loader> loaders = top.of(r.loaders());
            List<ClassLoaders.DuplicatedClass> dups = top.of(r.duplicatedClasses());
            if (json()) {
                printJson(d, new ClassLoaders.Result(loaders, dups));
                return 0;
            }
            List<List<String>> t = new ArrayList<>();
            for (ClassLoaders.Loader l : loaders) {
                t.add(List.of(l.className(), hex(l.address()), Units.count(l.classes()), Units.count(l.instances()),
                        Units.bytes(l.retained())));
            }
            table(List.of("Loader", "Address", "Classes", "Instances", "Retained"), t, new boolean[] {false, true, true, true, true});
            PrintWriter o = out();
            o.println();
            if (dups.isEmpty()) {
                o.println("No class is defined by more than one loader.");
            } else {
                List<List<String>> dt = new ArrayList<>();
                for (ClassLoaders.DuplicatedClass c : dups) {
                    dt.add(List.of(c.name(), Units.count(c.loaders()), Units.count(c.instances())));
                }
                table(List.of("Class defined by several loaders", "Loaders", "Instances"), dt, new boolean[] {false, true, true});
            }
            o.flush();
            return 0;
        }
    }
}
