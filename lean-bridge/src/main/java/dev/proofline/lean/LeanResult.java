package dev.proofline.lean;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one request: Lean's reply, or why there is none.
 *
 * @param status {@code OK} when Lean replied; {@code TIMEOUT} and {@code CRASHED} when the process was
 *     killed or died (it has been replaced); {@code REFUSED} when the REPL rejected the request itself
 * @param env the kept environment's number, if the request asked to keep it
 * @param syntax what Lean parsed in the command
 * @param targets the theorems the reference declares, by their full names, if the request gave one
 * @param referenceErrors errors of the reference statement, if the request gave one
 * @param preludeErrors errors of the prelude, if the request gave one
 * @param export the targets and what they rest on as data, or {@code {"error": …}}, if the request asked
 * @param exportError in a judgement, why the export could not be rebuilt; else {@code null}
 * @param detail the REPL's error, or what is known of a crash
 * @param reply Lean's whole reply, for what the fields above leave out (a session command's proof states);
 *     {@code null} without one
 */
public record LeanResult(Status status, Integer env, List<LeanMessage> messages, List<LeanMessage.Position> sorries,
                         List<Declaration> declarations, ParsedSyntax syntax, List<String> targets,
                         List<LeanMessage> referenceErrors, List<LeanMessage> preludeErrors, JsonNode export,
                         String exportError, long elapsedMs, String detail, JsonNode reply) {

    /** {@code UNIMPORTABLE}: no session could be started because the header names a module Lean does not have. */
    public enum Status { OK, TIMEOUT, CRASHED, REFUSED, UNIMPORTABLE }

    public LeanResult {
        messages = List.copyOf(messages);
        sorries = List.copyOf(sorries);
        declarations = List.copyOf(declarations);
        targets = List.copyOf(targets);
        referenceErrors = List.copyOf(referenceErrors);
        preludeErrors = List.copyOf(preludeErrors);
    }

    static LeanResult withoutReply(Status status, long elapsedMs, String detail) {
        return new LeanResult(status, null, List.of(), List.of(), List.of(), ParsedSyntax.NONE, List.of(), List.of(),
                List.of(), null, null, elapsedMs, detail, null);
    }

    public boolean isOk() {
        return status == Status.OK;
    }

    public List<LeanMessage> errors() {
        return messages.stream().filter(LeanMessage::isError).toList();
    }

    public boolean hasErrors() {
        return messages.stream().anyMatch(LeanMessage::isError);
    }

    public Optional<Declaration> declaration(String name) {
        return declarations.stream().filter(d -> d.name().equals(name)).findFirst();
    }
}
