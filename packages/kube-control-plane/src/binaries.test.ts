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
import os from 'node:os';
import path from 'node:path';
import {
  BINARIES,
  controlPlaneAvailability,
  controlPlaneBinDir,
  shouldRunControlPlaneTests,
} from './binaries';

describe('control plane binaries', () => {
  let binDir: string;
  beforeEach(() => {
    binDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcp-bin-'));
  });
  afterEach(() => fs.rmSync(binDir, { recursive: true, force: true }));

  const install = (names: readonly string[]) =>
    names.forEach(name => {
      fs.writeFileSync(path.join(binDir, name), '#!/bin/sh\n');
      fs.chmodSync(path.join(binDir, name), 0o755);
    });

  it('are looked for in $RAY_SERVICE_K8S_BIN, else in the versioned cache dir', () => {
    expect(controlPlaneBinDir({ RAY_SERVICE_K8S_BIN: binDir })).toBe(binDir);
    expect(controlPlaneBinDir({ XDG_CACHE_HOME: '/cache' })).toBe(
      '/cache/ray-service/kube-control-plane/v1.34.4/bin',
    );
  });

  it('are available only when all four are executable', () => {
    install(['etcd', 'kube-apiserver']);
    fs.writeFileSync(path.join(binDir, 'kubectl'), 'not executable');
    const partial = controlPlaneAvailability({
      XDG_CACHE_HOME: '/nowhere',
      RAY_SERVICE_K8S_BIN: binDir,
    });
    expect(partial.available).toBe(false);
    expect(partial.missing).toEqual(['kube-controller-manager', 'kubectl']);
    expect(partial.message).toContain('yarn k8s:build');

    install(BINARIES);
    expect(
      controlPlaneAvailability({ RAY_SERVICE_K8S_BIN: binDir }),
    ).toMatchObject({
      available: true,
      missing: [],
    });
  });

  describe('shouldRunControlPlaneTests', () => {
    it('runs the tests when the binaries are there', () => {
      install(BINARIES);
      const warn = jest.fn();
      expect(
        shouldRunControlPlaneTests(
          'x.test.ts',
          { RAY_SERVICE_K8S_BIN: binDir },
          warn,
        ),
      ).toBe(true);
      expect(warn).not.toHaveBeenCalled();
    });

    it('skips them with a message on a machine without the binaries', () => {
      const warn = jest.fn();
      const env = { XDG_CACHE_HOME: binDir };
      expect(shouldRunControlPlaneTests('x.test.ts', env, warn)).toBe(false);
      expect(warn).toHaveBeenCalledWith(
        expect.stringMatching(/^x\.test\.ts: skipping, .*missing/),
      );
    });

    it('fails when CI is set or RAY_SERVICE_K8S_BIN names a folder without them', () => {
      const warn = jest.fn();
      expect(() =>
        shouldRunControlPlaneTests(
          'x.test.ts',
          { CI: 'true', XDG_CACHE_HOME: binDir },
          warn,
        ),
      ).toThrow(/x\.test\.ts: the control plane is required here/);
      expect(() =>
        shouldRunControlPlaneTests(
          'x.test.ts',
          { RAY_SERVICE_K8S_BIN: binDir },
          warn,
        ),
      ).toThrow(/missing from/);
      expect(warn).not.toHaveBeenCalled();
    });
  });
});
