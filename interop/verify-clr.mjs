#!/usr/bin/env node
// Verifies a CLR 2.0 ClrCredential fully offline with @digitalbazaar/vc: the
// outer (platform's) proof, then every credential nested in
// credentialSubject.verifiableCredential on its own, with its own issuer and status.
import fs from 'node:fs';
import {printJson, usage} from './lib/offline.mjs';
import {parseArgs} from './lib/args.mjs';
import {createDocumentLoader} from './lib/loader.mjs';
import {verifyWithVc} from './lib/verify-vc.mjs';

const HELP = 'node verify-clr.mjs [--contexts DIR] [--fixtures DIR] FILE';
const {opts, positional} = parseArgs(process.argv.slice(2), {options: ['contexts', 'fixtures'], help: HELP});
if(positional.length !== 1) usage(HELP);

const out = {engine: 'vc', verified: false, clrVerified: false, nested: [], errors: []};
try {
  const documentLoader = createDocumentLoader({contextsDir: opts.contexts, fixturesDir: opts.fixtures});
  const clr = JSON.parse(fs.readFileSync(positional[0], 'utf8'));
  if(![].concat(clr.type ?? []).includes('ClrCredential')) throw new Error('not a ClrCredential');
  const outer = await verifyWithVc({credential: clr, documentLoader});
  out.clrVerified = outer.verified;
  out.errors.push(...outer.errors);
  for(const credential of [].concat(clr.credentialSubject?.verifiableCredential ?? [])) {
    if(typeof credential === 'string') {
      out.nested.push({verified: false, errors: ['VC-JWT is not supported by @digitalbazaar/vc']});
      continue;
    }
    const {verified, statusChecked, revoked, suspended, errors} = await verifyWithVc({credential, documentLoader});
    out.nested.push({verified, statusChecked, revoked, suspended, errors});
  }
  out.verified = out.clrVerified && out.nested.length > 0 && out.nested.every(n => n.verified);
} catch(e) {
  out.errors.push(e?.message ?? String(e));
}
printJson(out);
