#!/usr/bin/env node
// Verifies a Data Integrity presentation (and the credentials in it) fully offline
// with @digitalbazaar/vc: authentication proof purpose, challenge and domain.
import fs from 'node:fs';
import * as vc from '@digitalbazaar/vc';
import {printJson, usage} from './lib/offline.mjs';
import {parseArgs} from './lib/args.mjs';
import {createDocumentLoader} from './lib/loader.mjs';
import {verifySuite} from './lib/suite.mjs';
import {errorMessages} from './lib/verify-vc.mjs';

const HELP = 'node verify-presentation.mjs --challenge C [--domain D] [--fixtures DIR] FILE';
const {opts, positional} = parseArgs(process.argv.slice(2),
  {options: ['challenge', 'domain', 'fixtures', 'contexts'], help: HELP});
if(positional.length !== 1 || !opts.challenge) usage(HELP);

const out = {engine: 'vc', verified: false, presentationVerified: false, credentialsVerified: [], errors: []};
try {
  const documentLoader = createDocumentLoader({contextsDir: opts.contexts, fixturesDir: opts.fixtures});
  const presentation = JSON.parse(fs.readFileSync(positional[0], 'utf8'));
  const result = await vc.verify({
    presentation, challenge: opts.challenge, domain: opts.domain,
    suite: verifySuite(), documentLoader
  });
  out.verified = result.verified === true;
  out.presentationVerified = result.presentationResult?.verified === true;
  out.credentialsVerified = (result.credentialResults ?? []).map(r => r.verified === true);
  out.errors = [...new Set([
    ...errorMessages(result.error),
    ...errorMessages(result.presentationResult?.error),
    ...(result.credentialResults ?? []).flatMap(r => errorMessages(r.error))
  ])];
} catch(e) {
  out.errors.push(e?.message ?? String(e));
}
printJson(out);
