// Verifies an Open Badges 3.0 credential issued by our service with the W3C/DCC reference libraries,
// resolving every key through the documents the service publishes, and prints one JSON line:
//   {"proof": true|false, "revoked": true|false|null, "jwt": true|false|null, "errors": [...]}
// Usage: node verify-ob3.mjs <credential URL> [<VC-JWT URL>] [<contexts dir>]
// did:web ids are resolved as did:web says (did:web:<host>:a:b -> <host>/a/b/did.json) but over http,
// because the test service listens on plain http on 127.0.0.1.
import fs from 'node:fs';
import path from 'node:path';
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {checkStatus} from '@digitalbazaar/vc-bitstring-status-list';
import * as credentialsContext from '@digitalbazaar/credentials-context';
import * as didContext from 'did-context';
import * as multikeyContext from '@digitalbazaar/multikey-context';
import * as jose from 'jose';

const [credentialUrl, jwtUrl, contextsDir] = process.argv.slice(2);
const contexts = new Map([...credentialsContext.contexts, ...didContext.contexts, ...multikeyContext.contexts]);
if (contextsDir) {
  // OB 3.0 contexts, byte copies of 1EdTech's (never fetched from the network)
  const files = {
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json': 'ob-v3p0-3.0.3.json',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json': 'ob-v3p0-3.0.1.json',
    'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json': 'ob-v3p0-extensions.json',
    'https://w3id.org/security/data-integrity/v1': 'data-integrity-v1.jsonld',
  };
  for (const [url, file] of Object.entries(files)) {
    contexts.set(url, JSON.parse(fs.readFileSync(path.join(contextsDir, file), 'utf8')));
  }
}

function didWebUrl(did) {
  const parts = did.slice('did:web:'.length).split(':').map(decodeURIComponent);
  return 'http://' + parts.join('/') + (parts.length > 1 ? '' : '/.well-known') + '/did.json';
}

async function fetchJson(url) {
  const response = await fetch(url, {headers: {accept: 'application/json, application/did+json, */*'}});
  if (!response.ok) {
    throw new Error(`${url} answered ${response.status}`);
  }
  return response.json();
}

async function documentLoader(url) {
  if (contexts.has(url)) {
    return {contextUrl: null, documentUrl: url, document: contexts.get(url)};
  }
  if (url.startsWith('did:web:')) {
    const [did, fragment] = url.split('#');
    const doc = await fetchJson(didWebUrl(did));
    if (!fragment) {
      return {contextUrl: null, documentUrl: url, document: doc};
    }
    const method = (doc.verificationMethod || []).find(m => m.id === url || m.id === '#' + fragment);
    if (!method) {
      throw new Error(`${url}: no such verification method in ${didWebUrl(did)}`);
    }
    return {contextUrl: null, documentUrl: url,
      document: {'@context': doc['@context'], ...method, id: url}};
  }
  if (url.startsWith('http://') || url.startsWith('https://')) {
    return {contextUrl: null, documentUrl: url, document: await fetchJson(url)};
  }
  throw new Error(`documentLoader: will not load ${url}`);
}

const result = {proof: false, revoked: null, jwt: null, errors: []};
try {
  const credential = await fetchJson(credentialUrl);
  const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022});
  const verified = await vc.verifyCredential({credential, suite, documentLoader, checkStatus});
  result.proof = verified.results?.[0]?.verified === true;
  if (verified.statusResult) {
    result.revoked = verified.statusResult.verified
        ? verified.statusResult.results?.some(r => r.status === true) ?? false : null;
  }
  if (!verified.verified) {
    result.errors.push(JSON.stringify(verified.error?.errors?.map(e => e.message) ?? verified.error?.message
        ?? verified.results?.[0]?.error?.message ?? verified));
  }
  if (jwtUrl) {
    const jwt = (await (await fetch(jwtUrl)).text()).trim();
    const header = jose.decodeProtectedHeader(jwt);
    const [did] = header.kid.split('#');
    const doc = await fetchJson(didWebUrl(did));
    const method = doc.verificationMethod.find(m => m.id === header.kid);
    const key = await jose.importJWK(method.publicKeyJwk, header.alg);
    const {payload} = await jose.jwtVerify(jwt, key);
    result.jwt = payload.jti === credential.id && payload.iss === (credential.issuer.id ?? credential.issuer);
  }
} catch (e) {
  result.errors.push(String(e && e.stack || e));
}
process.stdout.write(JSON.stringify(result) + '\n');
