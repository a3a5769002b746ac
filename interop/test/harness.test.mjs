// End-to-end tests of the interop commands, run as subprocesses like the Java suite does.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {extractCredential} from '../lib/extract.mjs';
import {didWebDocumentUrl} from '../lib/loader.mjs';

const interop = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vectors = [process.env.CREDENCE_VECTORS, path.resolve(interop, '../../shared/vectors'), '/work/shared/vectors']
  .find(dir => dir && fs.existsSync(path.join(dir, 'manifest.json')));
const noVectors = vectors ? false : 'shared/vectors not found (set CREDENCE_VECTORS)';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'credence-interop-'));

function run(script, ...args) {
  return JSON.parse(execFileSync('node', [path.join(interop, script), ...args],
    {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}));
}
const write = (name, obj) => {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, typeof obj === 'string' ? obj : JSON.stringify(obj, null, 2));
  return file;
};
const readJson = file => JSON.parse(fs.readFileSync(file, 'utf8'));
const key = write('key.json', run('keygen.mjs'));
const controller = readJson(key).controller;

function issue(sample, credentialStatus) {
  const unsigned = readJson(path.join(interop, 'samples', sample));
  unsigned.issuer.id = controller;
  if(credentialStatus) unsigned.credentialStatus = credentialStatus;
  return run('issue.mjs', '--key', key, write(`unsigned-${sample}`, unsigned));
}

test('manifest vectors without offline options match the reference verdict', {skip: noVectors}, () => {
  const manifest = readJson(path.join(vectors, 'manifest.json')).filter(v => !v.offlineOptions);
  for(const vector of manifest) {
    const out = run('verify.mjs', '--fixtures', path.join(vectors, 'fixtures'), path.join(vectors, vector.file));
    const expectValid = vector.referenceVerdict.startsWith('VALID');
    assert.equal(out.verified, expectValid, `${vector.file}: ${JSON.stringify(out)}`);
    if(vector.referenceVerdict === 'REVOKED') assert.equal(out.revoked, true, vector.file);
  }
});

test('verifier-core engine agrees on valid, revoked and tampered DCC vectors', {skip: noVectors}, () => {
  const fixtures = path.join(vectors, 'fixtures');
  const verify = name => run('verify.mjs', '--engine', 'verifier-core', '--fixtures', fixtures,
    path.join(vectors, 'dcc-verifier-core', name));
  assert.equal(verify('v2__v2WithValidStatus.json').verified, true);
  const revoked = verify('v2__v2Revoked.json');
  assert.deepEqual([revoked.verified, revoked.statusChecked, revoked.revoked], [false, true, true]);
});

test('tampered credentials fail with both engines', {skip: noVectors}, () => {
  const signed = readJson(path.join(vectors, 'dcc-verifier-core/v2__v2NoStatus.json'));
  signed.credentialSubject.achievement.name = 'Teamwork!';
  const file = write('tampered-vector.json', signed);
  for(const engine of ['vc', 'verifier-core']) {
    assert.equal(run('verify.mjs', '--engine', engine, file).verified, false, engine);
  }
});

test('a credential issued here with non-ASCII text verifies in both engines', () => {
  const signed = issue('ob3-international.json');
  assert.equal(signed.proof.cryptosuite, 'eddsa-rdfc-2022');
  const file = write('intl-signed.json', signed);
  for(const engine of ['vc', 'verifier-core']) {
    assert.deepEqual(run('verify.mjs', '--engine', engine, file),
      {engine, verified: true, statusChecked: false, revoked: null, suspended: null, errors: []});
  }
  signed.credentialSubject.achievement.name = signed.credentialSubject.achievement.name.replace('跨', '夸');
  assert.equal(run('verify.mjs', write('intl-tampered.json', signed)).verified, false);
});

test('a bit set in our status list shows as revoked', () => {
  const url = 'https://credence.example/status/7';
  const list = run('status-list.mjs', '--key', key, '--id', url, '--revoked', '5,17', '--length', '16384');
  const fixtures = path.join(tmp, 'fixtures');
  fs.mkdirSync(fixtures, {recursive: true});
  fs.writeFileSync(path.join(fixtures, 'list.json'), JSON.stringify({url, document: list}));
  const entry = index => ({id: `${url}#${index}`, type: 'BitstringStatusListEntry',
    statusPurpose: 'revocation', statusListIndex: String(index), statusListCredential: url});
  const revoked = write('revoked.json', issue('ob3-minimal.json', entry(5)));
  const active = write('active.json', issue('ob3-minimal.json', entry(6)));
  for(const engine of ['vc', 'verifier-core']) {
    const verify = file => run('verify.mjs', '--engine', engine, '--fixtures', fixtures, file);
    assert.deepEqual(verify(revoked), {engine, verified: false, statusChecked: true, revoked: true,
      suspended: false, errors: ['credential is revoked']}, engine);
    assert.equal(verify(active).revoked, false, engine);
    assert.equal(verify(active).verified, true, engine);
    // without the fixture the list cannot be fetched: no status, not valid
    const offline = run('verify.mjs', '--engine', engine, active);
    assert.equal(offline.verified, false, engine);
    assert.match(offline.errors.join('\n'), /offline: refusing to fetch URL/);
  }
  // a status list whose bits were changed after signing is rejected
  list.credentialSubject.encodedList = run('status-list.mjs', '--key', key, '--id', url, '--length', '16384')
    .credentialSubject.encodedList;
  fs.writeFileSync(path.join(fixtures, 'list.json'), JSON.stringify({url, document: list}));
  const forged = run('verify.mjs', '--fixtures', fixtures, revoked);
  assert.deepEqual([forged.verified, forged.statusChecked, forged.revoked], [false, false, null]);
});

test('did:web DIDs map to the https URL of their document', () => {
  assert.equal(didWebDocumentUrl('did:web:badges.example.edu:issuers:nursing'),
    'https://badges.example.edu/issuers/nursing/did.json');
  assert.equal(didWebDocumentUrl('did:web:localhost%3A8443'), 'https://localhost:8443/.well-known/did.json');
});

test('a did:web issuer resolves from its document fixture and a suspension bit shows', () => {
  const did = 'did:web:school.example:issuers:arts';
  const webKey = write('web-key.json', {...readJson(key), id: `${did}#key-1`, controller: did});
  const didDocument = {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: did,
    verificationMethod: [{id: `${did}#key-1`, type: 'Multikey', controller: did,
      publicKeyMultibase: readJson(key).publicKeyMultibase}],
    assertionMethod: [`${did}#key-1`]
  };
  const url = 'https://school.example/status/9-s';
  const list = run('status-list.mjs', '--key', webKey, '--id', url, '--purpose', 'suspension',
    '--revoked', '3', '--length', '16384');
  const fixtures = path.join(tmp, 'web-fixtures');
  fs.mkdirSync(fixtures, {recursive: true});
  fs.writeFileSync(path.join(fixtures, 'list.json'), JSON.stringify({url, document: list}));
  const entry = index => ({id: `${url}#${index}`, type: 'BitstringStatusListEntry',
    statusPurpose: 'suspension', statusListIndex: String(index), statusListCredential: url});
  const sign = (name, index) => {
    const unsigned = readJson(path.join(interop, 'samples', 'ob3-minimal.json'));
    unsigned.credentialStatus = entry(index);
    return write(name, run('issue.mjs', '--key', webKey, '--set-issuer', write(`unsigned-${name}`, unsigned)));
  };
  const suspended = sign('web-suspended.json', 3);
  const active = sign('web-active.json', 4);
  for(const engine of ['vc', 'verifier-core']) {
    const verify = file => run('verify.mjs', '--engine', engine, '--fixtures', fixtures, file);
    // without the DID document the key cannot be resolved
    assert.equal(verify(active).verified, false, engine);
    fs.writeFileSync(path.join(fixtures, 'did.json'), JSON.stringify({
      url: 'https://school.example/issuers/arts/did.json', document: didDocument}));
    assert.deepEqual(verify(active), {engine, verified: true, statusChecked: true, revoked: false,
      suspended: false, errors: []}, engine);
    assert.deepEqual(verify(suspended), {engine, verified: false, statusChecked: true, revoked: false,
      suspended: true, errors: ['credential is suspended']}, engine);
    fs.rmSync(path.join(fixtures, 'did.json'));
  }
});

test('baked PNG and SVG credentials are extracted', {skip: noVectors}, () => {
  for(const baked of ['simple-json.png', 'simple-json.svg']) {
    const credential = extractCredential(path.join(vectors, '1edtech-validator', baked));
    assert.ok(credential.type.includes('OpenBadgeCredential'), baked);
  }
  assert.throws(() => extractCredential(path.join(vectors, '1edtech-validator/simple-jwt.svg')), /JWS/);
});

test('bench reports rates', () => {
  const out = run('bench.mjs', '--key', key, '--seconds', '0.5', path.join(interop, 'samples/ob3-minimal.json'));
  assert.ok(out.issuePerSecond > 0 && out.verifyPerSecond > 0 && out.iterations > 0, JSON.stringify(out));
});
