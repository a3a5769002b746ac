// Module resolve hook (registered by verify-core.mjs): verifier-core builds its
// document loader at import time from @digitalcredentials/security-document-loader
// with fetchRemoteContexts: true and a did:web driver. Swap that module for our
// offline shim so every document it loads comes from the harness loader.
const SHIM = new URL('./vc-core-security-loader.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if(specifier === '@digitalcredentials/security-document-loader') {
    return {url: SHIM, shortCircuit: true};
  }
  return nextResolve(specifier, context);
}
