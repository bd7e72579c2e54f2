package dev.inquest.jfr.read.rules;

import dev.inquest.jfr.rules.RuleFigure;
import dev.inquest.jfr.rules.RuleFigure.Unit;

/** Short constructors for the figures rules state. */
final class Figures {
    private Figures() {
    }

    static RuleFigure bytes(String name, double v) {
        return new RuleFigure(name, v, Unit.BYTES);
    }

    static RuleFigure rate(String name, double bytesPerSecond) {
        return new RuleFigure(name, bytesPerSecond, Unit.BYTES_PER_SECOND);
    }

    /** {@code fraction} 0..1, stored as percent. */
    static RuleFigure percent(String name, double fraction) {
        return new RuleFigure(name, fraction * 100, Unit.PERCENT);
    }

    static RuleFigure count(String name, double v) {
        return new RuleFigure(name, v, Unit.COUNT);
    }

    static RuleFigure millis(String name, double v) {
        return new RuleFigure(name, Math.round(v * 1000) / 1000.0, Unit.MILLISECONDS);
    }

    static RuleFigure seconds(String name, double v) {
        return new RuleFigure(name, Math.round(v * 1000) / 1000.0, Unit.SECONDS);
    }
}
