/**
 * Preload (`node --require tests/robustness/no-network.cjs`): every way out
 * to the network writes one line to stderr and throws.
 *
 *   NETWORK-ATTEMPT <what> <first stack frame outside this file>
 *
 * The line is written before the throw, so an attempt is seen even when the
 * caller swallows the error. Only outgoing calls are replaced: the standard
 * streams of a process (net.Socket on a file descriptor, never `connect`)
 * keep working, so a language server on stdio runs as usual.
 */
'use strict';

const fs = require('node:fs');

const MARKER = 'NETWORK-ATTEMPT';

function callerFrame() {
  const lines = String(new Error().stack || '').split('\n').slice(1);
  const outside = lines.find((l) => !l.includes(__filename));
  return (outside || lines[0] || '').trim();
}

function block(what) {
  return function blockedNetworkCall() {
    try {
      fs.writeSync(2, `${MARKER} ${what} ${callerFrame()}\n`);
    } catch {
      /* stderr closed: the throw still stops the call */
    }
    const err = new Error(`network access blocked (${what})`);
    err.code = 'ENETWORKBLOCKED';
    throw err;
  };
}

function replace(obj, key, what) {
  if (!obj || typeof obj[key] !== 'function') return;
  Object.defineProperty(obj, key, { value: block(what), writable: true, configurable: true, enumerable: true });
}

const net = require('node:net');
replace(net, 'connect', 'net.connect');
replace(net, 'createConnection', 'net.createConnection');
replace(net.Socket.prototype, 'connect', 'net.Socket.prototype.connect');

const tls = require('node:tls');
replace(tls, 'connect', 'tls.connect');

for (const name of ['http', 'https']) {
  const mod = require(`node:${name}`);
  replace(mod, 'request', `${name}.request`);
  replace(mod, 'get', `${name}.get`);
  // An Agent took net.createConnection before this file ran; a ClientRequest built directly goes through it.
  replace(mod.Agent && mod.Agent.prototype, 'createConnection', `${name}.Agent.prototype.createConnection`);
  if (mod.globalAgent) replace(mod.globalAgent, 'createConnection', `${name}.globalAgent.createConnection`);
}

const http2 = require('node:http2');
replace(http2, 'connect', 'http2.connect');

const dns = require('node:dns');
const DNS_CALLS = (obj) => Object.getOwnPropertyNames(obj).filter((k) => k === 'lookup' || k === 'lookupService' || k === 'reverse' || k.startsWith('resolve'));
for (const k of DNS_CALLS(dns)) replace(dns, k, `dns.${k}`);
if (dns.Resolver) for (const k of DNS_CALLS(dns.Resolver.prototype)) replace(dns.Resolver.prototype, k, `dns.Resolver.prototype.${k}`);
const dnsPromises = require('node:dns/promises');
for (const k of DNS_CALLS(dnsPromises)) replace(dnsPromises, k, `dns.promises.${k}`);
if (dnsPromises.Resolver) for (const k of DNS_CALLS(dnsPromises.Resolver.prototype)) replace(dnsPromises.Resolver.prototype, k, `dns.promises.Resolver.prototype.${k}`);

const dgram = require('node:dgram');
replace(dgram, 'createSocket', 'dgram.createSocket');

for (const g of ['fetch', 'WebSocket', 'EventSource']) replace(globalThis, g, g);
