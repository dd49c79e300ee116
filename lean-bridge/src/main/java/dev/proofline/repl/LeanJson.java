package dev.proofline.repl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON printed as upstream's REPL prints it, Lean's {@code Json.pretty} at width 80: an object's keys in
 * descending order, a bracketed group on one line if it fits and else one item a line, indented under its
 * bracket, strings escaped as Lean escapes them. Clients that read a reply up to the blank line after it
 * see the same text as from upstream.
 */
final class LeanJson {
    private static final int WIDTH = 80;

    private LeanJson() {}

    /** A document: text, a line (a space when its group is flat), a nested part, or a group. */
    private sealed interface Doc {}

    private record Text(String s) implements Doc {}

    private record Line() implements Doc {}

    private record Nest(int indent, List<Doc> docs) implements Doc {}

    private record Group(List<Doc> docs) implements Doc {}

    static String pretty(JsonNode json) {
        StringBuilder out = new StringBuilder();
        layout(render(json), out);
        return out.toString();
    }

    private static Doc render(JsonNode j) {
        if (j.isObject()) {
            if (j.isEmpty()) {
                return new Text("{}");
            }
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            j.fields().forEachRemaining(entries::add);
            entries.sort((a, b) -> b.getKey().compareTo(a.getKey()));
            List<Doc> items = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : entries) {
                items.add(new Group(List.of(new Text(string(e.getKey()) + ":"), new Line(), render(e.getValue()))));
            }
            return bracket("{", items, "}");
        }
        if (j.isArray()) {
            if (j.isEmpty()) {
                return new Text("[]");
            }
            List<Doc> items = new ArrayList<>();
            j.forEach(e -> items.add(render(e)));
            return bracket("[", items, "]");
        }
        if (j.isTextual()) {
            return new Text(string(j.asText()));
        }
        return new Text(j.toString());
    }

    private static Doc bracket(String open, List<Doc> items, String close) {
        List<Doc> docs = new ArrayList<>();
        docs.add(new Text(open));
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                docs.add(new Text(","));
                docs.add(new Line());
            }
            docs.add(items.get(i));
        }
        docs.add(new Text(close));
        return new Group(List.of(new Nest(open.length(), docs)));
    }

    /** Lean's {@code Json.escape}: quote, backslash, newline and carriage return by name, other controls as \\u. */
    static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", c));
                    } else {
                        b.appendCodePoint(c);
                    }
                }
            }
        });
        return b.append('"').toString();
    }

    /** A document to lay out: its indentation, whether its group is flat, and itself. */
    private record Item(int indent, boolean flat, Doc doc) {}

    /** Wadler's layout: a group is flat when it and what follows up to the next line break fit the width. */
    private static void layout(Doc doc, StringBuilder out) {
        Deque<Item> stack = new ArrayDeque<>();
        stack.push(new Item(0, false, doc));
        int column = 0;
        while (!stack.isEmpty()) {
            Item it = stack.pop();
            Doc d = it.doc();
            if (d instanceof Text t) {
                out.append(t.s());
                column += width(t);
            } else if (d instanceof Line) {
                if (it.flat()) {
                    out.append(' ');
                    column++;
                } else {
                    out.append('\n').append(" ".repeat(it.indent()));
                    column = it.indent();
                }
            } else if (d instanceof Nest n) {
                pushAll(stack, it.indent() + n.indent(), it.flat(), n.docs());
            } else if (d instanceof Group g) {
                boolean flat = it.flat() || fits(WIDTH - column, g, stack);
                pushAll(stack, it.indent(), flat, g.docs());
            }
        }
    }

    private static void pushAll(Deque<Item> stack, int indent, boolean flat, List<Doc> docs) {
        for (int i = docs.size() - 1; i >= 0; i--) {
            stack.push(new Item(indent, flat, docs.get(i)));
        }
    }

    /** Whether {@code group}, flat, and the rest up to its first line break take at most {@code room} columns. */
    private static boolean fits(int room, Group group, Deque<Item> rest) {
        Deque<Item> work = new ArrayDeque<>();
        work.push(new Item(0, true, group));
        Iterator<Item> after = rest.iterator();
        while (room >= 0) {
            Item it;
            if (!work.isEmpty()) {
                it = work.pop();
            } else if (after.hasNext()) {
                it = after.next();
            } else {
                return true;
            }
            Doc d = it.doc();
            if (d instanceof Text t) {
                room -= width(t);
            } else if (d instanceof Line) {
                if (!it.flat()) {
                    return true;
                }
                room--;
            } else if (d instanceof Nest n) {
                pushAll(work, 0, it.flat(), n.docs());
            } else if (d instanceof Group g) {
                pushAll(work, 0, it.flat(), g.docs());
            }
        }
        return false;
    }

    private static int width(Text t) {
        return t.s().codePointCount(0, t.s().length());
    }
}
