package dev.inquest.investigation.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Writes whole numbers without a fraction or exponent: a person reading the case file should
 * see {@code 222298112}, not {@code 2.22298112E8}.
 */
final class PlainNumberSerializer extends StdSerializer<Double> {
    PlainNumberSerializer() {
        super(Double.class);
    }

    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        double v = value;
        if (v == Math.rint(v) && Math.abs(v) < 9.0e15) {
            gen.writeNumber((long) v);
        } else {
            gen.writeNumber(v);
        }
    }
}
