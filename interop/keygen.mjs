#!/usr/bin/env node
// Prints a fresh Ed25519 did:key Multikey (with secretKeyMultibase) as JSON.
import {printJson, usage} from './lib/offline.mjs';
import {generateKey} from './lib/suite.mjs';

if(process.argv.length > 2) usage('node keygen.mjs > key.json');
printJson(await generateKey());
