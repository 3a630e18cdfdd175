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

import { InputError } from '@backstage/errors';
import {
  isInstanceName,
  managedSelector,
  ownerLabelValue,
  templateVersionLabelValue,
  toLabelValue,
  addonReleaseName,
  boundedName,
  tenantNamespace,
  vclusterKubeconfigSecretName,
  vclusterReleaseName,
} from '.';
import { MAX_TENANT_NAME_LENGTH } from './names';

describe('names', () => {
  it('put a tenant in namespace ray-<name>', () => {
    expect(tenantNamespace('alpha')).toBe('ray-alpha');
    expect(tenantNamespace('a'.repeat(MAX_TENANT_NAME_LENGTH))).toHaveLength(
      36,
    );
    expect(() =>
      tenantNamespace('a'.repeat(MAX_TENANT_NAME_LENGTH + 1)),
    ).toThrow(InputError);
    expect(() => tenantNamespace('Alpha')).toThrow(/DNS-1123 label/);
  });

  it('derive release and Secret names from the namespace', () => {
    expect(vclusterReleaseName('alpha')).toBe('ray-alpha-vcluster');
    expect(vclusterKubeconfigSecretName('alpha')).toBe('vc-ray-alpha-vcluster');
    expect(addonReleaseName('alpha', 'jupyterlab')).toBe(
      'ray-alpha-addon-jupyterlab',
    );
  });

  it('fit the longest tenant name into StatefulSet and Helm limits', () => {
    const longest = 'x'.repeat(MAX_TENANT_NAME_LENGTH);
    expect(vclusterReleaseName(longest).length).toBeLessThanOrEqual(52);
    expect(
      addonReleaseName(longest, 'y'.repeat(63)).length,
    ).toBeLessThanOrEqual(53);
  });

  it('shorten long names with a stable hash that keeps them distinct', () => {
    const a = boundedName(`${'n'.repeat(70)}-a`);
    const b = boundedName(`${'n'.repeat(70)}-b`);
    expect(a).toHaveLength(63);
    expect(a).not.toBe(b);
    expect(boundedName(`${'n'.repeat(70)}-a`)).toBe(a);
    expect(boundedName('short')).toBe('short');
  });
});

describe('labels', () => {
  it('name the owner by group, with its namespace unless default', () => {
    expect(ownerLabelValue('group:default/ml-teams')).toBe('ml-teams');
    expect(ownerLabelValue('ML-Teams')).toBe('ml-teams');
    expect(ownerLabelValue('group:research/vision')).toBe('research.vision');
    expect(() => ownerLabelValue('user:default/jane')).toThrow(InputError);
  });

  it('name the template version as a label value', () => {
    expect(templateVersionLabelValue('kuberay', '2.0.0')).toBe('kuberay-2.0.0');
    expect(templateVersionLabelValue('kuberay', '2.0.0-rc.1+build.7')).toBe(
      'kuberay-2.0.0-rc.1_build.7',
    );
  });

  it('turn any text into a valid label value', () => {
    expect(toLabelValue('--a/b c--')).toBe('a-b-c');
    const long = toLabelValue(`${'v'.repeat(80)}`);
    expect(long.length).toBeLessThanOrEqual(63);
    expect(long).toMatch(/^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/);
  });

  it('select what one portal instance manages, or every portal', () => {
    expect(managedSelector({ instance: 'prod' })).toBe(
      'app.kubernetes.io/managed-by=ray-service,ray-service.io/instance=prod',
    );
    expect(managedSelector({ instance: 'prod', tenant: 'alpha' })).toBe(
      'app.kubernetes.io/managed-by=ray-service,ray-service.io/instance=prod,ray-service.io/tenant=alpha',
    );
    expect(managedSelector({ allInstances: true })).toBe(
      'app.kubernetes.io/managed-by=ray-service',
    );
  });

  it('name instances with DNS labels of at most 20 characters', () => {
    expect(isInstanceName('default')).toBe(true);
    expect(isInstanceName('staging-2')).toBe(true);
    expect(isInstanceName('x'.repeat(20))).toBe(true);
    expect(isInstanceName('x'.repeat(21))).toBe(false);
    expect(isInstanceName('Prod')).toBe(false);
    expect(isInstanceName('-prod')).toBe(false);
    expect(isInstanceName('')).toBe(false);
  });
});
