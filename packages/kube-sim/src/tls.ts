/*
 * Copyright 2026 The Ray as a Service for Backstage Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

import {
  constants,
  generateKeyPairSync,
  privateEncrypt,
  randomBytes,
} from 'node:crypto';
import { isIP } from 'node:net';
import os from 'node:os';
import forge from 'node-forge';

export interface TlsMaterial {
  /** PEM of the CA certificate clients trust. */
  caPem: string;
  /** PEM of the serving certificate, signed by the CA. */
  certPem: string;
  /** PEM of the serving key. */
  keyPem: string;
}

interface KeyPair {
  privatePem: string;
  publicPem: string;
}

function rsaKeyPair(): KeyPair {
  // Node's native RSA key generation takes milliseconds; node-forge's pure-JS one takes seconds.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  return { privatePem: privateKey, publicPem: publicKey };
}

/** DER prefix of a SHA-256 DigestInfo (RFC 8017, section 9.2). */
const SHA256_DIGEST_INFO = Buffer.from(
  '3031300d060960864801650304020105000420',
  'hex',
);

/**
 * A signer for node-forge's `certificate.sign()`: forge builds the certificate and hashes it,
 * Node's crypto does the RSA operation (forge's pure-JS RSA is slow, especially under jest).
 */
function signerFor(privatePem: string) {
  return {
    sign(md: forge.md.MessageDigest): string {
      const digest = Buffer.from(md.digest().getBytes(), 'binary');
      return privateEncrypt(
        { key: privatePem, padding: constants.RSA_PKCS1_PADDING },
        Buffer.concat([SHA256_DIGEST_INFO, digest]),
      ).toString('binary');
    },
  } as unknown as forge.pki.rsa.PrivateKey;
}

function serial(): string {
  // A positive serial number: the first byte's high bit is clear.
  return `01${randomBytes(15).toString('hex')}`;
}

/** Names the serving certificate is valid for: loopback, this host's name and addresses, and `host`. */
export function serverNames(host: string): { dns: string[]; ips: string[] } {
  const dns = new Set<string>(['localhost']);
  const ips = new Set<string>(['127.0.0.1', '::1']);
  const h = host.replace(/^\[|\]$/g, '');
  if (h && h !== '0.0.0.0' && h !== '::') {
    if (isIP(h)) ips.add(h);
    else dns.add(h);
  } else {
    dns.add(os.hostname());
    for (const list of Object.values(os.networkInterfaces())) {
      for (const a of list ?? []) ips.add(a.address.replace(/%.*$/, ''));
    }
  }
  return { dns: [...dns], ips: [...ips] };
}

/**
 * Creates a CA and a serving certificate signed by it. Keys come from Node's crypto
 * (fast); node-forge builds and signs the X.509 certificates.
 */
export function createTlsMaterial(host = '127.0.0.1'): TlsMaterial {
  const caKeys = rsaKeyPair();
  const serverKeys = rsaKeyPair();
  const caKey = signerFor(caKeys.privatePem);
  const notBefore = new Date(Date.now() - 24 * 3600_000);
  const notAfter = new Date(Date.now() + 10 * 365 * 24 * 3600_000);

  const ca = forge.pki.createCertificate();
  ca.publicKey = forge.pki.publicKeyFromPem(caKeys.publicPem);
  ca.serialNumber = serial();
  ca.validity.notBefore = notBefore;
  ca.validity.notAfter = notAfter;
  const caSubject = [
    { name: 'commonName', value: 'kube-sim-ca' },
    {
      name: 'organizationName',
      value: 'kube-sim (test bed, not for production)',
    },
  ];
  ca.setSubject(caSubject);
  ca.setIssuer(caSubject);
  ca.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    {
      name: 'keyUsage',
      keyCertSign: true,
      cRLSign: true,
      digitalSignature: true,
      critical: true,
    },
    { name: 'subjectKeyIdentifier' },
  ]);
  ca.sign(caKey, forge.md.sha256.create());

  const names = serverNames(host);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(serverKeys.publicPem);
  cert.serialNumber = serial();
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = notAfter;
  cert.setSubject([{ name: 'commonName', value: 'kube-apiserver' }]);
  cert.setIssuer(caSubject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    {
      name: 'keyUsage',
      digitalSignature: true,
      keyEncipherment: true,
      critical: true,
    },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        ...names.dns.map(value => ({ type: 2, value })),
        ...names.ips.map(ip => ({ type: 7, ip })),
      ],
    },
    {
      name: 'authorityKeyIdentifier',
      keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes(),
    },
  ]);
  cert.sign(caKey, forge.md.sha256.create());

  return {
    caPem: forge.pki.certificateToPem(ca),
    certPem: forge.pki.certificateToPem(cert),
    keyPem: serverKeys.privatePem,
  };
}

const cache = new Map<string, TlsMaterial>();

/**
 * One CA per process and host: several sims started by one test file share it, which keeps
 * start-up fast. Every sim still serves HTTPS verified against this CA.
 */
export function tlsMaterialFor(host: string): TlsMaterial {
  let m = cache.get(host);
  if (!m) {
    m = createTlsMaterial(host);
    cache.set(host, m);
  }
  return m;
}
