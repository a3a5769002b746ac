#!/usr/bin/env node
// Prints a signed BitstringStatusListCredential with the given bits set.
import {printJson, usage} from './lib/offline.mjs';
import {parseArgs} from './lib/args.mjs';
import {createDocumentLoader} from './lib/loader.mjs';
import {readKey} from './lib/suite.mjs';
import {issueCredential} from './lib/issue.mjs';
import {createList, createCredential} from '@digitalbazaar/vc-bitstring-status-list';

const HELP = 'node status-list.mjs --key KEYFILE --id URL [--revoked 5,17] ' +
  '[--length 131072] [--purpose revocation|suspension] [--contexts DIR]';
const {opts, positional} = parseArgs(process.argv.slice(2),
  {options: ['key', 'id', 'revoked', 'length', 'purpose', 'contexts'], help: HELP});
const length = Number(opts.length ?? 131072);
const indexes = (opts.revoked ?? '').split(',').filter(s => s.trim() !== '').map(Number);
if(!opts.key || !opts.id || positional.length || !Number.isInteger(length) || length <= 0 ||
  indexes.some(i => !Number.isInteger(i) || i < 0 || i >= length)) usage(HELP);

try {
  const keyPair = await readKey(opts.key);
  const list = await createList({length});
  for(const i of indexes) list.setStatus(i, true);
  const credential = await createCredential({id: opts.id, list, statusPurpose: opts.purpose ?? 'revocation'});
  credential.issuer = keyPair.controller;
  credential.validFrom = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const documentLoader = createDocumentLoader({contextsDir: opts.contexts});
  printJson(await issueCredential({credential, keyPair, documentLoader}));
} catch(e) {
  printJson({error: e?.message ?? String(e)});
  process.exitCode = 1;
}
