package org.uprocfs.providers.hardware.profile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/** Lets profiles write addresses and ids as {@code "0xfed00000"} strings as well as plain numbers. */
final class HexNumbers {
    private HexNumbers() {
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("uprocfs-hex-numbers");
        JsonDeserializer<Long> longs = new JsonDeserializer<>() {
            @Override
            public Long deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                return parseLong(parser, context);
            }
        };
        JsonDeserializer<Integer> ints = new JsonDeserializer<>() {
            @Override
            public Integer deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                long value = parseLong(parser, context);
                if (value < Integer.MIN_VALUE || value > 0xffffffffL) {
                    return (Integer) context.handleWeirdNumberValue(Integer.class, value, "out of range for int");
                }
                return (int) value;
            }
        };
        module.addDeserializer(Long.class, longs);
        module.addDeserializer(Long.TYPE, longs);
        module.addDeserializer(Integer.class, ints);
        module.addDeserializer(Integer.TYPE, ints);
        return module;
    }

    private static long parseLong(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            return parser.getLongValue();
        }
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            String text = parser.getText().trim();
            try {
                if (text.startsWith("0x") || text.startsWith("0X")) {
                    return Long.parseUnsignedLong(text.substring(2), 16);
                }
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return (Long) context.handleWeirdStringValue(Long.class, text, "not a decimal or 0x hex number");
            }
        }
        return (Long) context.handleUnexpectedToken(Long.class, parser);
    }
}
