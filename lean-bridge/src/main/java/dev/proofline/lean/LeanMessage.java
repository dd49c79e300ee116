package dev.proofline.lean;

/** A message Lean reported, as in the community REPL: severity, start and end position, text. */
public record LeanMessage(String severity, Position pos, Position endPos, String data) {
    public boolean isError() {
        return "error".equals(severity);
    }

    /** A line and column in the submitted command (lines from 1, columns from 0, as Lean counts). */
    public record Position(int line, int column) {
        @Override
        public String toString() {
            return line + ":" + column;
        }
    }

    @Override
    public String toString() {
        return pos + ": " + severity + ": " + data;
    }
}
