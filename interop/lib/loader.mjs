// Offline JSON-LD document loader: pinned contexts, local did:key, fixtures.
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import * as didKey from '@digitalbazaar/did-method-key';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {OfflineError, setFetchFixtures} from './offline.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_CONTEXTS_DIR = path.resolve(
  here, '../../credence-core/src/main/resources/org/credence/core/contexts');

const readJson = file => JSON.parse(fs.readFileSync(file, 'utf8'));

/** URL -> parsed context, from index.json ({url: {file, source}}). */
export function loadContexts(dir = DEFAULT_CONTEXTS_DIR) {
  const index = readJson(path.join(dir, 'index.json'));
  const contexts = new Map();
  for(const [url, {file}] of Object.entries(index)) {
    contexts.set(url, readJson(path.join(dir, file)));
  }
  return contexts;
}

/** URL -> document, from every *.json {"url", "document"} file in dir. */
export function loadFixtures(dir) {
  const fixtures = new Map();
  if(!dir) return fixtures;
  for(const name of fs.readdirSync(dir).sort()) {
    if(!name.endsWith('.json')) continue;
    const entry = readJson(path.join(dir, name));
    if(typeof entry?.url === 'string' && entry.document !== undefined) {
      fixtures.set(entry.url, entry.document);
    }
  }
  return fixtures;
}

export function createDidKeyDriver() {
  const driver = didKey.driver();
  driver.use({multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from});
  return driver;
}

/**
 * documentLoader(url) answering only from local data; anything else throws
 * "offline: refusing to fetch URL ...". Contexts win over fixtures.
 */
export function createDocumentLoader({contextsDir, fixturesDir} = {}) {
  const contexts = loadContexts(contextsDir || DEFAULT_CONTEXTS_DIR);
  const fixtures = loadFixtures(fixturesDir);
  const didKeyDriver = createDidKeyDriver();
  setFetchFixtures(url => fixtures.has(url) ? structuredClone(fixtures.get(url)) : undefined);
  const result = (url, document) => ({contextUrl: null, documentUrl: url, document});

  const documentLoader = async url => {
    if(contexts.has(url)) return result(url, contexts.get(url));
    if(url.startsWith('did:key:')) {
      return result(url, await didKeyDriver.get({url}));
    }
    if(fixtures.has(url)) return result(url, structuredClone(fixtures.get(url)));
    throw new OfflineError(url);
  };
  return documentLoader;
}
