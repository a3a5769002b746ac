// Verification with @digitalbazaar/vc + eddsa-rdfc-2022 + bitstring status list.
import * as vc from '@digitalbazaar/vc';
import {verifySuite} from './suite.mjs';
import {statusChecker} from './status.mjs';

/** Flattens the nested error structure of vc/jsonld-signatures to messages. */
export function errorMessages(error) {
  if(!error) return [];
  const list = Array.isArray(error) ? error : (error.errors ?? [error]);
  return list.flatMap(e => e?.errors ? errorMessages(e.errors) : [describe(e)]);
}

function describe(e) {
  let msg = `${e?.name && e.name !== 'Error' ? e.name + ': ' : ''}${e?.message ?? String(e)}`;
  // jsonld wraps loader failures; surface the underlying cause (e.g. offline URL)
  const cause = e?.details?.cause ?? e?.cause;
  if(cause?.message && !msg.includes(cause.message)) msg += ` (cause: ${cause.message})`;
  return msg;
}

export async function verifyWithVc({credential, documentLoader, suite = verifySuite()}) {
  const {checkStatus, report} = statusChecker();
  const result = await vc.verifyCredential({credential, suite, documentLoader, checkStatus});
  const status = report();
  const proofOk = result.results?.some(r => r.verified) ?? false;
  const errors = [...errorMessages(result.error), ...status.errors];
  if(result.statusResult && !result.statusResult.verified && !status.errors.length) {
    errors.push(...errorMessages(result.statusResult.error));
  }
  const verified = result.verified === true && status.revoked !== true && !status.suspended;
  return {
    verified, statusChecked: status.statusChecked, revoked: status.revoked,
    suspended: status.suspended, errors: [...new Set(errors)], proofVerified: proofOk
  };
}
