package dev.inquest.jfr;

import dev.inquest.jfr.alloc.AllocationTables;
import dev.inquest.jfr.diff.DiffBuilder;
import dev.inquest.jfr.diff.DiffTree;
import dev.inquest.jfr.heap.HeapTimeline;
import dev.inquest.jfr.load.JfrSource;
import dev.inquest.jfr.nativemem.NativeMemory;
import dev.inquest.jfr.oldobj.OldObjectReport;
import dev.inquest.jfr.read.AllocationTablesReader;
import dev.inquest.jfr.read.HeapTimelineReader;
import dev.inquest.jfr.read.NativeMemoryReader;
import dev.inquest.jfr.read.OldObjectReader;
import dev.inquest.jfr.read.StackTreeReader;
import dev.inquest.jfr.read.SummaryReader;
import dev.inquest.jfr.read.rules.RuleSet;
import dev.inquest.jfr.rules.RuleReport;
import dev.inquest.jfr.stack.StackTree;
import dev.inquest.jfr.stack.StackTreeQuery;
import dev.inquest.jfr.summary.ChunkDamage;
import dev.inquest.jfr.summary.RecordingDamage;
import dev.inquest.jfr.summary.RecordingSummary;
import dev.inquest.jfr.summary.Truncation;
import dev.inquest.progress.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An opened flight recording: the recording engine's one door, as {@code HeapDump} is the heap's.
 *
 * <p>Every question the window and the command line ask of a recording goes through here and comes
 * back as a record of the API packages ({@code jfr.stack}, {@code jfr.summary}, {@code jfr.alloc},
 * {@code jfr.heap}, {@code jfr.nativemem}, {@code jfr.oldobj}, {@code jfr.diff}, {@code jfr.rules}); the chunk scanning ({@code jfr.load}) and
 * the event readers ({@code jfr.read}) behind it are internal. Each query reads only the event types
 * it needs, the chunks in parallel, so asking twice reads twice: callers keep the answers they reuse
 * (the native memory series excepted: the rules' pass builds them too, and they are kept here).
 *
 * <p>To add a query: a reader in {@code jfr.read} returning a record of an API package, and one
 * method here that calls it.
 */
public final class Recording implements AutoCloseable {
    private final JfrSource source;

    private Recording(JfrSource source) {
        this.source = source;
    }

    /**
     * Opens {@code file} (plain or gzip, whole or cut short), failing with
     * {@link dev.inquest.input.BadInputException} for what cannot be read as a recording.
     */
    public static Recording open(Path file, Progress progress) throws IOException {
        return new Recording(JfrSource.open(file, progress));
    }

    /** The user's file, as given (not the inflated copy of a gzip file). */
    public Path file() {
        return source.file();
    }

    /** When the recording starts: the earliest chunk's start. */
    public Instant start() {
        return source.start();
    }

    /** What is missing when the file was cut short; the complete chunks before it stay readable. */
    public Optional<Truncation> truncation() {
        return source.truncation();
    }

    /**
     * The damaged chunks that were skipped, in file order: those whose header could not be trusted
     * (known once open) and those a query found damaged since (ask after the query). Their events
     * are missing from every answer.
     */
    public List<ChunkDamage> damage() {
        return source.damage();
    }

    /** Whether events are missing from the answers so far: the file is cut short or a chunk is damaged. */
    public boolean partial() {
        return source.truncation().isPresent() || !source.damage().isEmpty();
    }

    /**
     * Why events are missing from the answers so far, in the words the window and the command line
     * share; ask again after a query, which may have found a damaged chunk.
     */
    public RecordingDamage damageReport() {
        return source.damageReport();
    }

    /** Event counts per type, the time span, GC and heap figures, and what is missing if cut short. */
    public RecordingSummary summary(Progress progress) throws IOException {
        return SummaryReader.read(source, progress);
    }

    /** The stack tree (flame graph) of the events the query names, weighted and filtered as it says. */
    public StackTree stacks(StackTreeQuery query, Progress progress) throws IOException {
        return StackTreeReader.read(source, query, progress);
    }

    /** Allocation by class, by site and by thread, for an allocation tree read from this recording. */
    public AllocationTables allocationTables(StackTree allocations, Progress progress) throws IOException {
        return AllocationTablesReader.read(source, allocations, progress);
    }

    /** Heap before and after each GC, committed heap and resident set size over time. */
    public HeapTimeline heapTimeline(Progress progress) throws IOException {
        return HeapTimelineReader.read(source, progress);
    }

    /**
     * Memory beyond the heap over time: resident set, committed heap, metaspace, code cache, direct
     * buffers and native memory tracking per category, and the gap between resident set and heap.
     */
    public NativeMemory nativeMemory(Progress progress) throws IOException {
        NativeMemory known = knownNativeMemory();
        if (known != null) {
            return known;
        }
        return keep(NativeMemoryReader.read(source, progress));
    }

    /**
     * The native memory series, once built for this recording, by {@link #nativeMemory} or by the
     * rules' pass (which reads the same events for its rules on memory beyond the heap): the
     * overview's findings and the Native memory view then read those events once. Two asked at the
     * same time may both read; the first kept answers from then on.
     */
    private NativeMemory nativeMemory;
    /** How many times the series were built for this recording (tests: once, whoever asks first). */
    private int nativeBuilds;

    private synchronized NativeMemory knownNativeMemory() {
        return nativeMemory;
    }

    private synchronized NativeMemory keep(NativeMemory built) {
        nativeBuilds++;
        if (nativeMemory == null) {
            nativeMemory = built;
        }
        return nativeMemory;
    }

    synchronized int nativeBuilds() {
        return nativeBuilds;
    }

    /** Old-object samples with their reference chains to GC roots, where they were recorded. */
    public OldObjectReport oldObjects(Progress progress) throws IOException {
        return OldObjectReader.read(source, progress);
    }

    /**
     * Every rule over the recording (live set, GC pauses, allocation, metaspace, class loading,
     * code cache...), in one pass over the events they read; worst first.
     */
    public RuleReport rules(Progress progress) throws IOException {
        return RuleSet.run(source, knownNativeMemory(), this::keep, progress);
    }

    /** Every event type in the recording with its count, label and category, the most frequent first. */
    public List<dev.inquest.jfr.events.EventTypeInfo> eventTypes(Progress progress) throws IOException {
        return dev.inquest.jfr.read.EventTypesReader.read(source, progress);
    }

    /**
     * The events of one type the query matches, as a table read page by page (the event browser);
     * close it when done. Opening reads only up to the first chunk that holds the type.
     */
    public dev.inquest.jfr.events.EventTable events(dev.inquest.jfr.events.EventQuery query, Progress progress)
            throws IOException {
        return dev.inquest.jfr.read.EventTableReader.open(source, query, progress);
    }

    /** The differential tree of two stack trees read with the same query (from two recordings). */
    public static DiffTree diff(StackTree baseline, StackTree after) {
        return DiffBuilder.diff(baseline, after);
    }

    /** Deletes the inflated copy of a gzip recording; the recording cannot be read afterwards. */
    @Override
    public void close() throws IOException {
        source.close();
    }
}
