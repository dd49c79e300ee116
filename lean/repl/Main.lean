/- Runs the precompiled REPL program (`Repl.olean`): `lean --run Main.lean [Module …]`. See Repl.lean. -/
import Repl
