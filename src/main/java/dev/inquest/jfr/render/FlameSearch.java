package dev.inquest.jfr.render;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The frames whose label matches a regex, and the share of the whole they cover. Nested matches
 * (a matching frame under another) count once, through their outermost match, so the share never
 * exceeds 100 %.
 *
 * @param matched      per index: does the label match
 * @param order        matching indices with weight, in pre-order (left to right, root first): next/previous walk it
 * @param matchedWeight total weight under outermost matches
 */
public record FlameSearch(Pattern pattern, boolean[] matched, int[] order, long matchedWeight, double share) {

    public static FlameSearch none(FlameIndex index) {
        return new FlameSearch(null, new boolean[index.count()], new int[0], 0, 0);
    }

    public static FlameSearch of(FlameIndex index, Pattern pattern) {
        int n = index.count();
        boolean[] matched = new boolean[n];
        // Labels repeat a lot (the same method under many callers): match each distinct one once.
        Map<String, Boolean> memo = new HashMap<>();
        int count = 0;
        for (int i = 0; i < n; i++) {
            matched[i] = memo.computeIfAbsent(index.label(i), l -> pattern.matcher(l).find());
            if (matched[i] && index.total(i) > 0) {
                count++;
            }
        }
        // Next/previous only visit frames that take width (diff trees keep weightless baseline-only ones).
        int[] order = new int[count];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (matched[i] && index.total(i) > 0) {
                order[k++] = i;
            }
        }
        long weight = 0;
        for (int i = 0; i < n; ) {
            if (matched[i]) {
                weight += index.total(i);
                i += index.size(i);
            } else {
                i++;
            }
        }
        double share = n == 0 || index.total(0) == 0 ? 0 : (double) weight / index.total(0);
        return new FlameSearch(pattern, matched, order, weight, share);
    }

    public boolean isActive() {
        return pattern != null;
    }

    public int count() {
        return order.length;
    }
}
