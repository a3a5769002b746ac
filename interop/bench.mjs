#!/usr/bin/env node
// JS reference benchmark: sequential (single-thread) issue/s and verify/s.
import fs from 'node:fs';
import {printJson, usage} from './lib/offline.mjs';
import {parseArgs} from './lib/args.mjs';
import {createDocumentLoader} from './lib/loader.mjs';
import {readKey, verifySuite} from './lib/suite.mjs';
import {issueCredential} from './lib/issue.mjs';
import * as vc from '@digitalbazaar/vc';

const HELP = 'node bench.mjs --key KEYFILE [--seconds 10] [--contexts DIR] [--fixtures DIR] UNSIGNED.json\n' +
  '  --seconds is the measured time, split evenly between issue and verify';
const {opts, positional} = parseArgs(process.argv.slice(2),
  {options: ['key', 'seconds', 'contexts', 'fixtures'], help: HELP});
const seconds = Number(opts.seconds ?? 10);
if(!opts.key || positional.length !== 1 || !(seconds > 0)) usage(HELP);

/** Runs fn repeatedly for ms milliseconds; returns {count, elapsedMs}. */
async function loop(fn, ms) {
  const start = performance.now();
  let count = 0;
  while(performance.now() - start < ms) {
    await fn();
    count++;
  }
  return {count, elapsedMs: performance.now() - start};
}

try {
  const keyPair = await readKey(opts.key);
  const credential = JSON.parse(fs.readFileSync(positional[0], 'utf8'));
  // the issuer must be the key's controller for the signature to verify
  if(credential.issuer && typeof credential.issuer === 'object') credential.issuer.id = keyPair.controller;
  else credential.issuer = keyPair.controller;
  const documentLoader = createDocumentLoader({contextsDir: opts.contexts, fixturesDir: opts.fixtures});
  const suite = verifySuite();
  const issue = () => issueCredential({credential, keyPair, documentLoader});
  const signed = await issue();
  // Proof verification only, the same work as Credence's verifyProof benchmark: a credential with
  // a status entry would otherwise need its status list, which is not what is being compared.
  const checkStatus = async () => ({verified: true});
  const verify = async () => {
    const r = await vc.verifyCredential({credential: signed, suite, documentLoader, checkStatus});
    if(!r.verified) throw new Error(`benchmark credential did not verify: ${r.error?.message}`);
  };
  await verify();
  // warm-up: let the JIT and jsonld's context cache settle
  const warm = Math.min(2000, seconds * 200);
  await loop(issue, warm);
  await loop(verify, warm);
  const half = seconds * 500;
  const i = await loop(issue, half);
  const v = await loop(verify, half);
  const rate = r => Math.round(r.count / (r.elapsedMs / 1000) * 10) / 10;
  printJson({
    issuePerSecond: rate(i), verifyPerSecond: rate(v), iterations: i.count + v.count,
    issueIterations: i.count, verifyIterations: v.count, seconds, node: process.version
  });
} catch(e) {
  printJson({error: e?.message ?? String(e)});
  process.exitCode = 1;
}
