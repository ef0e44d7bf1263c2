// Signs the same unsigned credential again and again with the W3C/DCC reference stack
// (@digitalbazaar/vc + eddsa-rdfc-2022), as bench/ob3-signing.sh does with ours, and prints one line:
//   RESULT signatures_per_s=<n> ms_each=<n> rounds=<n>
// Usage: node sign-bench.mjs <unsigned credential file> <contexts dir> [warm-up] [rounds]
import fs from 'node:fs';
import path from 'node:path';
import * as vc from '@digitalbazaar/vc';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as credentialsContext from '@digitalbazaar/credentials-context';

const [file, contextsDir, warmUp = '200', rounds = '1000'] = process.argv.slice(2);
const contexts = new Map(credentialsContext.contexts);
for (const [url, name] of Object.entries({
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json': 'ob-v3p0-3.0.3.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json': 'ob-v3p0-3.0.1.json',
})) {
  contexts.set(url, JSON.parse(fs.readFileSync(path.join(contextsDir, name), 'utf8')));
}
const documentLoader = async url => {
  if (!contexts.has(url)) {
    throw new Error(`not loading ${url}`);
  }
  return {contextUrl: null, documentUrl: url, document: contexts.get(url)};
};
const credential = JSON.parse(fs.readFileSync(file, 'utf8'));
const key = await Ed25519Multikey.generate({controller: 'did:example:issuer'});
key.id = 'did:example:issuer#key-1';
const date = '2026-12-02T10:00:00Z';
const sign = () => vc.issue({credential: structuredClone(credential), documentLoader,
  suite: new DataIntegrityProof({signer: key.signer(), cryptosuite: eddsaRdfc2022, date})});
for (let i = 0; i < Number(warmUp); i++) {
  await sign();
}
const start = process.hrtime.bigint();
for (let i = 0; i < Number(rounds); i++) {
  await sign();
}
const ms = Number(process.hrtime.bigint() - start) / 1e6;
process.stdout.write(`RESULT signatures_per_s=${(Number(rounds) * 1000 / ms).toFixed(0)} ms_each=${(ms / Number(rounds)).toFixed(3)} rounds=${rounds}\n`);
