// Offline JSON-LD document loader: pinned contexts, local did:key, fixtures
// (also for did:web documents, under their https URL).
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

/**
 * The https URL of a did:web DID's document (did:web method, "Read"): the
 * colon-separated path after the host, or /.well-known when there is none.
 */
export function didWebDocumentUrl(did) {
  const [host, ...path] = did.slice('did:web:'.length).split(':').map(decodeURIComponent);
  return `https://${host}/${path.length ? path.join('/') : '.well-known'}/did.json`;
}

/**
 * Resolves a did:web DID or DID URL from the fixture of its document's https
 * URL: the DID document, or the verification method a fragment names (with
 * the document's @context, as did:key resolution gives it).
 */
function resolveDidWeb(url, fixtures) {
  const [did, fragment] = url.split('#');
  const documentUrl = didWebDocumentUrl(did);
  if(!fixtures.has(documentUrl)) throw new OfflineError(`${documentUrl} (for ${url})`);
  const document = structuredClone(fixtures.get(documentUrl));
  if(document.id !== did) {
    throw new Error(`${documentUrl}: DID document id is ${document.id}, expected ${did}`);
  }
  if(fragment === undefined) return document;
  const method = [].concat(document.verificationMethod ?? [])
    .find(m => m.id === url || m.id === `#${fragment}`);
  if(!method) throw new Error(`${documentUrl}: no verification method ${url}`);
  return {'@context': document['@context'], ...method, id: url};
}

export function createDidKeyDriver() {
  const driver = didKey.driver();
  driver.use({multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from});
  return driver;
}

/**
 * documentLoader(url) answering only from local data; anything else throws
 * "offline: refusing to fetch URL ...". Contexts win over fixtures; a did:web
 * URL without a fixture of its own is answered from its document's fixture.
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
    if(url.startsWith('did:web:')) return result(url, resolveDidWeb(url, fixtures));
    throw new OfflineError(url);
  };
  return documentLoader;
}
