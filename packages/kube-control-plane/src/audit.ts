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

import fs from 'node:fs';
import path from 'node:path';

/** One request as the API server's audit log records it (level Metadata). */
export interface AuditEvent {
  /** `get`, `list`, `watch`, `create`, `update`, `patch`, `delete`, … */
  verb: string;
  /** `ResponseStarted` (a WATCH opened) or `ResponseComplete`. */
  stage?: string;
  requestURI: string;
  user: { username: string; groups?: string[] };
  objectRef?: {
    resource?: string;
    subresource?: string;
    namespace?: string;
    name?: string;
    apiGroup?: string;
    apiVersion?: string;
  };
  responseStatus?: { code?: number; message?: string };
  requestReceivedTimestamp: string;
}

/**
 * Records every request of every client but the control plane's own
 * components (the API server itself, the controller manager and the
 * ServiceAccounts it runs its controllers as), once complete, at level
 * Metadata: who asked what, and the answer's code.
 */
const POLICY = `apiVersion: audit.k8s.io/v1
kind: Policy
omitStages: [RequestReceived]
rules:
  - level: None
    users: [system:apiserver, system:kube-controller-manager]
  - level: None
    userGroups: [system:serviceaccounts:kube-system]
  - level: Metadata
`;

/** Writes the policy; returns the API server's audit flags. */
export function auditArgs(dir: string): string[] {
  const policy = path.join(dir, 'audit-policy.yaml');
  fs.writeFileSync(policy, POLICY);
  return [
    `--audit-policy-file=${policy}`,
    `--audit-log-path=${auditLogPath(dir)}`,
    '--audit-log-format=json',
    // each event is written before the response is sent
    '--audit-log-mode=blocking',
  ];
}

export function auditLogPath(dir: string): string {
  return path.join(dir, 'audit.log');
}

/** The events recorded so far, oldest first. */
export function readAuditLog(dir: string): AuditEvent[] {
  const file = auditLogPath(dir);
  if (!fs.existsSync(file)) {
    return [];
  }
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(line => line.trim())
    .map(line => JSON.parse(line) as AuditEvent);
}
