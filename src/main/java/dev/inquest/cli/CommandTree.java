package dev.inquest.cli;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command classes that make up {@code inquest}, and a builder that makes only the part of
 * the tree the arguments can reach. Picocli instantiates and reflects over every command it is
 * given: the whole tree cost 300 ms of a 450 ms {@code inquest --version}, so
 * {@code inquest heap summary DUMP} now builds {@code inquest}, {@code heap} and {@code summary}
 * alone. Where the arguments name no subcommand (help, a typo) a level gets all of its children,
 * so usage and error messages are the same as with the full tree, and so does {@code help}.
 */
final class CommandTree {
    private static final Map<Class<?>, List<Class<?>>> CHILDREN = Map.of(
            InquestCommand.class, List.of(HeapCommand.class, JfrCommand.class, CaseCommand.class, JvmCommand.class, DemoCommand.class,
                    CommandLine.HelpCommand.class),
            HeapCommand.class, List.of(HeapSummaryCommand.class, HeapHistogramCommand.class, HeapDominatorsCommand.class,
                    HeapPathCommand.class, HeapSuspectsCommand.class, HeapCompareCommand.class, HeapStringsCommand.class,
                    HeapDuplicatesCommand.class, HeapCollectionsCommand.class, HeapThreadsCommand.class,
                    HeapLoadersCommand.class, HeapWhyCommand.class, HeapInspectCommand.class,
                    HeapHoldersCommand.class, HeapQueryCommand.class, HeapRetainedCommand.class, HeapOffheapCommand.class),
            JfrCommand.class, List.of(JfrSummaryCommand.class, JfrFlameCommand.class, JfrDiffCommand.class,
                    JfrAllocationsCommand.class, JfrHeapCommand.class, JfrOldObjectsCommand.class,
                    JfrRulesCommand.class, JfrNativeCommand.class, JfrEventsCommand.class),
            CaseCommand.class, List.of(CaseNewCommand.class, CaseShowCommand.class, CaseExportCommand.class,
                    CaseImportCommand.class),
            JvmCommand.class, List.of(JvmListCommand.class, JvmDumpCommand.class, JvmRecordCommand.class,
                    JvmHistogramCommand.class, JvmThreadsCommand.class, JvmNativeCommand.class));

    private CommandTree() {
    }

    /** The names of {@code inquest}'s own subcommands. */
    static List<String> topNames() {
        return CHILDREN.get(InquestCommand.class).stream().map(CommandTree::name).toList();
    }

    /**
     * {@code root}'s command line with the subcommands {@code args} can reach: all of them for no
     * arguments, none for a lone {@code --version}.
     */
    static CommandLine build(Object root, String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return new CommandLine(root);
        }
        return build(root, args, 0);
    }

    private static CommandLine build(Object command, String[] args, int depth) {
        CommandLine cl = new CommandLine(command);
        List<Class<?>> children = CHILDREN.getOrDefault(command.getClass(), List.of());
        String next = depth < args.length ? args[depth] : null;
        // "help heap" needs heap's usage, so help brings all of its siblings.
        boolean named = !"help".equals(next) && children.stream().anyMatch(c -> name(c).equals(next));
        for (Class<?> c : children) {
            if (!named || name(c).equals(next)) {
                cl.addSubcommand(name(c), build(instantiate(c), args, depth + 1));
            }
        }
        return cl;
    }

    private static String name(Class<?> c) {
        return c.getAnnotation(Command.class).name();
    }

    private static Object instantiate(Class<?> c) {
        try {
            return c.getDeclaredConstructor().newInstance();
        } catch (InstantiationException | IllegalAccessException | NoSuchMethodException | InvocationTargetException e) {
            throw new IllegalStateException("command class " + c.getName() + " cannot be made", e);
        }
    }
}
