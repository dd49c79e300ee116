package dev.proofline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proofline.cli.CommandsTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --project}, {@code lib build} and {@code doctor --project} as a user types them, with the embedded Lean. */
class ProjectCommandsTest {
    /** A Lake project of two modules, the second importing the first. */
    static Path project(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("Geo"));
        Files.writeString(dir.resolve("lakefile.toml"), "name = \"geo\"\n\n[[lean_lib]]\nname = \"Geo\"\n");
        Files.writeString(dir.resolve("Geo/Basic.lean"), """
                module
                @[expose] public section
                def Geo.sq (n : Nat) : Nat := n * n
                theorem Geo.sq_two : Geo.sq 2 = 4 := rfl
                """);
        Files.writeString(dir.resolve("Geo.lean"), """
                module
                public import Geo.Basic
                @[expose] public section
                theorem Geo.sq_le (n : Nat) : n ≤ Geo.sq n ∨ n = 0 := by
                  cases n with
                  | zero => exact Or.inr rfl
                  | succ m => exact Or.inl (Nat.le_mul_of_pos_left _ (Nat.succ_pos m))
                """);
        return dir;
    }

    @Test
    void libBuildDoctorAndCheckUseTheProject(@TempDir Path dir) throws IOException {
        Path geo = project(dir.resolve("geo"));
        Run built = CommandsTest.run("lib", "build", geo.toString());
        assertEquals(0, built.code(), built.err());
        assertTrue(built.out().contains("2 modules of " + geo.toAbsolutePath()), built.out());
        Run again = CommandsTest.run("lib", "build", geo.toString());
        assertTrue(again.out().startsWith("already compiled: 2 modules"), again.out());

        Run doctor = CommandsTest.run("doctor", "--project", geo.toString());
        assertEquals(0, doctor.code(), doctor.err());
        List<String> lines = doctor.out().lines().toList();
        assertTrue(lines.contains("project: " + geo.toAbsolutePath()), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("path:    ") && l.contains("/lib/")), lines.toString());
        assertTrue(lines.contains("modules: 2: Geo, Geo.Basic"), lines.toString());

        Files.writeString(dir.resolve("p.jsonl"), """
                {"id": "sq", "header": "Geo", "statement": "theorem sq_three : Geo.sq 3 = 9"}
                {"id": "le", "header": "Geo", "statement": "theorem le5 : 5 ≤ Geo.sq 5"}
                """);
        Files.writeString(dir.resolve("c.jsonl"), """
                {"problem": "sq", "id": "honest", "proof": "by decide"}
                {"problem": "le", "id": "honest", "proof": "(Geo.sq_le 5).resolve_right (by decide)"}
                {"problem": "le", "id": "sorry", "proof": "sorry"}
                """);
        Run check = CommandsTest.run("check", "--project", geo.toString(), "--problems", dir.resolve("p.jsonl").toString(),
                "--candidates", dir.resolve("c.jsonl").toString(), "--out", dir.resolve("r.jsonl").toString(), "--workers", "1");
        assertEquals(0, check.code(), check.err());
        List<String> verdicts = Files.readAllLines(dir.resolve("r.jsonl"));
        assertEquals(3, verdicts.size(), verdicts.toString());
        for (String v : verdicts) {
            assertTrue(v.contains("\"verdict\":\"" + (v.contains("\"candidate\":\"sorry\"") ? "rejected" : "accepted") + "\""), v);
        }
    }

    @Test
    void aDirectoryThatIsNoProjectOrASmallMemoryCapIsAUsageErrorAndMathlibIsRefused(@TempDir Path dir) throws IOException {
        Run none = CommandsTest.run("doctor", "--project", dir.resolve("absent").toString());
        assertEquals(2, none.code(), none.err());
        assertEquals("Invalid value for option '--project': " + dir.resolve("absent") + ": no such directory",
                none.err().lines().findFirst().orElseThrow());
        Run bare = CommandsTest.run("lib", "build", dir.toString());
        assertEquals(2, bare.code(), bare.err());
        assertTrue(bare.err().contains("is not a Lake project: it has no lakefile.lean or lakefile.toml"), bare.err());

        Run cap = CommandsTest.run("serve", "--memory-cap", "512m");
        assertEquals(2, cap.code(), cap.err());
        assertTrue(cap.err().contains("memory size '512m' is under 1g"), cap.err());

        Path geo = project(dir.resolve("geo"));
        Files.writeString(geo.resolve("Geo/Real.lean"), "module\npublic import Mathlib.Data.Real.Basic\n");
        Run mathlib = CommandsTest.run("lib", "build", geo.toString());
        assertEquals(1, mathlib.code(), mathlib.err());
        assertEquals(List.of("--project " + geo.toAbsolutePath() + " needs Mathlib, which the embedded Lean does not have: "
                + "check it with --runtime native (a Lean from elan, the project built with lake build)"),
                mathlib.err().lines().toList());
    }
}
