// Verification with @digitalcredentials/verifier-core, run offline.
import {register} from 'node:module';

register('./vc-core-hooks.mjs', import.meta.url);

const stepOf = (log, id) => (log ?? []).find(s => s.id === id);
const messages = errors => (errors ?? []).map(e => `${e.name ? e.name + ': ' : ''}${e.message ?? e}`);

export async function verifyWithVerifierCore({credential, documentLoader}) {
  // verifier-core reports loader failures only as "invalid signature"; keep them.
  const refused = new Set();
  globalThis.__credenceOfflineDocumentLoader = async url => {
    try {
      return await documentLoader(url);
    } catch(e) {
      refused.add(e.message);
      throw e;
    }
  };
  const {verifyCredential} = await import('@digitalcredentials/verifier-core');
  // No registries: the issuer-registry step needs the network and is ignored.
  const result = await verifyCredential({credential, knownDIDRegistries: []});
  if(result.errors?.length) {
    const errors = [...messages(result.errors), ...refused];
    return {verified: false, statusChecked: false, revoked: null, errors};
  }
  const signature = stepOf(result.log, 'valid_signature');
  const expiration = stepOf(result.log, 'expiration');
  const status = stepOf(result.log, 'revocation_status');
  const errors = [];
  if(signature?.valid !== true) errors.push('valid_signature: false');
  if(expiration && expiration.valid !== true) errors.push('expiration: credential has expired');
  let statusChecked = false;
  let revoked = null;
  if(status?.error) {
    errors.push(`revocation_status: ${status.error.name}: ${status.error.message}`);
  } else if(status) {
    statusChecked = true;
    revoked = status.valid !== true;
    if(revoked) errors.push('credential is revoked');
  }
  return {verified: errors.length === 0, statusChecked, revoked, errors};
}
