/* proofline: the module reaches anything that may throw a C++ exception or longjmp through imports
   `invoke_<sig>(fn, args…)`, which emscripten writes in JavaScript: save the stack pointer, call table
   entry `fn` in a try/catch, and on a thrown number (an exception or a longjmp) restore the stack and
   set the module's `__THREW__`. Lean's runtime calls every closure that way (`lean_apply_*`), so each
   monadic step of the elaborator left WebAssembly twice; that was ~17% of a warm REPL's time.
   Here the same logic is WebAssembly, built at start-up: a module of trampolines is the import (the
   module's table and stack do not exist before it is instantiated) and forwards through a small table
   to a module of catchers, linked once the instance exists, which catch JavaScript exceptions with
   `WebAssembly.JSTag` and leave the rare thrown value to `caught` below, with the JS version's exact
   rules. */
var ProoflineInvoke = {
  sigs: null,
  /** the table through which each trampoline reaches its catcher */
  slots: null,
  /** emscripten's own invoke_<sig> functions, for the calls call_indirect cannot make */
  js: null,
  install(imports) {
    var sigs = Object.keys(imports).filter(n => n.startsWith("invoke_")).map(n => n.slice(7));
    var slots = new WebAssembly.Table({ element: "anyfunc", initial: sigs.length });
    var t = new WebAssembly.Instance(new WebAssembly.Module(ProoflineInvoke.trampolines(sigs)), { p: { t: slots } });
    ProoflineInvoke.js = sigs.map(s => imports["invoke_" + s]);
    sigs.forEach(s => imports["invoke_" + s] = t.exports[s]);
    ProoflineInvoke.sigs = sigs;
    ProoflineInvoke.slots = slots;
  },
  link(exports) {
    var sigs = ProoflineInvoke.sigs, p = { t: exports["__indirect_function_table"],
      sp: exports["emscripten_stack_get_current"], caught: ProoflineInvoke.caught, tag: WebAssembly.JSTag };
    ProoflineInvoke.js.forEach((f, k) => p["js" + k] = f);
    var c = new WebAssembly.Instance(new WebAssembly.Module(ProoflineInvoke.catchers(sigs)), { p });
    sigs.forEach((s, i) => ProoflineInvoke.slots.set(i, c.exports[s]));
  },
  caught(e, sp) {
    stackRestore(sp);
    if (e !== e + 0) throw e;
    _setThrew(1, 0);
  },
  // the WebAssembly binary encoding, just what these two modules need
  types: { i: 0x7f, p: 0x7f, j: 0x7e, f: 0x7d, d: 0x7c },
  uleb(n) { var b = []; do { var x = n & 0x7f; n >>>= 7; b.push(n ? x | 0x80 : x) } while (n); return b },
  sleb(n) { var b = []; for (;;) { var x = n & 0x7f; n >>= 7; if ((n === 0 && !(x & 0x40)) || (n === -1 && (x & 0x40))) { b.push(x); return b } b.push(x | 0x80) } },
  vec(items) { return [...ProoflineInvoke.uleb(items.length), ...items.flat()] },
  name(s) { return ProoflineInvoke.vec([...s].map(c => c.charCodeAt(0))) },
  section(id, items) { var body = ProoflineInvoke.vec(items); return [id, ...ProoflineInvoke.uleb(body.length), ...body] },
  funcType(params, results) { var W = ProoflineInvoke; return [0x60, ...W.vec(params), ...W.vec(results)] },
  params(sig) { return [...sig.slice(1)].map(c => ProoflineInvoke.types[c]) },
  results(sig) { return sig[0] === "v" ? [] : [ProoflineInvoke.types[sig[0]]] },
  /** invoke_<sig>'s type: the table index, then <sig>'s parameters; the trampoline and its catcher share it */
  invokeType(sig) { var W = ProoflineInvoke; return W.funcType([0x7f, ...W.params(sig)], W.results(sig)) },
  code(locals, body) { var b = [...ProoflineInvoke.vec(locals), ...body, 0x0b]; return [...ProoflineInvoke.uleb(b.length), ...b] },
  module(sections) { return new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...sections.flat()]) },
  tableImport: [0x01, 0x70, 0x00, 0x00],
  // invoke_<sig>(fn, args…) calls slot k of the imported table with the same arguments
  trampolines(sigs) {
    var W = ProoflineInvoke;
    return W.module([
      W.section(1, sigs.map(W.invokeType)),
      W.section(2, [[...W.name("p"), ...W.name("t"), ...W.tableImport]]),
      W.section(3, sigs.map((s, k) => W.uleb(k))),
      W.section(7, sigs.map((s, k) => [...W.name(s), 0x00, ...W.uleb(k)])),
      W.section(10, sigs.map((s, k) => W.code([], [
        0x20, 0x00, ...W.params(s).flatMap((_, i) => [0x20, ...W.uleb(i + 1)]),
        0x41, ...W.sleb(k), 0x11, ...W.uleb(k), 0x00]))),
    ]);
  },
  // <sig>(fn, args…): sp = stack pointer; try { table[fn](args…) } catch (JS exception e) { caught(e, sp); 0 }.
  // C lets a function be called through a pointer of another type, which JavaScript tolerates (missing
  // arguments are 0, extra ones dropped) and call_indirect does not: such calls, and null entries, go to
  // emscripten's own invoke_<sig>, the JS version, as before.
  catchers(sigs) {
    var W = ProoflineInvoke, n = sigs.length;
    var types = [...sigs.map(W.invokeType),
      ...sigs.map(s => W.funcType(W.params(s), W.results(s))),
      W.funcType([], [0x7f]), W.funcType([0x6f, 0x7f], []), W.funcType([0x6f], [])];
    var zero = { 0x7f: [0x41, 0x00], 0x7e: [0x42, 0x00], 0x7d: [0x43, 0, 0, 0, 0], 0x7c: [0x44, 0, 0, 0, 0, 0, 0, 0, 0] };
    var imp = (name, desc) => [...W.name("p"), ...W.name(name), ...desc];
    return W.module([
      W.section(1, types),
      W.section(2, [imp("t", W.tableImport), imp("sp", [0x00, ...W.uleb(2 * n)]),
        imp("caught", [0x00, ...W.uleb(2 * n + 1)]), ...sigs.map((s, k) => imp("js" + k, [0x00, ...W.uleb(k)])),
        imp("tag", [0x04, 0x00, ...W.uleb(2 * n + 2)])]),
      W.section(3, sigs.map((s, k) => W.uleb(k))),
      W.section(7, sigs.map((s, k) => [...W.name(s), 0x00, ...W.uleb(n + 2 + k)])),
      W.section(10, sigs.map((s, k) => {
        var params = W.params(s), results = W.results(s), sp = params.length + 1;
        var block = results.length ? results[0] : 0x40, args = params.flatMap((_, i) => [0x20, ...W.uleb(i + 1)]);
        return W.code([[0x01, 0x7f]], [
          0x10, 0x00, 0x21, ...W.uleb(sp),
          0x06, block,
          0x20, 0x00, 0x25, 0x00, 0xfb, 0x14, ...W.sleb(n + k),
          0x04, block, ...args, 0x20, 0x00, 0x11, ...W.uleb(n + k), 0x00,
          0x05, 0x20, 0x00, ...args, 0x10, ...W.uleb(2 + k), 0x0b,
          0x07, 0x00, 0x20, ...W.uleb(sp), 0x10, 0x01, ...(results.length ? zero[results[0]] : []),
          0x0b]);
      })),
    ]);
  },
};
