#!/usr/bin/env node
// Signs an unsigned credential with eddsa-rdfc-2022 and prints it.
import fs from 'node:fs';
import {printJson, usage} from './lib/offline.mjs';
import {parseArgs} from './lib/args.mjs';
import {createDocumentLoader} from './lib/loader.mjs';
import {readKey} from './lib/suite.mjs';
import {issueCredential} from './lib/issue.mjs';

const HELP = 'node issue.mjs --key KEYFILE [--contexts DIR] [--set-issuer] UNSIGNED.json\n' +
  '  --set-issuer  replace issuer (or issuer.id) with the key controller DID first';
const {opts, positional} = parseArgs(process.argv.slice(2), {options: ['key', 'contexts'], flags: ['set-issuer'], help: HELP});
if(!opts.key || positional.length !== 1) usage(HELP);

try {
  const keyPair = await readKey(opts.key);
  const credential = JSON.parse(fs.readFileSync(positional[0], 'utf8'));
  if(opts['set-issuer']) {
    if(credential.issuer && typeof credential.issuer === 'object') credential.issuer.id = keyPair.controller;
    else credential.issuer = keyPair.controller;
  }
  const documentLoader = createDocumentLoader({contextsDir: opts.contexts});
  printJson(await issueCredential({credential, keyPair, documentLoader}));
} catch(e) {
  printJson({error: e?.message ?? String(e)});
  process.exitCode = 1;
}
