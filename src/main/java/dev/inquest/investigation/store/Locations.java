package dev.inquest.investigation.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Finds where in the file a value lies, by its path. Binding works on the tree (migrations rewrite
 * it first), which has no positions, so on an error the original bytes are scanned once more.
 */
final class Locations {
    private Locations() {
    }

    /**
     * Byte offset of the value at {@code path} (field names and list indexes), or of the deepest
     * enclosing value found (a migrated field may have had another name), or 0.
     */
    static long offsetOf(byte[] bytes, List<Object> path) {
        long best = 0;
        int bestDepth = -1;
        try (JsonParser p = CaseJson.MAPPER.createParser(bytes)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME || t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                JsonStreamContext ctx = p.getParsingContext();
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    ctx = ctx.getParent();
                }
                List<Object> here = pathOf(ctx);
                if (here.size() > bestDepth && here.size() <= path.size() && path.subList(0, here.size()).equals(here)) {
                    best = p.currentTokenLocation().getByteOffset();
                    bestDepth = here.size();
                    if (here.size() == path.size()) {
                        return best;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // The bytes parsed once already; whatever stops the scan, the best so far will do.
        }
        return Math.max(0, best);
    }

    private static List<Object> pathOf(JsonStreamContext ctx) {
        List<Object> out = new ArrayList<>();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject()) {
                out.add(c.getCurrentName());
            } else if (c.inArray()) {
                out.add(c.getCurrentIndex());
            }
        }
        Collections.reverse(out);
        return out;
    }
}
