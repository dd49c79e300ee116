package dev.proofline.lean;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A small Lake project written for the project tests: the library Tally (three modules that import each other)
 * and its dependency Counting under {@code .lake/packages/}, as {@code lake} leaves a git dependency. Every file
 * is a {@code module} with exposed public declarations: the embedded Lean imports only a module's exported part.
 */
final class TallyProject {
    static final Map<String, String> FILES = Map.of(
            "lakefile.toml", """
                    name = "tally"
                    defaultTargets = ["Tally"]

                    [[require]]
                    name = "counting"
                    git = "https://example.invalid/counting.git"

                    [[lean_lib]]
                    name = "Tally"
                    """,
            "lean-toolchain", "leanprover/lean4:v4.28.0-rc1\n",
            "lake-manifest.json", """
                    {"version": "1.1.0", "packagesDir": ".lake/packages", "name": "tally", "lakeDir": ".lake",
                     "packages": [{"type": "git", "scope": "", "name": "counting", "manifestFile": "lake-manifest.json",
                                   "inputRev": "main", "inherited": false, "configFile": "lakefile.toml",
                                   "url": "https://example.invalid/counting.git", "rev": "0000000000000000000000000000000000000000"}]}
                    """,
            ".lake/packages/counting/lakefile.toml", "name = \"counting\"\n\n[[lean_lib]]\nname = \"Counting\"\n",
            ".lake/packages/counting/Counting/Basic.lean", """
                    module
                    /-! Counting: the dependency, in `.lake/packages/`. -/
                    @[expose] public section
                    namespace Counting
                    def twice (n : Nat) : Nat := 2 * n
                    theorem twice_add (a b : Nat) : twice (a + b) = twice a + twice b := by unfold twice; omega
                    end Counting
                    """,
            "Tally/Basic.lean", """
                    module
                    public import Counting.Basic -- the dependency's module
                    @[expose] public section
                    namespace Tally
                    def double (n : Nat) : Nat := n + n
                    theorem double_eq_twice (n : Nat) : double n = Counting.twice n := by
                      unfold double Counting.twice; omega
                    end Tally
                    """,
            "Tally/Sum.lean", """
                    module
                    public import Tally.Basic
                    @[expose] public section
                    namespace Tally
                    def sumTo : Nat → Nat
                      | 0 => 0
                      | n + 1 => sumTo n + (n + 1)
                    theorem sumTo_le_succ (n : Nat) : sumTo n ≤ sumTo (n + 1) := by
                      show sumTo n ≤ sumTo n + (n + 1); omega
                    theorem double_sumTo_two : double (sumTo 2) = Counting.twice 3 := by decide
                    end Tally
                    """,
            "Tally.lean", """
                    module
                    public import Tally.Basic
                    public import Tally.Sum
                    """);

    private TallyProject() {}

    /** Writes the project into {@code dir} and returns it. */
    static LeanProject write(Path dir) throws IOException {
        for (Map.Entry<String, String> f : FILES.entrySet()) {
            Files.createDirectories(dir.resolve(f.getKey()).getParent());
            Files.writeString(dir.resolve(f.getKey()), f.getValue());
        }
        return LeanProject.at(dir);
    }
}
