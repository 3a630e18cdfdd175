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
  CHART_REPOSITORY,
  isDnsLabel,
  isDnsSubdomain,
  isHostPort,
  isImageRegistry,
  isLabelKey,
  isLabelValue,
  isSecretKey,
  isSemver,
  requiredTextSchema,
  slugSchema,
} from './validation';
import { z } from 'zod';

describe('string formats', () => {
  it('checks DNS-1123 labels', () => {
    expect(isDnsLabel('ml-team-1')).toBe(true);
    expect(isDnsLabel('a'.repeat(63))).toBe(true);
    for (const bad of ['', 'a'.repeat(64), 'ML', '-a', 'a-', 'a.b', 'a_b']) {
      expect(isDnsLabel(bad)).toBe(false);
    }
  });

  it('checks DNS-1123 subdomains', () => {
    expect(isDnsSubdomain('redis.password')).toBe(true);
    expect(isDnsSubdomain('a..b')).toBe(false);
    expect(isDnsSubdomain(`${'a'.repeat(63)}.`.repeat(4).slice(0, 254))).toBe(
      false,
    );
  });

  it('checks semantic versions', () => {
    for (const good of [
      '0.0.0',
      '1.2.3',
      '1.2.3-rc.1',
      '1.2.3+build.7',
      '10.20.30-alpha.beta+exp.sha.5114f85',
    ]) {
      expect(isSemver(good)).toBe(true);
    }
    for (const bad of [
      '1.2',
      'v1.2.3',
      '01.2.3',
      '1.2.3-',
      '1.2.3.4',
      'latest',
    ]) {
      expect(isSemver(bad)).toBe(false);
    }
  });

  it('checks host:port', () => {
    expect(isHostPort('redis:6379')).toBe(true);
    expect(isHostPort('redis:65535')).toBe(true);
    expect(isHostPort('redis:65536')).toBe(false);
    expect(isHostPort('redis')).toBe(false);
    expect(isHostPort(':6379')).toBe(false);
    // Every port from 1 to 65535, and no other, in the pattern itself.
    const ports = Array.from({ length: 70000 }, (_, port) => port).filter(
      port => isHostPort(`redis:${port}`),
    );
    expect([ports.length, ports[0], ports[ports.length - 1]]).toEqual([
      65535, 1, 65535,
    ]);
    expect(isHostPort('redis:06379')).toBe(false);
  });

  it('checks Helm chart repositories', () => {
    for (const repository of [
      'https://jupyterhub.github.io/helm-chart',
      'https://ray-project.github.io/kuberay-helm/',
      'oci://registry.internal.example.com:5000/mirror/charts',
    ]) {
      expect(CHART_REPOSITORY.test(repository)).toBe(true);
    }
    for (const repository of [
      'http://charts.example.com',
      'oci://',
      'oci://ghcr.io:70000/charts',
      'oci://[0]/charts',
      'bitnami/mlflow',
    ]) {
      expect(CHART_REPOSITORY.test(repository)).toBe(false);
    }
  });

  it('checks image registries', () => {
    expect(isImageRegistry('ghcr.io')).toBe(true);
    expect(isImageRegistry('ghcr.io/org/ray-images')).toBe(true);
    expect(isImageRegistry('ghcr.io/')).toBe(false);
    expect(isImageRegistry('ghcr.io:0')).toBe(false);
  });

  it('checks label keys and values', () => {
    expect(isLabelKey('app.kubernetes.io/name')).toBe(true);
    expect(isLabelKey('/name')).toBe(false);
    expect(isLabelValue('')).toBe(true);
    expect(isLabelValue('a_b.c-D')).toBe(true);
    expect(isLabelValue('_a')).toBe(false);
  });

  it('checks secret keys', () => {
    expect(isSecretKey('.dockerconfigjson')).toBe(true);
    expect(isSecretKey('a/b')).toBe(false);
  });

  it('explains slug errors', () => {
    expect(slugSchema.safeParse('My Profile').error?.issues[0].message).toMatch(
      /^must be a DNS-1123 label/,
    );
    expect(slugSchema.safeParse('a'.repeat(64)).error?.issues[0].message).toBe(
      'must be at most 63 characters',
    );
  });

  it('refuses whitespace alone as required text and keeps the rest trimmed', () => {
    const schema = requiredTextSchema(5);
    expect(schema.parse('  Small \u000b')).toBe('Small');
    expect(schema.safeParse('  Larger ').success).toBe(false);
    for (const blank of ['', ' ', '\u000b', '\ufeff\u3000\n']) {
      expect(schema.safeParse(blank).error?.issues[0].message).toBe(
        'is required',
      );
    }
  });

  it('states in the OpenAPI pattern exactly the characters that trim keeps', () => {
    const { pattern } = z.toJSONSchema(requiredTextSchema(5)) as {
      pattern: string;
    };
    const openApiPattern = new RegExp(pattern);
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      if (openApiPattern.test(char) === (char.trim() === '')) {
        throw new Error(`U+${code.toString(16)}: pattern and trim disagree`);
      }
    }
  });
});
