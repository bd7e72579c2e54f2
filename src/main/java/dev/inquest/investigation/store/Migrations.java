package dev.inquest.investigation.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.inquest.investigation.model.Case;

/**
 * One step per older format version, each rewriting the JSON tree to the next version. Steps
 * work on trees rather than classes so old shapes never need Java types of their own.
 */
final class Migrations {
    private Migrations() {
    }

    static void upgrade(ObjectNode root, int from) {
        int v = from;
        while (v < Case.FORMAT_VERSION) {
            switch (v) {
                case 1 -> v1to2(root);
                default -> throw new IllegalStateException("no migration from format " + v);
            }
            v++;
            root.put("formatVersion", v);
        }
    }

    /**
     * Format 1 (the first prototype) wrote hypotheses with {@code text} instead of
     * {@code statement}, next steps and references as plain strings, and no artifact ids.
     */
    static void v1to2(ObjectNode root) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (root.get("hypotheses") instanceof ArrayNode hs) {
            for (JsonNode h : hs) {
                if (h instanceof ObjectNode ho && !ho.has("statement") && ho.has("text")) {
                    ho.set("statement", ho.remove("text"));
                }
            }
        }
        if (root.get("nextSteps") instanceof ArrayNode steps) {
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i).isTextual()) {
                    steps.set(i, f.objectNode().put("text", steps.get(i).asText()).put("done", false));
                }
            }
        }
        if (root.get("references") instanceof ArrayNode refs) {
            for (int i = 0; i < refs.size(); i++) {
                if (refs.get(i).isTextual()) {
                    refs.set(i, f.objectNode().put("title", refs.get(i).asText()));
                }
            }
        }
        if (root.get("artifacts") instanceof ArrayNode arts) {
            for (int i = 0; i < arts.size(); i++) {
                if (arts.get(i) instanceof ObjectNode a && !a.has("id")) {
                    a.put("id", "A" + (i + 1));
                }
            }
        }
    }
}
