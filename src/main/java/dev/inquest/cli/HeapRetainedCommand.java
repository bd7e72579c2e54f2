package dev.inquest.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.inquest.format.Units;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.query.RetainedSet;
import dev.inquest.input.BadInputException;
import dev.inquest.progress.Progress;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code inquest heap retained DUMP --class NAME [--instanceof] | --objects 0xADDR,0xADDR... [--top N] [--json]}:
 * the retained set of a selection as MAT shows it (what would be freed if all of it were freed),
 * its size and its histogram by class. The engine computes it ({@link RetainedSet}); this writes it.
 */
@Command(name = "retained", mixinStandardHelpOptions = true,
        description = "What a selection keeps alive together (MAT's retained set): all instances of a class, or several "
                + "objects; the total and the retained objects per class.")
public final class HeapRetainedCommand extends HeapVerb implements Callable<Integer> {
    static final class Selection {
        @CommandLine.Option(names = "--class", paramLabel = "NAME", description = "Every reachable instance of this class (fully qualified name).")
        String className;

        @CommandLine.Option(names = "--objects", split = ",", paramLabel = "0xADDR", description = "Objects by address (hex with 0x, or decimal), comma-separated.")
        List<String> objects;
    }

    @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
    Selection selection;

    @CommandLine.Option(names = "--instanceof", description = "With --class: the instances of its subclasses too.")
    boolean instanceOf;

    @CommandLine.Mixin
    TopOption top;

    /** {@code heap retained --json}: the selection, its size, then the retained set by class as {@code heap inspect} lists it. */
    record Retained(String selection, @JsonProperty("class") String className, boolean instanceOf, long members,
            long retainedObjects, long retainedSize, List<InspectionJson.Count> retainedSet) {
    }

    @Override
    public Integer call() throws Exception {
        if (instanceOf && selection.className == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--instanceof goes with --class");
        }
        long[] addresses = selection.objects == null ? null : selection.objects.stream().mapToLong(this::objectAddress).toArray();
        try (HeapDump d = open()) {
            RetainedSet.Result r;
            if (addresses == null) {
                if (!RetainedSet.hasClass(d, selection.className)) {
                    throw new BadInputException(input.file(), "no class named " + selection.className + " in this dump", -1);
                }
                r = RetainedSet.forClass(d, selection.className, instanceOf, Progress.NONE);
            } else {
                long[] nodes = Arrays.stream(addresses).map(a -> node(d, a)).toArray();
                r = RetainedSet.forObjects(d, nodes.length == 1 ? "object " + hex(addresses[0])
                        : Units.count(nodes.length) + " objects", nodes, Progress.NONE);
            }
            if (json()) {
                printJson(d, new Retained(r.label(), selection.className, instanceOf, r.members(), r.objects(), r.shallow(),
                        r.histogram().stream().map(c -> new InspectionJson.Count(c.className(), c.count(), c.shallow())).toList()));
                return 0;
            }
            PrintWriter o = out();
            o.println(r.sentence());
            o.println();
            o.println("By class (" + Units.count(r.histogram().size()) + (r.histogram().size() == 1 ? " class" : " classes")
                    + (r.histogram().size() > top.get() ? ", the " + top.get() + " largest" : "") + "):");
            table(List.of("Class", "Objects", "Shallow"), top.of(r.histogram()).stream()
                    .map(c -> List.of(c.className(), Units.count(c.count()), Units.bytes(c.shallow()))).toList(),
                    new boolean[] {false, true, true});
            return 0;
        }
    }

    /** One {@code --objects} address; a usage error (exit 2) before any dump is opened. */
    private long objectAddress(String text) {
        String s = text.strip();
        try {
            return s.startsWith("0x") || s.startsWith("0X") ? Long.parseUnsignedLong(s.substring(2), 16) : Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--objects takes addresses such as 0x7f001234, not '" + text + "'");
        }
    }
}
