/* proofline: on Lean's worker threads, read the .olean library (the LEAN_PATH directories) with Node's fs
   directly instead of proxying each open/stat/read/seek/close to the main thread, which answers only
   when it wakes up (~0.6 ms a call, ~9 s of an `import Lean.Elab.Frontend`). Read-only regular files
   and stats under those roots only; everything else still goes through the main thread's file system.
   The numbers are this build's proxied function indices (the file is checked by hash before patching). */
var ProoflineReads = {
  path: require("path"),
  roots: ENVIRONMENT_IS_PTHREAD
    ? (process.env.LEAN_PATH || "").split(":").filter(p => p).map(p => require("path").normalize(p + "/"))
    : [],
  files: new Map(),
  nextFd: 1 << 20,
  under(ptr) {
    var p = ProoflineReads.path.normalize(UTF8ToString(ptr));
    return ProoflineReads.roots.some(r => p.startsWith(r)) ? p : null;
  },
  stat(p, buf) {
    var st;
    try { st = fs.statSync(p) } catch (e) { return -44 }
    return SYSCALLS.writeStat(buf, st);
  },
  readv(file, iov, iovcnt, pos) {
    var n = 0;
    for (var i = 0; i < iovcnt; i++) {
      var ptr = (growMemViews(), HEAPU32)[iov + 8 * i >> 2], len = HEAPU32[iov + 8 * i + 4 >> 2];
      var got = fs.readSync(file.fd, HEAPU8, ptr, len, pos + n);
      n += got;
      if (got < len) break;
    }
    return n;
  },
  /* the syscall's result, or undefined to proxy it as before */
  call(index, a) {
    if (!ProoflineReads.roots.length) return undefined;
    var p, f;
    switch (index) {
      case 34: /* openat(dirfd, path, flags, mode) */
        if (a[2] & 3) return undefined;
        p = ProoflineReads.under(a[1]);
        if (!p) return undefined;
        try {
          if (!fs.statSync(p).isFile()) return undefined;
          f = { fd: fs.openSync(p, "r"), pos: 0 };
        } catch (e) { return -44 }
        ProoflineReads.files.set(ProoflineReads.nextFd, f);
        return ProoflineReads.nextFd++;
      case 45: case 30: /* stat64, lstat64(path, buf) */
        p = ProoflineReads.under(a[0]);
        return p ? ProoflineReads.stat(p, a[1]) : undefined;
      case 33: /* newfstatat(dirfd, path, buf, flags) */
        p = ProoflineReads.under(a[1]);
        return p ? ProoflineReads.stat(p, a[2]) : undefined;
      case 20: /* fstat64(fd, buf) */
        f = ProoflineReads.files.get(a[0]);
        return f ? SYSCALLS.writeStat(a[1], fs.fstatSync(f.fd)) : undefined;
      case 158: /* fd_read(fd, iov, iovcnt, pnum) */
        f = ProoflineReads.files.get(a[0]);
        if (!f) return undefined;
        var n = ProoflineReads.readv(f, a[1], a[2], f.pos);
        f.pos += n;
        (growMemViews(), HEAPU32)[a[3] >> 2] = n;
        return 0;
      case 156: /* fd_pread(fd, iov, iovcnt, offset, pnum) */
        f = ProoflineReads.files.get(a[0]);
        if (!f) return undefined;
        var m = ProoflineReads.readv(f, a[1], a[2], Number(a[3]));
        (growMemViews(), HEAPU32)[a[4] >> 2] = m;
        return 0;
      case 159: /* fd_seek(fd, offset, whence, newOffset) */
        f = ProoflineReads.files.get(a[0]);
        if (!f) return undefined;
        var off = Number(a[1]);
        f.pos = a[2] == 0 ? off : a[2] == 1 ? f.pos + off : fs.fstatSync(f.fd).size + off;
        (growMemViews(), HEAP64)[a[3] >> 3] = BigInt(f.pos);
        return 0;
      case 154: /* fd_close(fd) */
        f = ProoflineReads.files.get(a[0]);
        if (!f) return undefined;
        fs.closeSync(f.fd);
        ProoflineReads.files.delete(a[0]);
        return 0;
    }
    return undefined;
  }
};
