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

import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createTlsMaterial, kubeconfigYaml } from '@ray-service/kube-sim';

/** The files the processes read, all inside the control plane's temp dir. */
export interface CredentialFiles {
  caCert: string;
  servingCert: string;
  servingKey: string;
  serviceAccountKey: string;
  serviceAccountPublicKey: string;
  tokens: string;
  controllerManagerKubeconfig: string;
}

export interface Credentials {
  caPem: string;
  adminToken: string;
  files: CredentialFiles;
}

function randomToken(): string {
  return randomBytes(32).toString('hex');
}

/**
 * Writes a CA and a serving certificate for 127.0.0.1/localhost, the service account signing
 * key pair, a static token file (an admin in system:masters, and the controller manager's
 * user, which RBAC's bootstrap policy grants what it needs) and the controller manager's
 * kubeconfig. Keys and tokens are only readable by their owner.
 */
export function writeCredentials(dir: string, url: string): Credentials {
  const tls = createTlsMaterial('127.0.0.1');
  const serviceAccount = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const adminToken = randomToken();
  const controllerManagerToken = randomToken();
  const files: CredentialFiles = {
    caCert: path.join(dir, 'ca.crt'),
    servingCert: path.join(dir, 'apiserver.crt'),
    servingKey: path.join(dir, 'apiserver.key'),
    serviceAccountKey: path.join(dir, 'service-account.key'),
    serviceAccountPublicKey: path.join(dir, 'service-account.pub'),
    tokens: path.join(dir, 'tokens.csv'),
    controllerManagerKubeconfig: path.join(
      dir,
      'controller-manager.kubeconfig',
    ),
  };
  const secret = { mode: 0o600 };
  fs.writeFileSync(files.caCert, tls.caPem);
  fs.writeFileSync(files.servingCert, tls.certPem);
  fs.writeFileSync(files.servingKey, tls.keyPem, secret);
  fs.writeFileSync(files.serviceAccountKey, serviceAccount.privateKey, secret);
  fs.writeFileSync(files.serviceAccountPublicKey, serviceAccount.publicKey);
  fs.writeFileSync(
    files.tokens,
    [
      `${adminToken},admin,${randomUUID()},"system:masters"`,
      `${controllerManagerToken},system:kube-controller-manager,${randomUUID()}`,
      '',
    ].join('\n'),
    secret,
  );
  fs.writeFileSync(
    files.controllerManagerKubeconfig,
    kubeconfigYaml({
      server: url,
      caData: Buffer.from(tls.caPem).toString('base64'),
      token: controllerManagerToken,
      name: 'kube-controller-manager',
    }),
    secret,
  );
  return { caPem: tls.caPem, adminToken, files };
}
