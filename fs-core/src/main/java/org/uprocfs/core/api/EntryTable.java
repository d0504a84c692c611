package org.uprocfs.core.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A directory declared as rows of (name, mode, handler) over one bound object, like the kernel's
 * {@code pid_entry} tables ({@code tgid_base_stuff}, {@code tid_base_stuff}) served by
 * {@code proc_pident_lookup} and {@code proc_pident_readdir}; readdir lists the rows in their order.
 *
 * @param <T> what each row renders from, e.g. a task
 */
public final class EntryTable<T> {
    private final Map<String, Row<T>> rows;
    private final List<String> names;
    private final int directories;

    private EntryTable(List<Row<T>> declared) {
        Map<String, Row<T>> byName = new LinkedHashMap<>();
        int dirs = 0;
        for (Row<T> row : declared) {
            if (byName.putIfAbsent(row.name(), row) != null) {
                throw new IllegalArgumentException("two rows named " + row.name());
            }
            dirs += row.directory() ? 1 : 0;
        }
        this.rows = Map.copyOf(byName);
        this.names = List.copyOf(byName.keySet());
        this.directories = dirs;
    }

    /** A new table builder. */
    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /** The row names in readdir order. */
    public List<String> names() {
        return names;
    }

    /** The directory of one object, its entries owned by {@code uid:gid} as the kernel's task_dump_owner makes them. */
    public DirectoryOps bind(T target, int uid, int gid) {
        return new DirectoryOps() {
            @Override
            public Node lookup(String name, Caller caller) {
                Row<T> row = rows.get(name);
                return row == null ? null : row.make().apply(target, new Owned(caller, uid, gid));
            }

            @Override
            public List<String> names(Caller caller) {
                return names;
            }

            @Override
            public int subdirectories(Caller caller) {
                return directories;
            }
        };
    }

    /** The caller of a lookup and the owner the bound directory gives its rows. */
    public record Owned(Caller caller, int uid, int gid) {
    }

    private record Row<T>(String name, boolean directory, BiFunction<T, Owned, Node> make) {
    }

    /** Collects rows in readdir order. */
    public static final class Builder<T> {
        private final List<Row<T>> rows = new ArrayList<>();

        private Builder() {
        }

        /** {@code DIR(name, mode, ...)}: a subdirectory computed from the object. */
        public Builder<T> dir(String name, int mode, Function<T, DirectoryOps> children) {
            rows.add(new Row<>(name, true, (t, o) -> new Node.Dir(mode, o.uid(), o.gid(), children.apply(t))));
            return this;
        }

        /** {@code REG}/{@code ONE(name, mode, show)}: a file whose handlers read the object. */
        public Builder<T> file(String name, int mode, Function<T, ProcHandlers> handlers) {
            rows.add(new Row<>(name, false, (t, o) -> new Node.File(mode, o.uid(), o.gid(), handlers.apply(t))));
            return this;
        }

        /** {@code LNK(name, get_link)}: a link whose target depends on the object and the caller. */
        public Builder<T> link(String name, BiFunction<T, Caller, String> target) {
            rows.add(new Row<>(name, false,
                    (t, o) -> new Node.Link(0777, o.uid(), o.gid(), caller -> target.apply(t, caller))));
            return this;
        }

        /** A row that builds its node itself, for entries whose mode or owner depend on the object or the caller. */
        public Builder<T> node(String name, boolean directory, BiFunction<T, Owned, Node> make) {
            rows.add(new Row<>(name, directory, make));
            return this;
        }

        /** The table. */
        public EntryTable<T> build() {
            return new EntryTable<>(rows);
        }
    }
}
