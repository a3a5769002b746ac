// checkStatus wrapper around @digitalbazaar/vc-bitstring-status-list.
import {checkStatus as bslCheckStatus} from '@digitalbazaar/vc-bitstring-status-list';

const entries = credential => [].concat(credential.credentialStatus ?? []);

/**
 * Returns {checkStatus, report}. checkStatus is handed to vc.verifyCredential;
 * report() then tells whether status was checked and which bits were set.
 * The status list credential is verified too (same suite + loader).
 */
export function statusChecker() {
  let outcome = null;
  const checkStatus = async options => {
    const types = entries(options.credential).map(s => s.type);
    if(!types.length || !types.every(t => t === 'BitstringStatusListEntry')) {
      outcome = {error: `unsupported credentialStatus type: ${types.join(', ')}`};
      return {verified: false, error: new Error(outcome.error)};
    }
    const result = await bslCheckStatus({
      ...options, verifyBitstringStatusListCredential: true, verifyMatchingIssuers: true
    });
    outcome = {result};
    return result;
  };
  const report = () => {
    const unchecked = errors => ({statusChecked: false, revoked: null, suspended: null, errors});
    if(!outcome) return unchecked([]);
    if(outcome.error) return unchecked([outcome.error]);
    const {result} = outcome;
    if(!result.verified) {
      return unchecked([`status check failed: ${result.error?.message ?? 'unknown'}`]);
    }
    const set = purpose => result.results.some(
      r => r.status === true && r.credentialStatus.statusPurpose === purpose);
    const errors = [];
    if(set('revocation')) errors.push('credential is revoked');
    if(set('suspension')) errors.push('credential is suspended');
    return {statusChecked: true, revoked: set('revocation'), suspended: set('suspension'), errors};
  };
  return {checkStatus, report};
}
