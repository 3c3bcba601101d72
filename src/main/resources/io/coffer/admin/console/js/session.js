// The API key lives in sessionStorage: it survives a reload but not closing the tab.
const KEY = 'coffer.apiKey';

export const session = {
  key: () => sessionStorage.getItem(KEY),
  signIn: (apiKey) => sessionStorage.setItem(KEY, apiKey),
  signOut: () => sessionStorage.removeItem(KEY),
};
