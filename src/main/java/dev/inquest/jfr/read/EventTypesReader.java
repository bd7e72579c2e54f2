package dev.inquest.jfr.read;

import dev.inquest.jfr.events.EventTypeInfo;
import dev.inquest.jfr.load.ChunkCopy;
import dev.inquest.jfr.load.JfrSource;
import dev.inquest.progress.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.EventType;
import jdk.jfr.consumer.RecordingFile;

/**
 * Every event type present in a recording with its count: the counts the summary's raw scan found
 * (scanned again only when no summary was read), the labels and categories from the chunks' metadata
 * (of the first and last chunks only, through a copy of each, when the file is cut short or damaged).
 */
public final class EventTypesReader {
    private EventTypesReader() {
    }

    public static List<EventTypeInfo> read(JfrSource source, Progress progress) throws IOException {
        Map<String, Long> counts = source.counts();
        if (counts == null) {
            SummaryReader.read(source, progress);
            counts = source.counts();
        }
        Map<String, EventType> types = new HashMap<>();
        List<EventType> described = ChunkCopy.eventTypes(source);
        if (described != null) {
            described.forEach(t -> types.putIfAbsent(t.getName(), t));
        } else {
            int n = source.chunks().size();
            for (int i : n == 1 ? new int[] {0} : new int[] {0, n - 1}) {
                progress.checkCancelled();
                metadata(source, i, types);
            }
        }
        List<EventTypeInfo> out = new ArrayList<>();
        counts.forEach((name, count) -> {
            EventType t = types.get(name);
            out.add(new EventTypeInfo(name, t == null || t.getLabel() == null ? name : t.getLabel(),
                    t == null ? List.of() : List.copyOf(t.getCategoryNames()), count));
        });
        out.sort(Comparator.comparingLong(EventTypeInfo::count).reversed().thenComparing(EventTypeInfo::name));
        return List.copyOf(out);
    }

    private static void metadata(JfrSource source, int chunk, Map<String, EventType> into) throws IOException {
        ChunkCopy copy = ChunkCopy.of(source, chunk, Set.of(), true);
        if (copy == null) {
            return;
        }
        try (RecordingFile f = new RecordingFile(copy.file())) {
            for (EventType t : f.readEventTypes()) {
                into.putIfAbsent(t.getName(), t);
            }
        } catch (IOException | RuntimeException unreadable) {
            // Labels are a courtesy: the names and counts stand without them.
        } finally {
            Files.deleteIfExists(copy.file());
        }
    }
}
