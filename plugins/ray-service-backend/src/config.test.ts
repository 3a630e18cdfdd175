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

import { ConfigReader } from '@backstage/config';
import { readRayServiceConfig } from './config';

const cluster = {
  name: 'gpu-east',
  url: 'https://k8s.example.com',
  auth: { type: 'serviceAccountToken', token: 't' },
};

describe('readRayServiceConfig', () => {
  it('reads host clusters with defaults', () => {
    const config = readRayServiceConfig(
      new ConfigReader({ rayService: { hostClusters: [cluster] } }),
    );
    expect(config.hostClusters).toEqual([
      {
        name: 'gpu-east',
        title: 'gpu-east',
        url: 'https://k8s.example.com',
        caData: undefined,
        skipTLSVerify: false,
        auth: { type: 'serviceAccountToken', token: 't' },
      },
    ]);
    expect(config.kubernetesSupport).toEqual({
      minVersion: '1.29',
      maxVersion: '1.34',
    });
  });

  it('reads the bootstrap sources', () => {
    const config = readRayServiceConfig(
      new ConfigReader({
        rayService: {
          bootstrap: {
            templateVersionsDir: '../../templates/tenant-versions',
            profilesFile: '../../templates/compute-profiles.yaml',
          },
        },
      }),
    );
    expect(config.bootstrap).toEqual({
      templateVersionsDir: '../../templates/tenant-versions',
      profilesFile: '../../templates/compute-profiles.yaml',
    });
  });

  it('reads what the planner needs of a host cluster', () => {
    const config = readRayServiceConfig(
      new ConfigReader({
        rayService: {
          hostClusters: [
            {
              ...cluster,
              clusterIssuer: 'letsencrypt',
              baseDomain: 'ray.example.com',
              apiServerCidrs: ['10.0.0.10/32'],
              vclusterApiExposure: 'ingress',
            },
          ],
        },
      }),
    );
    expect(config.hostClusters[0]).toMatchObject({
      clusterIssuer: 'letsencrypt',
      baseDomain: 'ray.example.com',
      apiServerCidrs: ['10.0.0.10/32'],
      vclusterApiExposure: 'ingress',
    });
  });

  it('leaves vclusterApiExposure unset by default (clusterDns)', () => {
    const config = readRayServiceConfig(
      new ConfigReader({ rayService: { hostClusters: [cluster] } }),
    );
    expect(config.hostClusters[0]).not.toHaveProperty('vclusterApiExposure');
  });

  it('reads the reconcile loop with defaults', () => {
    expect(readRayServiceConfig(new ConfigReader({})).reconcile).toEqual({
      enabled: true,
      intervalSeconds: 10,
      timeoutSeconds: 300,
      requeueSeconds: 2,
      watch: true,
      resyncMinutes: 10,
      backoff: { initialSeconds: 1, maxSeconds: 300 },
    });
    expect(
      readRayServiceConfig(
        new ConfigReader({
          rayService: {
            reconcile: {
              enabled: false,
              intervalSeconds: 30,
              requeueSeconds: 0.5,
              watch: false,
              resyncMinutes: 30,
              backoff: { initialSeconds: 0.5, maxSeconds: 60 },
            },
          },
        }),
      ).reconcile,
    ).toEqual({
      enabled: false,
      intervalSeconds: 30,
      timeoutSeconds: 300,
      requeueSeconds: 0.5,
      watch: false,
      resyncMinutes: 30,
      backoff: { initialSeconds: 0.5, maxSeconds: 60 },
    });
    expect(() =>
      readRayServiceConfig(
        new ConfigReader({ rayService: { reconcile: { intervalSeconds: 0 } } }),
      ),
    ).toThrow(
      'rayService.reconcile.intervalSeconds must be a positive number, got 0',
    );
  });

  it('reads the job history settings with their defaults', () => {
    expect(readRayServiceConfig(new ConfigReader({})).jobHistory).toEqual({
      retentionDays: 30,
      pollSeconds: 10,
      logTailLines: 1000,
    });
    expect(
      readRayServiceConfig(
        new ConfigReader({
          rayService: { jobHistory: { retentionDays: 7, logTailLines: 200 } },
        }),
      ).jobHistory,
    ).toEqual({ retentionDays: 7, pollSeconds: 10, logTailLines: 200 });
    expect(() =>
      readRayServiceConfig(
        new ConfigReader({ rayService: { jobHistory: { retentionDays: -1 } } }),
      ),
    ).toThrow('rayService.jobHistory.retentionDays must be a positive number');
  });

  it.each([
    ['rayData', 'cacheSeconds'],
    ['workloads', 'listCacheSeconds'],
  ] as const)(
    'reads how long %s are reused (%s), 2 s by default and 0 allowed',
    (section, key) => {
      const read = (value?: number) =>
        readRayServiceConfig(
          new ConfigReader(
            value === undefined
              ? {}
              : { rayService: { [section]: { [key]: value } } },
          ),
        )[section];
      expect(read()).toEqual({ [key]: 2 });
      expect(read(0)).toEqual({ [key]: 0 });
      expect(() => read(-1)).toThrow(
        `rayService.${section}.${key} must be 0 or more, got -1`,
      );
    },
  );

  it('reads the instance, `default` when absent', () => {
    expect(readRayServiceConfig(new ConfigReader({})).instance).toBe('default');
    expect(
      readRayServiceConfig(
        new ConfigReader({ rayService: { instance: 'staging' } }),
      ).instance,
    ).toBe('staging');
    expect(
      readRayServiceConfig(
        new ConfigReader({ rayService: { instance: 'x'.repeat(20) } }),
      ).instance,
    ).toHaveLength(20);
  });

  it.each(['x'.repeat(21), 'Staging', 'prod_1', '-prod', 'prod.eu'])(
    'rejects the instance %j',
    instance => {
      expect(() =>
        readRayServiceConfig(new ConfigReader({ rayService: { instance } })),
      ).toThrow(
        `rayService.instance: "${instance}" must be a DNS-1123 label (lowercase letters, digits and "-") of at most 20 characters`,
      );
    },
  );

  it.each([7, ''])('rejects the instance %j (not a string)', instance => {
    expect(() =>
      readRayServiceConfig(new ConfigReader({ rayService: { instance } })),
    ).toThrow(/rayService\.instance/);
  });

  it('is empty without rayService config', () => {
    expect(readRayServiceConfig(new ConfigReader({})).hostClusters).toEqual([]);
  });

  it.each([
    [{ ...cluster, name: 'Not_DNS' }, /DNS-1123/],
    [{ ...cluster, url: undefined }, /url is required/],
    [{ ...cluster, auth: { type: 'magic' } }, /unknown auth type "magic"/],
    [{ ...cluster, auth: { type: 'kubeconfig' } }, /kubeconfigPath/],
    [
      { ...cluster, vclusterApiExposure: 'loadBalancer' },
      /vclusterApiExposure must be one of clusterDns, ingress/,
    ],
    [
      { ...cluster, vclusterApiExposure: 'ingress' },
      /baseDomain is required with vclusterApiExposure ingress/,
    ],
  ])('rejects a bad host cluster %#', (bad, message) => {
    expect(() =>
      readRayServiceConfig(
        new ConfigReader({ rayService: { hostClusters: [bad] } }),
      ),
    ).toThrow(message);
  });

  it('rejects duplicate names', () => {
    expect(() =>
      readRayServiceConfig(
        new ConfigReader({ rayService: { hostClusters: [cluster, cluster] } }),
      ),
    ).toThrow(/duplicate name "gpu-east"/);
  });
});
