package org.uprocfs.providers.hardware.profile;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.uprocfs.providers.hardware.model.Machine;
import org.uprocfs.providers.hardware.model.MachineSpec;

/** Reads a machine profile from JSON, checks it, and builds the {@link Machine}. */
public final class ProfileLoader {
    /** The class-path resource of the built-in desktop profile. */
    public static final String DEFAULT_RESOURCE = "/org/uprocfs/providers/hardware/default-machine.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(HexNumbers.module())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** The largest profile file read. */
    static final long MAX_BYTES = 8L << 20;

    private ProfileLoader() {
    }

    /** The embedded default machine. */
    public static Machine loadDefault() {
        return loadResource(DEFAULT_RESOURCE);
    }

    /** A profile shipped on the class path, e.g. {@code /org/uprocfs/providers/hardware/profiles/server-64.json}. */
    public static Machine loadResource(String resource) {
        try (InputStream in = ProfileLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ProfileException("(profile)", "no class-path resource " + resource);
            }
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new ProfileException("(profile)", "cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    /** A profile file given with the {@code machine} module parameter. */
    public static Machine loadFile(Path file) {
        try {
            // Type and size before reading: a FIFO would block, /dev/zero or a huge file would fill the heap.
            if (!Files.isRegularFile(file)) {
                throw new ProfileException("(profile)", file + " is not a regular file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new ProfileException("(profile)", file + " is larger than " + (MAX_BYTES >> 20) + " MiB");
            }
            return parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ProfileException("(profile)", "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses and validates profile JSON. */
    public static Machine parse(byte[] json) {
        MachineSpec spec;
        try {
            spec = MAPPER.readValue(json, MachineSpec.class);
        } catch (JsonMappingException e) {
            throw new ProfileException(fieldOf(e), e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ProfileException("(profile)", "not valid JSON: " + e.getMessage(), e);
        }
        ProfileValidator.validate(spec);
        return new Machine(spec);
    }

    private static String fieldOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "(profile)" : path.toString();
    }
}
