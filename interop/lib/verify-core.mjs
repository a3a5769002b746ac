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
    return {verified: false, statusChecked: false, revoked: null, suspended: null, errors};
  }
  const signature = stepOf(result.log, 'valid_signature');
  const expiration = stepOf(result.log, 'expiration');
  // One step per status entry ("<statusPurpose>_status"); a failed status
  // check is one "revocation_status" step with an error, whatever the purpose.
  const status = stepOf(result.log, 'revocation_status');
  const suspension = stepOf(result.log, 'suspension_status');
  const errors = [];
  if(signature?.valid !== true) errors.push('valid_signature: false');
  if(expiration && expiration.valid !== true) errors.push('expiration: credential has expired');
  let statusChecked = false;
  let revoked = null;
  let suspended = null;
  if(status?.error) {
    errors.push(`revocation_status: ${status.error.name}: ${status.error.message}`);
  } else if(status || suspension) {
    statusChecked = true;
    revoked = status !== undefined && status.valid !== true;
    suspended = suspension !== undefined && suspension.valid !== true;
    if(revoked) errors.push('credential is revoked');
    if(suspended) errors.push('credential is suspended');
  }
  return {verified: errors.length === 0, statusChecked, revoked, suspended, errors};
}
