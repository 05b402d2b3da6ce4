// Loaded with `node --require` before Electronegativity: answers every `got` call with an
// immediate rejection, so its translation and release-list downloads fail fast offline
// instead of crashing Node 24 on got's retry (toolchain.md, "Electronegativity offline").
const Module = require('node:module');
const originalLoad = Module._load;
function offline() {
  return Promise.reject(new Error('offline: network disabled for Electronegativity'));
}
const fakeGot = Object.assign(offline, { head: offline, get: offline, post: offline, extend: () => fakeGot, default: offline });
fakeGot.default = fakeGot;
Module._load = function load(request, parent, isMain) {
  if (request === 'got') return fakeGot;
  return originalLoad.call(this, request, parent, isMain);
};
