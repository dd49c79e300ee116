package dev.proofline.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofline.batch.BatchCheck;
import dev.proofline.batch.Jsonl;
import dev.proofline.batch.ProblemSet;
import dev.proofline.check.ProofChecker;
import dev.proofline.check.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code POST /check}: Proofline's own problems and candidates, the records of {@code problems.jsonl} and
 * {@code candidates.jsonl} as JSON lists, judged exactly as {@code proofline check} judges them (statement
 * comparison included); the verdicts come back in the candidates' order, as {@code check} writes them. A
 * record that is not usable is named by its list and place from 1 ({@code candidates:3}), as a file's line.
 */
final class CheckApi {
    private static final Set<String> FIELDS = Set.of("problems", "candidates");

    record Request(ProblemSet problems, List<BatchCheck.Job> jobs) {}

    private final ProofChecker checker;
    private final ServiceMetrics metrics;

    CheckApi(ProofChecker checker, ServiceMetrics metrics) {
        this.checker = checker;
        this.metrics = metrics;
    }

    Request read(JsonNode body) throws BadRequest {
        Fields.object(body, "request", FIELDS);
        ProblemSet problems = ProblemSet.fromLines(lines("problems", Fields.nonEmptyArray(body, "problems")));
        return new Request(problems, BatchCheck.jobs(lines("candidates", Fields.nonEmptyArray(body, "candidates")), problems));
    }

    private static List<Jsonl.Line> lines(String list, List<JsonNode> records) {
        List<Jsonl.Line> out = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode r = records.get(i);
            out.add(new Jsonl.Line(Path.of(list), i + 1, r.isObject() ? r : null, r.isObject() ? null : "not a JSON object"));
        }
        return out;
    }

    List<Callable<Verdict>> work(Request request) {
        List<Callable<Verdict>> out = new ArrayList<>();
        for (BatchCheck.Job job : request.jobs()) {
            out.add(() -> {
                long t0 = System.nanoTime();
                Verdict v = job.invalid() != null ? job.invalid()
                        : checker.check(request.problems().byId().get(job.problem()), job.candidate(), job.candidateId());
                metrics.snippet(v.verdict().name(), System.nanoTime() - t0);
                return v;
            });
        }
        return out;
    }

    /** {@code {"verdicts": [...], "rejected_problems"?: [...]}}. */
    static ObjectNode response(Request request, List<Verdict> verdicts) {
        ObjectNode out = Jsonl.JSON.createObjectNode();
        ArrayNode list = out.putArray("verdicts");
        verdicts.forEach(v -> list.add(Jsonl.JSON.valueToTree(v)));
        if (!request.problems().rejectedLines().isEmpty()) {
            request.problems().rejectedLines().forEach(out.putArray("rejected_problems")::add);
        }
        return out;
    }
}
