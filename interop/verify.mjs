#!/usr/bin/env node
// Verifies a credential (JSON, baked PNG or SVG) fully offline.
import {printJson, usage} from './lib/offline.mjs';
import {parseArgs} from './lib/args.mjs';
import {createDocumentLoader} from './lib/loader.mjs';
import {extractCredential} from './lib/extract.mjs';

const HELP = 'node verify.mjs [--contexts DIR] [--fixtures DIR] [--engine vc|verifier-core] FILE';
const {opts, positional} = parseArgs(process.argv.slice(2),
  {options: ['contexts', 'fixtures', 'engine'], help: HELP});
const engine = opts.engine ?? 'vc';
if(positional.length !== 1 || !['vc', 'verifier-core'].includes(engine)) usage(HELP);

const out = {engine, verified: false, statusChecked: false, revoked: null, suspended: null, errors: []};
try {
  const documentLoader = createDocumentLoader({contextsDir: opts.contexts, fixturesDir: opts.fixtures});
  const credential = extractCredential(positional[0]);
  const verify = engine === 'vc'
    ? (await import('./lib/verify-vc.mjs')).verifyWithVc
    : (await import('./lib/verify-core.mjs')).verifyWithVerifierCore;
  const {verified, statusChecked, revoked, suspended, errors} = await verify({credential, documentLoader});
  Object.assign(out, {verified, statusChecked, revoked, suspended, errors});
} catch(e) {
  out.errors.push(e?.message ?? String(e));
}
printJson(out);
