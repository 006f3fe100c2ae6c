/**
 * A seccomp program (classic BPF, as bubblewrap's `--seccomp FD` reads it) that makes the kernel
 * refuse every socket but a Unix one: `socket(domain ≠ AF_UNIX)` and `io_uring_setup` (whose
 * operations open sockets without the socket syscall) fail with EACCES, and so does any syscall
 * made through another ABI (x32, or 32-bit entry points), which the filter cannot read the same
 * way. Everything else is allowed: Node needs no other socket, and the grader's pipes are made
 * before the sandbox starts.
 *
 * Written by hand, not with libseccomp: the program is 14 instructions, and libseccomp would be
 * a native dependency (or a Python one) for the grader only.
 * Returns null on an architecture this table does not know (the layer is then reported missing).
 */
export function socketFilter(arch: string = process.arch): Buffer | null {
  const abi = ABIS[arch];
  if (!abi) return null;
  const prog: [number, number, number, number][] = [];
  const op = (code: number, jt: number, jf: number, k: number) => prog.push([code, jt, jf, k >>> 0]);
  op(LD_ABS, 0, 0, OFFSET_ARCH);
  op(JEQ, 1, 0, abi.auditArch);
  op(RET, 0, 0, DENY);
  op(LD_ABS, 0, 0, OFFSET_NR);
  // x32 syscalls on x86-64 carry bit 30 in their number.
  op(JGE, 0, 1, abi.x32Bit ?? 0xffffffff);
  op(RET, 0, 0, DENY);
  op(JEQ, 0, 4, abi.socket);
  op(LD_ABS, 0, 0, OFFSET_ARG0_LOW);
  op(JEQ, 0, 1, AF_UNIX);
  op(RET, 0, 0, ALLOW);
  op(RET, 0, 0, DENY);
  op(JEQ, 0, 1, IO_URING_SETUP);
  op(RET, 0, 0, DENY);
  op(RET, 0, 0, ALLOW);
  const out = Buffer.alloc(prog.length * 8);
  prog.forEach(([code, jt, jf, k], i) => {
    out.writeUInt16LE(code, i * 8);
    out.writeUInt8(jt, i * 8 + 2);
    out.writeUInt8(jf, i * 8 + 3);
    out.writeUInt32LE(k, i * 8 + 4);
  });
  return out;
}

interface Abi {
  readonly auditArch: number;
  readonly socket: number;
  readonly x32Bit?: number;
}

// linux/audit.h and each architecture's syscall table.
const ABIS: Readonly<Record<string, Abi>> = {
  x64: { auditArch: 0xc000003e, socket: 41, x32Bit: 0x40000000 },
  arm64: { auditArch: 0xc00000b7, socket: 198 },
};
const IO_URING_SETUP = 425; // the same number on every architecture since 5.1
const AF_UNIX = 1;
// struct seccomp_data: int nr; __u32 arch; __u64 instruction_pointer; __u64 args[6] (little-endian).
const OFFSET_NR = 0;
const OFFSET_ARCH = 4;
const OFFSET_ARG0_LOW = 16;
const LD_ABS = 0x20; // BPF_LD | BPF_W | BPF_ABS
const JEQ = 0x15; // BPF_JMP | BPF_JEQ | BPF_K
const JGE = 0x35; // BPF_JMP | BPF_JGE | BPF_K
const RET = 0x06; // BPF_RET | BPF_K
const ALLOW = 0x7fff0000; // SECCOMP_RET_ALLOW
const EACCES = 13;
const DENY = 0x00050000 | EACCES; // SECCOMP_RET_ERRNO
