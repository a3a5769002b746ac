// eddsa-rdfc-2022 Data Integrity suites and Multikey key files.
import fs from 'node:fs';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022CryptoSuite} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {Ed25519Signature2020} from '@digitalbazaar/ed25519-signature-2020';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';

/**
 * Suites accepted when verifying: eddsa-rdfc-2022 (the one Credence issues) and
 * the legacy Ed25519Signature2020 (used by many published OB 3.0 vectors).
 */
export function verifySuite() {
  return [
    new DataIntegrityProof({cryptosuite: eddsaRdfc2022CryptoSuite}),
    new Ed25519Signature2020()
  ];
}

export function signingSuite(keyPair) {
  return new DataIntegrityProof({signer: keyPair.signer(), cryptosuite: eddsaRdfc2022CryptoSuite});
}

/** Reads a Multikey JSON file with secretKeyMultibase. */
export async function readKey(file) {
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  if(!json.secretKeyMultibase) throw new Error(`${file}: no secretKeyMultibase`);
  return Ed25519Multikey.from(json);
}

/** A fresh did:key Multikey (id = did#fingerprint, controller = did). */
export async function generateKey() {
  const seed = crypto.getRandomValues(new Uint8Array(32));
  const {publicKeyMultibase} = await Ed25519Multikey.generate({seed});
  const keyPair = await Ed25519Multikey.generate({seed, controller: `did:key:${publicKeyMultibase}`});
  return keyPair.export({publicKey: true, secretKey: true, includeContext: true});
}
