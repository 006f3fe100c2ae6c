// The only gradproof code that runs inside the sandbox (plain JS: the child has no tsx and may
// read nothing but this file and the submission). It closes the network in-process (the inner
// layer; the kernel refuses sockets underneath), loads the submission, then answers call batches:
// one JSON line per batch on stdin, one JSON line per answer on fd 3. Everything the submission
// does runs in this process and it can write to fd 3 itself, so nothing here is trusted by the
// parent: it caps, parses and validates every line it reads.
import dgram from 'node:dgram';
import dns from 'node:dns';
import { writeSync } from 'node:fs';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { syncBuiltinESMExports } from 'node:module';
import { pathToFileURL } from 'node:url';

const REPLY_FD = 3;

/** Replaces every socket entry point; the originals are kept nowhere the submission can reach. */
function closeNetwork() {
  const deny = (what) =>
    function denied() {
      const e = new Error(`sandbox: network access denied (${what})`);
      e.code = 'ERR_SANDBOX_NETWORK';
      throw e;
    };
  const lock = (obj, key, what) => Object.defineProperty(obj, key, { value: deny(what), writable: false, configurable: false });
  for (const k of ['connect', 'createConnection', 'createServer']) lock(net, k, `net.${k}`);
  lock(net.Socket.prototype, 'connect', 'net.Socket#connect');
  lock(net.Server.prototype, 'listen', 'net.Server#listen');
  for (const k of ['createSocket']) lock(dgram, k, `dgram.${k}`);
  for (const k of ['bind', 'send', 'connect']) lock(dgram.Socket.prototype, k, `dgram.Socket#${k}`);
  for (const [m, name] of [[http, 'http'], [https, 'https']]) for (const k of ['request', 'get', 'createServer']) lock(m, k, `${name}.${k}`);
  for (const k of ['connect', 'createServer', 'createSecureServer']) lock(http2, k, `http2.${k}`);
  for (const k of ['connect', 'createServer']) lock(tls, k, `tls.${k}`);
  for (const k of ['lookup', 'resolve', 'resolve4', 'resolve6']) lock(dns, k, `dns.${k}`);
  for (const k of ['fetch', 'WebSocket', 'EventSource']) {
    if (k in globalThis) Object.defineProperty(globalThis, k, { value: deny(k), writable: false, configurable: false });
  }
  // Named ESM imports of builtins (`import { connect } from 'node:net'`) see the patched values.
  syncBuiltinESMExports();
}

const MAX_ELEMENTS = 1_000_000;

/** Plain numbers and (nested) arrays pass; NaN and ±Infinity, which JSON lacks, are tagged; anything else is described. */
function toPlain(value, depth, budget) {
  if (typeof value === 'number') return Number.isFinite(value) ? value : { $num: String(value) };
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) value = Array.from(value);
  if (Array.isArray(value)) {
    if (depth > 3) return { $type: 'array nested deeper than 3 levels' };
    budget.n += value.length;
    if (budget.n > MAX_ELEMENTS) throw new Error(`output larger than ${MAX_ELEMENTS} numbers`);
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = toPlain(value[i], depth + 1, budget);
    return out;
  }
  return { $type: value === null ? 'null' : typeof value === 'object' ? `object ${Object.prototype.toString.call(value)}` : typeof value };
}

function describe(e) {
  try {
    if (e instanceof Error) return `${e.name}: ${e.message}`.slice(0, 500);
    return `threw ${typeof e} ${String(e)}`.slice(0, 500);
  } catch {
    return `threw ${typeof e}`;
  }
}

/** Writes one line to the parent, whole, even when the pipe is full for a moment. */
function send(message) {
  const buf = Buffer.from(`${JSON.stringify(message)}\n`, 'utf8');
  let at = 0;
  while (at < buf.length) {
    try {
      at += writeSync(REPLY_FD, buf, at, buf.length - at);
    } catch (e) {
      if (e.code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}

closeNetwork();
let mod;
try {
  mod = await import(pathToFileURL(process.argv[2]).href);
} catch (e) {
  send({ type: 'load-error', error: describe(e) });
  process.exit(0);
}
// A CommonJS submission (module.exports = { l1, … }) arrives as the default export.
const api = (o) => (o !== null && (typeof o === 'object' || typeof o === 'function') ? o : {});
const lookup = (name) => (typeof mod[name] === 'function' ? mod[name] : api(mod.default)[name]);

async function answer(line) {
  const msg = JSON.parse(line);
  const results = [];
  for (const call of msg.calls) {
    try {
      const f = lookup(call.fn);
      if (typeof f !== 'function') throw new Error(`${call.fn} is not an exported function`);
      const value = await f(...call.args);
      results.push({ ok: true, value: toPlain(value, 0, { n: 0 }) });
    } catch (e) {
      results.push({ ok: false, error: describe(e) });
    }
  }
  send({ type: 'reply', id: msg.id, results });
}

send({ type: 'ready' });
let pending = '';
let queue = Promise.resolve();
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  pending += chunk;
  let nl;
  while ((nl = pending.indexOf('\n')) >= 0) {
    const line = pending.slice(0, nl);
    pending = pending.slice(nl + 1);
    queue = queue.then(() => answer(line));
  }
});
process.stdin.on('end', () => process.exit(0));
