// Network guard: every command imports this first. Nothing in the harness may
// reach the network; any attempt fails loudly instead of silently fetching.
import http from 'node:http';
import https from 'node:https';

export class OfflineError extends Error {
  constructor(url) {
    super(`offline: refusing to fetch URL ${url}`);
    this.name = 'OfflineError';
  }
}

const refuse = target => () => { throw new OfflineError(String(target)); };

// Fixture-backed fetch (used e.g. by verifier-core's JSON schema check); set by
// setFetchFixtures(). Anything not in the fixtures is refused.
let fixtureLookup = () => undefined;
export function setFetchFixtures(lookup) { fixtureLookup = lookup; }

globalThis.fetch = async input => {
  const url = typeof input === 'string' ? input : (input?.url ?? String(input));
  const doc = fixtureLookup(url);
  if(doc === undefined) throw new OfflineError(url);
  return new Response(JSON.stringify(doc), {
    status: 200, headers: {'content-type': 'application/json'}
  });
};
for(const mod of [http, https]) {
  mod.request = (...args) => refuse(args[0]?.href ?? args[0]?.host ?? args[0])();
  mod.get = mod.request;
}

// Library code sometimes logs with console.log; keep stdout for our one JSON.
console.log = console.info = console.debug = (...a) => console.error(...a);

/** Prints exactly one JSON object on stdout. */
export function printJson(obj) {
  process.stdout.write(JSON.stringify(obj, null, 2) + '\n');
}

/** Exits with code 2 for command misuse (usage errors only). */
export function usage(msg) {
  process.stderr.write(`usage: ${msg}\n`);
  process.exit(2);
}
