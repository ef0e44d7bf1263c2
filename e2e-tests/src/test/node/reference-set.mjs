// Makes a set of Open Badges 3.0 credentials signed by the W3C/DCC reference libraries, from keys
// generated on every run, and records what those same libraries say of each one, so that a test can
// check that our verifier reaches the same outcome (e2e-tests ReferenceCredentialsEndToEndTest).
//
//   node reference-set.mjs <output dir> <contexts dir>
//
// Signing: @digitalbazaar/vc with DataIntegrityProof + eddsa-rdfc-2022 (JSON-LD), jose for VC-JWTs
// (ES256 with a P-256 JWK, EdDSA with an Ed25519 key). Issuers: a did:key, and did:web:issuer.example,
// whose DID document and status lists are written under <output dir>/site/ (served to our verifier
// through its URL map, https://issuer.example/ -> that folder). Status: Bitstring Status List
// credentials for revocation and for suspension, signed by the did:web issuer, and one list changed
// after it was signed.
//
// Outcomes (<output dir>/expected.json, one entry per credential):
//   JSON-LD: vc.verifyCredential with checkStatus from @digitalbazaar/vc-bitstring-status-list, which
//     verifies the list credential's proof and that its issuer is the credential's;
//   VC-JWT: jose.jwtVerify with the key the kid resolves to, plus the VC-JWT rules jose does not know:
//     the kid's DID must be the issuer (iss), and the same status check on the credential in the vc claim.
//   "valid" is true when the proof (or signature) verified and no status bit is set.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import * as vc from '@digitalbazaar/vc';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {checkStatus, createList, createCredential} from '@digitalbazaar/vc-bitstring-status-list';
import * as credentialsContext from '@digitalbazaar/credentials-context';
import * as didContext from 'did-context';
import * as multikeyContext from '@digitalbazaar/multikey-context';
import * as jose from 'jose';

const [out, contextsDir] = process.argv.slice(2);
const ORIGIN = 'https://issuer.example';
const WEB = 'did:web:issuer.example';
const SITE = path.join(out, 'site');

const contexts = new Map([...credentialsContext.contexts, ...didContext.contexts, ...multikeyContext.contexts]);
for (const [url, file] of Object.entries({
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json': 'ob-v3p0-3.0.3.json',
  'https://w3id.org/security/data-integrity/v1': 'data-integrity-v1.jsonld',
})) {
  contexts.set(url, JSON.parse(fs.readFileSync(path.join(contextsDir, file), 'utf8')));
}

const site = new Map(); // https://issuer.example/... -> document, also written under SITE
function publish(url, document) {
  site.set(url, document);
  const file = path.join(SITE, url.slice(ORIGIN.length + 1));
  fs.mkdirSync(path.dirname(file), {recursive: true});
  fs.writeFileSync(file, typeof document === 'string' ? document : JSON.stringify(document, null, 2));
}

const didKeys = new Map(); // did:key -> its DID document
function didKeyDocument(publicKeyMultibase) {
  const did = `did:key:${publicKeyMultibase}`;
  const method = {id: `${did}#${publicKeyMultibase}`, type: 'Multikey', controller: did, publicKeyMultibase};
  const document = {'@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: did, verificationMethod: [method], assertionMethod: [method.id]};
  didKeys.set(did, document);
  return document;
}

function resolveDid(did) {
  if (did.startsWith('did:key:')) {
    return didKeys.get(did);
  }
  if (did === WEB) {
    return site.get(`${ORIGIN}/.well-known/did.json`);
  }
  throw new Error(`will not resolve ${did}`);
}

async function documentLoader(url) {
  if (contexts.has(url)) {
    return {contextUrl: null, documentUrl: url, document: contexts.get(url)};
  }
  if (url.startsWith('did:')) {
    const [did] = url.split('#');
    const document = resolveDid(did);
    if (!document) {
      throw new Error(`NotFoundError: ${did}`);
    }
    if (!url.includes('#')) {
      return {contextUrl: null, documentUrl: url, document};
    }
    const method = document.verificationMethod.find(m => m.id === url);
    if (!method) {
      throw new Error(`NotFoundError: ${url}`);
    }
    return {contextUrl: null, documentUrl: url, document: {'@context': document['@context'], ...method}};
  }
  if (site.has(url)) {
    return {contextUrl: null, documentUrl: url, document: site.get(url)};
  }
  throw new Error(`NotFoundError: will not load ${url}`);
}

// --- keys ---
const keyA = await Ed25519Multikey.generate();                       // a did:key issuer
Object.assign(keyA, {controller: `did:key:${keyA.publicKeyMultibase}`,
  id: `did:key:${keyA.publicKeyMultibase}#${keyA.publicKeyMultibase}`});
didKeyDocument(keyA.publicKeyMultibase);
const keyW = await Ed25519Multikey.generate({controller: WEB, id: `${WEB}#key-1`}); // the did:web issuer
const es256 = await jose.generateKeyPair('ES256', {extractable: true});
const es256Jwk = await jose.exportJWK(es256.publicKey);
const eddsaJwk = await Ed25519Multikey.toJwk({keyPair: keyA, secretKey: true});
// the library keeps the 64-byte secret key (seed and public key); a JWK's d is the 32-byte seed
eddsaJwk.d = Buffer.from(eddsaJwk.d, 'base64url').subarray(0, 32).toString('base64url');
const eddsaKey = await jose.importJWK({...eddsaJwk, alg: 'EdDSA'}, 'EdDSA');

publish(`${ORIGIN}/.well-known/did.json`, {
  '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
  id: WEB,
  verificationMethod: [
    {id: `${WEB}#key-1`, type: 'Multikey', controller: WEB, publicKeyMultibase: keyW.publicKeyMultibase},
    {id: `${WEB}#jwt-1`, type: 'JsonWebKey', controller: WEB, publicKeyJwk: es256Jwk},
  ],
  assertionMethod: [`${WEB}#key-1`, `${WEB}#jwt-1`],
});

const suite = signer => new DataIntegrityProof({signer: signer.signer(), cryptosuite: eddsaRdfc2022});
const verifySuite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022});
const issue = (credential, key) => vc.issue({credential: structuredClone(credential), suite: suite(key), documentLoader});

// --- status lists, signed by the did:web issuer ---
const REVOKED = 5;
const SUSPENDED = 9;
async function statusList(name, purpose, setBits) {
  const list = await createList({length: 131072});
  for (const bit of setBits) {
    list.setStatus(bit, true);
  }
  const credential = await createCredential({id: `${ORIGIN}/status/${name}`, list, statusPurpose: purpose});
  credential.issuer = WEB;
  credential.validFrom = '2026-01-01T00:00:00Z';
  return issue(credential, keyW);
}
publish(`${ORIGIN}/status/revocation`, await statusList('revocation', 'revocation', [REVOKED]));
publish(`${ORIGIN}/status/suspension`, await statusList('suspension', 'suspension', [SUSPENDED]));
const changed = await statusList('changed', 'revocation', []);
const flipped = await createList({length: 131072});
flipped.setStatus(REVOKED, true);
changed.credentialSubject.encodedList = await flipped.encode(); // changed after signing: its proof breaks
publish(`${ORIGIN}/status/changed`, changed);

const entry = (list, purpose, index) => ({id: `${ORIGIN}/status/${list}#${index}`, type: 'BitstringStatusListEntry',
  statusPurpose: purpose, statusListIndex: String(index), statusListCredential: `${ORIGIN}/status/${list}`});

function badge(issuer, name, status) {
  const credential = {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: `urn:uuid:${crypto.randomUUID()}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: {id: issuer, type: ['Profile'], name: 'Reference Issuer'},
    validFrom: '2026-01-01T00:00:00Z',
    name,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{type: 'IdentityObject', identityHash: 'sha256$' + crypto.createHash('sha256')
          .update('alice@example.org' + 'salt').digest('hex'), identityType: 'emailAddress', hashed: true, salt: 'salt'}],
      achievement: {id: `${ORIGIN}/achievements/1`, type: ['Achievement'], name,
        description: 'Made by the reference libraries', criteria: {narrative: 'Be signed by them'}},
    },
  };
  if (status) {
    credential.credentialStatus = status;
  }
  return credential;
}

// --- outcomes, as the reference libraries give them ---
async function statusOutcome(credential) {
  if (!credential.credentialStatus) {
    return {verified: true, set: false};
  }
  const result = await checkStatus({credential, documentLoader, suite: verifySuite});
  return {verified: result.verified === true, set: result.verified ? result.results.some(r => r.status) : null,
    error: result.error?.message};
}

async function ldpOutcome(credential) {
  const result = await vc.verifyCredential({credential, suite: verifySuite, documentLoader, checkStatus});
  const proof = result.results?.[0]?.verified === true;
  const status = result.statusResult;
  const set = status?.verified ? status.results.some(r => r.status) : null;
  return {proof, statusVerified: status ? status.verified === true : true, statusSet: set ?? false,
    valid: result.verified === true && !set,
    error: result.error?.errors?.map(e => e.message).join('; ') ?? result.error?.message ?? status?.error?.message};
}

async function jwtOutcome(jwt) {
  const header = jose.decodeProtectedHeader(jwt);
  const [did] = header.kid.split('#');
  let payload;
  let signature = false;
  let error;
  try {
    const method = resolveDid(did).verificationMethod.find(m => m.id === header.kid);
    const jwk = method.publicKeyJwk ?? await Ed25519Multikey.toJwk({keyPair: await Ed25519Multikey.from(method)});
    ({payload} = await jose.jwtVerify(jwt, await jose.importJWK(jwk, header.alg)));
    signature = true;
  } catch (e) {
    error = e.message;
    payload = jose.decodeJwt(jwt);
  }
  const credential = payload.vc ?? payload;
  const bound = did === payload.iss && did === (credential.issuer.id ?? credential.issuer);
  const status = await statusOutcome(credential);
  return {proof: signature, bound, statusVerified: status.verified, statusSet: status.set ?? false,
    valid: signature && bound && status.verified && !status.set,
    error: error ?? (bound ? status.error : `the key's DID ${did} is not the issuer ${payload.iss}`)};
}

async function vcJwt(credential, key, kid, alg) {
  const seconds = Date.parse(credential.validFrom) / 1000;
  return new jose.SignJWT({vc: credential, iss: credential.issuer.id, jti: credential.id, nbf: seconds})
      .setProtectedHeader({alg, kid, typ: 'JWT'}).sign(key);
}

const expected = [];
async function ldp(name, credential) {
  fs.writeFileSync(path.join(out, 'credentials', `${name}.json`), JSON.stringify(credential, null, 2));
  expected.push({name, file: `credentials/${name}.json`, form: 'ldp', ...await ldpOutcome(credential)});
}
async function jwt(name, token) {
  fs.writeFileSync(path.join(out, 'credentials', `${name}.jwt`), token);
  expected.push({name, file: `credentials/${name}.jwt`, form: 'jwt', ...await jwtOutcome(token)});
}

fs.mkdirSync(path.join(out, 'credentials'), {recursive: true});

const didKeyIssuer = keyA.controller;
await ldp('ldp-did-key', await issue(badge(didKeyIssuer, 'did:key badge'), keyA));
await ldp('ldp-did-web', await issue(badge(WEB, 'did:web badge', entry('revocation', 'revocation', 1)), keyW));
await ldp('ldp-did-web-revoked', await issue(badge(WEB, 'Revoked badge', entry('revocation', 'revocation', REVOKED)), keyW));
await ldp('ldp-did-web-suspended', await issue(badge(WEB, 'Suspended badge', entry('suspension', 'suspension', SUSPENDED)), keyW));
await ldp('ldp-did-web-suspension-clear', await issue(badge(WEB, 'Not suspended', entry('suspension', 'suspension', 2)), keyW));
await ldp('ldp-status-list-changed-after-signing', await issue(badge(WEB, 'Changed list', entry('changed', 'revocation', 1)), keyW));
const tamperedClaim = await issue(badge(didKeyIssuer, 'Tampered claim'), keyA);
tamperedClaim.credentialSubject.achievement.name = 'Something else';
await ldp('ldp-tampered-claim', tamperedClaim);
const tamperedProof = await issue(badge(didKeyIssuer, 'Tampered proof'), keyA);
const value = tamperedProof.proof.proofValue;
tamperedProof.proof.proofValue = value.slice(0, 10) + (value[10] === 'a' ? 'b' : 'a') + value.slice(11);
await ldp('ldp-tampered-proof', tamperedProof);
// issuer: the did:web; signed with the did:key's key, which the issuer does not control
await ldp('ldp-key-of-someone-else', await issue(badge(WEB, 'Foreign key'), keyA));

await jwt('jwt-es256-did-web', await vcJwt(badge(WEB, 'ES256 badge', entry('revocation', 'revocation', 1)), es256.privateKey, `${WEB}#jwt-1`, 'ES256'));
await jwt('jwt-es256-did-web-revoked', await vcJwt(badge(WEB, 'ES256 revoked', entry('revocation', 'revocation', REVOKED)), es256.privateKey, `${WEB}#jwt-1`, 'ES256'));
await jwt('jwt-eddsa-did-key', await vcJwt(badge(didKeyIssuer, 'EdDSA badge'), eddsaKey, keyA.id, 'EdDSA'));
const good = await vcJwt(badge(didKeyIssuer, 'EdDSA tampered'), eddsaKey, keyA.id, 'EdDSA');
const [h, p, s] = good.split('.');
const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
claims.vc.name = 'Tampered name';
await jwt('jwt-tampered-payload', [h, Buffer.from(JSON.stringify(claims)).toString('base64url'), s].join('.'));
await jwt('jwt-key-of-someone-else', await vcJwt(badge(WEB, 'Foreign JWT'), eddsaKey, keyA.id, 'EdDSA'));

fs.writeFileSync(path.join(out, 'expected.json'), JSON.stringify(expected, null, 2));
process.stdout.write(JSON.stringify(expected.map(({name, valid, proof, statusSet}) => ({name, valid, proof, statusSet}))) + '\n');
