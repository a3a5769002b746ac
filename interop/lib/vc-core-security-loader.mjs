// Stand-in for @digitalcredentials/security-document-loader inside verifier-core:
// delegates to the harness's offline loader, installed on globalThis at run time.
export function securityLoader() {
  return {
    build: () => async url => {
      const loader = globalThis.__credenceOfflineDocumentLoader;
      if(!loader) throw new Error(`offline: no document loader installed for ${url}`);
      return loader(url);
    }
  };
}
export const httpClientHandler = {
  async get({url}) { throw new Error(`offline: refusing to fetch URL ${url}`); }
};
