// Signing with @digitalbazaar/vc issue() and the eddsa-rdfc-2022 cryptosuite.
import * as vc from '@digitalbazaar/vc';
import {signingSuite} from './suite.mjs';

export async function issueCredential({credential, keyPair, documentLoader, date}) {
  const suite = signingSuite(keyPair);
  if(date) suite.date = date;
  return vc.issue({credential: structuredClone(credential), suite, documentLoader});
}
