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

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import type { KubeHttpClient } from '@ray-service/kube-control-plane';
import type { KubeObject } from '@ray-service/kube-sim';
import { restrictedPodSpec } from './standInControllers';

/** A request the stand-in dashboard answered. */
export interface DashboardRequest {
  method: string;
  path: string;
  /** The Ray token of `X-Ray-Authorization`, if any. */
  token?: string;
}

/** Where the head Service goes, and how it is named and labelled there. */
export interface HeadServiceMetadata {
  name: string;
  namespace: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/**
 * This machine's first IPv4 address that is not loopback: Endpoints may not
 * name a loopback address, so the API server's service proxy cannot reach
 * a server that listens on 127.0.0.1 only.
 */
function outwardAddress(): string {
  const address = Object.values(os.networkInterfaces())
    .flat()
    .find(a => a && a.family === 'IPv4' && !a.internal);
  if (!address) {
    throw new Error(
      'this machine has no IPv4 address besides loopback, which the API server could proxy to',
    );
  }
  return address.address;
}

/**
 * A Ray head's dashboard as the API server's service proxy reaches it, on
 * a control plane without kubelet or KubeRay: an HTTP server answering the
 * jobs list and a job's stop as Ray 2.60 does, and what KubeRay (or
 * vcluster's syncer) would make for it on the host — a head Pod carrying
 * this server's address as its IP (the proxy only goes to the IPs of pods
 * its Endpoints name), the head Service without selector, and Endpoints.
 */
export class RayHeadStandIn {
  private constructor(
    private readonly server: http.Server,
    readonly address: string,
    /** What the dashboard was asked, in order. */
    readonly requests: DashboardRequest[],
  ) {}

  static async start(): Promise<RayHeadStandIn> {
    const address = outwardAddress();
    const requests: DashboardRequest[] = [];
    const server = http.createServer((req, res) => {
      const token = /^Bearer (.+)$/.exec(
        String(req.headers['x-ray-authorization'] ?? ''),
      )?.[1];
      const path = String(req.url).split('?')[0];
      requests.push({
        method: String(req.method),
        path,
        ...(token && { token }),
      });
      const answer = (status: number, body: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.method === 'GET' && path === '/api/jobs/') {
        answer(200, []);
      } else if (
        req.method === 'POST' &&
        /^\/api\/jobs\/[^/]+\/stop$/.test(path)
      ) {
        answer(200, { stopped: true });
      } else {
        answer(404, { message: `${req.method} ${path} is not served here` });
      }
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, address, resolve);
    });
    return new RayHeadStandIn(server, address, requests);
  }

  private get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /**
   * Makes the head Pod, Service and Endpoints of a RayCluster as the
   * cluster admin, the Service leading to this dashboard.
   */
  async serve(admin: KubeHttpClient, service: HeadServiceMetadata) {
    const { name, namespace } = service;
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `${name}-pod`, namespace },
      spec: restrictedPodSpec('rayproject/ray'),
    };
    await admin.apply(pod);
    await admin.apply(
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: pod.metadata.name, namespace },
        status: {
          phase: 'Running',
          podIP: this.address,
          podIPs: [{ ip: this.address }],
        },
      },
      'status',
    );
    const objects: KubeObject[] = [
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: service,
        spec: {
          ports: [{ name: 'dashboard', port: 8265, targetPort: this.port }],
        },
      },
      {
        apiVersion: 'v1',
        kind: 'Endpoints',
        metadata: { name, namespace },
        subsets: [
          {
            addresses: [
              {
                ip: this.address,
                targetRef: { kind: 'Pod', name: pod.metadata.name, namespace },
              },
            ],
            ports: [{ name: 'dashboard', port: this.port }],
          },
        ],
      },
    ];
    for (const object of objects) {
      await admin.apply(object);
    }
  }

  async stop() {
    await new Promise(resolve => this.server.close(resolve));
  }
}
