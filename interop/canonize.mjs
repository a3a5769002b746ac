#!/usr/bin/env node
// Canonical N-Quads (RDFC-1.0, rdf-canonize's defaults) of JSON-LD files, fully offline.
// Prints one JSON object: {FILE: "n-quads"} or {FILE: {"error": "..."}} for each file.
import fs from 'node:fs';
import jsonld from 'jsonld';
import {printJson, usage} from './lib/offline.mjs';
import {parseArgs} from './lib/args.mjs';
import {createDocumentLoader} from './lib/loader.mjs';

const HELP = 'node canonize.mjs [--contexts DIR] FILE...';
const {opts, positional} = parseArgs(process.argv.slice(2), {options: ['contexts'], help: HELP});
if(positional.length === 0) usage(HELP);

const documentLoader = createDocumentLoader({contextsDir: opts.contexts});
const out = {};
for(const file of positional) {
  try {
    const document = JSON.parse(fs.readFileSync(file, 'utf8'));
    out[file] = await jsonld.canonize(document, {
      algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader, safe: false
    });
  } catch(e) {
    out[file] = {error: e?.message ?? String(e)};
  }
}
printJson(out);
