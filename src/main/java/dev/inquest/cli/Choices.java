package dev.inquest.cli;

import dev.inquest.heap.model.Grouping;
import dev.inquest.jfr.stack.AllocSource;
import dev.inquest.jfr.stack.EventKind;
import dev.inquest.jfr.stack.Weight;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/**
 * The values of the enum-like options, as types: what each option accepts is its enum, picocli
 * converts the text (case-insensitively) and lists the words in the help
 * ({@code ${COMPLETION-CANDIDATES}}), and a wrong word is a usage error (exit 2) naming the
 * accepted ones. Each constant maps to the engine's value; an option that takes only some of an
 * engine enum's values (dominators group by class or package, not loader) has its own enum.
 */
final class Choices {
    private Choices() {
    }

    /** An option value: the word the help shows, then older spellings still accepted. */
    interface Choice {
        List<String> words();
    }

    /** Text to a {@link Choice}, ignoring case; picocli makes one per option through each enum's {@code Converter}. */
    abstract static class Converter<E extends Enum<E> & Choice> implements CommandLine.ITypeConverter<E> {
        private final Class<E> type;

        Converter(Class<E> type) {
            this.type = type;
        }

        @Override
        public E convert(String text) {
            for (E e : type.getEnumConstants()) {
                for (String w : e.words()) {
                    if (w.equalsIgnoreCase(text)) {
                        return e;
                    }
                }
            }
            // Picocli's own wording for enum options (case export --format, demo --size).
            throw new CommandLine.TypeConversionException("expected one of "
                    + Arrays.stream(type.getEnumConstants()).map(Object::toString).toList()
                    + " (case-insensitive) but was '" + text + "'");
        }
    }

    /** {@code heap histogram --by}. */
    enum HistogramBy implements Choice {
        CLASS(Grouping.CLASS, "class"), PACKAGE(Grouping.PACKAGE, "package"), LOADER(Grouping.LOADER, "loader");

        final Grouping grouping;
        private final List<String> words;

        HistogramBy(Grouping grouping, String... words) {
            this.grouping = grouping;
            this.words = List.of(words);
        }

        @Override
        public List<String> words() {
            return words;
        }

        @Override
        public String toString() {
            return words.getFirst();
        }

        static final class Converter extends Choices.Converter<HistogramBy> {
            Converter() {
                super(HistogramBy.class);
            }
        }
    }

    /** {@code heap dominators --group} and {@code heap compare --by}: per class or per package. */
    enum ClassOrPackage implements Choice {
        CLASS(Grouping.CLASS, "class"), PACKAGE(Grouping.PACKAGE, "package");

        final Grouping grouping;
        private final List<String> words;

        ClassOrPackage(Grouping grouping, String... words) {
            this.grouping = grouping;
            this.words = List.of(words);
        }

        @Override
        public List<String> words() {
            return words;
        }

        @Override
        public String toString() {
            return words.getFirst();
        }

        static final class Converter extends Choices.Converter<ClassOrPackage> {
            Converter() {
                super(ClassOrPackage.class);
            }
        }
    }

    /** {@code jfr flame/diff --event}. */
    enum Event implements Choice {
        ALLOC(EventKind.ALLOC, "alloc"), CPU(EventKind.CPU, "cpu"), LOCK(EventKind.LOCK, "lock");

        final EventKind kind;
        private final List<String> words;

        Event(EventKind kind, String... words) {
            this.kind = kind;
            this.words = List.of(words);
        }

        @Override
        public List<String> words() {
            return words;
        }

        @Override
        public String toString() {
            return words.getFirst();
        }

        static final class Converter extends Choices.Converter<Event> {
            Converter() {
                super(Event.class);
            }
        }
    }

    /** {@code jfr flame/diff --weight}; {@code samples}, {@code nanos} and {@code time} were always accepted too. */
    enum WeightBy implements Choice {
        BYTES(Weight.BYTES, "bytes"), COUNT(Weight.COUNT, "count", "samples"), NS(Weight.NANOS, "ns", "nanos", "time");

        final Weight weight;
        private final List<String> words;

        WeightBy(Weight weight, String... words) {
            this.weight = weight;
            this.words = List.of(words);
        }

        @Override
        public List<String> words() {
            return words;
        }

        @Override
        public String toString() {
            return words.getFirst();
        }

        static final class Converter extends Choices.Converter<WeightBy> {
            Converter() {
                super(WeightBy.class);
            }
        }
    }

    /** {@code jfr flame --alloc-events}; {@code samples} was always accepted for {@code sample}. */
    enum AllocEvents implements Choice {
        AUTO(AllocSource.AUTO, "auto"), SAMPLE(AllocSource.SAMPLES, "sample", "samples"), TLAB(AllocSource.TLAB, "tlab"),
        ALL(AllocSource.ALL, "all");

        final AllocSource source;
        private final List<String> words;

        AllocEvents(AllocSource source, String... words) {
            this.source = source;
            this.words = List.of(words);
        }

        @Override
        public List<String> words() {
            return words;
        }

        @Override
        public String toString() {
            return words.getFirst();
        }

        static final class Converter extends Choices.Converter<AllocEvents> {
            Converter() {
                super(AllocEvents.class);
            }
        }
    }
}
