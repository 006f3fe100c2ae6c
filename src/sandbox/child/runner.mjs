// The only gradproof code that runs inside the sandbox (plain JS: the child has no tsx and may
// read nothing but this file and the submission). It closes the network, reports its pid (so the
// parent can watch its memory), loads the submission, then answers call batches over IPC.
// Everything the submission does runs in this process, so nothing here is trusted by the parent:
// the parent re-validates every reply.
import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { syncBuiltinESMExports } from 'node:module';
import { pathToFileURL } from 'node:url';

const send = process.send?.bind(process);
if (!send) {
  process.stderr.write('sandbox runner: no IPC channel (start it through openSandbox)\n');
  process.exit(70);
}

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

/** Plain numbers and (nested) arrays pass; anything else is described, never sent as is. */
function toPlain(value, depth, budget) {
  if (typeof value === 'number') return value;
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
  if (e instanceof Error) return `${e.name}: ${e.message}`.slice(0, 500);
  try {
    return `threw ${typeof e} ${String(e)}`.slice(0, 500);
  } catch {
    return `threw ${typeof e}`;
  }
}

closeNetwork();
send({ type: 'pid', pid: process.pid });
let mod;
try {
  mod = await import(pathToFileURL(process.argv[2]).href);
} catch (e) {
  send({ type: 'load-error', error: describe(e) });
  // Let the message flush before leaving; the parent kills us if we linger.
  setTimeout(() => process.exit(0), 50);
}
if (mod) {
  // A CommonJS submission (module.exports = { l1, … }) arrives as the default export.
  const api = (o) => (o !== null && (typeof o === 'object' || typeof o === 'function') ? o : {});
  const lookup = (name) => (typeof mod[name] === 'function' ? mod[name] : api(mod.default)[name]);
  let exportsList;
  try {
    const names = new Set([...Object.keys(mod), ...Object.keys(api(mod.default))]);
    exportsList = [...names].map((k) => `${k}:${typeof lookup(k)}`);
  } catch (e) {
    send({ type: 'load-error', error: `cannot list exports (${describe(e)})` });
    exportsList = [];
  }
  send({ type: 'ready', exports: exportsList });
  process.on('message', async (msg) => {
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
  });
  process.on('disconnect', () => process.exit(0));
}
