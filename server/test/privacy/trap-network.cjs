// Preload (`node --require`) that makes any network attempt fail the process: exit 99 and a marker on stderr.
"use strict";

const MARKER = "SAFEHARBOR-NETWORK-ATTEMPT";

/** Reports the attempt and ends the process at once (no cleanup can hide it). */
function trap(what) {
  return function trapped() {
    try {
      require("fs").writeSync(2, `${MARKER} ${what}\n`);
    } finally {
      process.reallyExit ? process.reallyExit(99) : process.exit(99);
    }
  };
}

function replace(moduleName, names) {
  const mod = require(moduleName);
  for (const name of names) {
    if (typeof mod[name] === "function") mod[name] = trap(`${moduleName}.${name}`);
  }
  return mod;
}

replace("net", ["connect", "createConnection"]);
replace("tls", ["connect"]);
replace("http", ["request", "get"]);
replace("https", ["request", "get"]);
replace("http2", ["connect"]);
replace("dgram", ["createSocket"]);
replace("dns", ["lookup", "lookupService", "resolve", "resolve4", "resolve6", "resolveAny", "resolveCname", "resolveMx", "resolveNs", "resolveTxt", "resolveSrv", "resolvePtr", "resolveNaptr", "resolveSoa", "resolveCaa", "reverse"]);
const dnsPromises = require("dns").promises;
for (const name of Object.keys(dnsPromises)) {
  if (typeof dnsPromises[name] === "function" && /^(lookup|resolve|reverse)/.test(name)) dnsPromises[name] = trap(`dns.promises.${name}`);
}
// A socket made directly (new net.Socket().connect) is caught too.
const net = require("net");
net.Socket.prototype.connect = trap("net.Socket.connect");
for (const name of ["fetch", "WebSocket", "EventSource"]) {
  if (typeof globalThis[name] === "function") globalThis[name] = trap(name);
}
