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

import { TEMPLATES } from './__testUtils__/fixtures';
import {
  podSecurityLevel,
  raySecurity,
  restrictedContainer,
  restrictedPod,
} from './podSecurity';

describe('pod security', () => {
  it('defaults to restricted, and to baseline for versions with add-ons', () => {
    expect(podSecurityLevel(TEMPLATES.bare)).toBe('restricted');
    expect(TEMPLATES.standard.addons.length).toBeGreaterThan(0);
    expect(podSecurityLevel(TEMPLATES.standard)).toBe('baseline');
    expect(
      podSecurityLevel({
        ...TEMPLATES.standard,
        security: { ...TEMPLATES.standard.security, podSecurity: 'restricted' },
      }),
    ).toBe('restricted');
  });

  it('makes containers and pods as PodSecurity restricted asks', () => {
    expect(restrictedContainer({ uid: 7, gid: 8 })).toEqual({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      runAsNonRoot: true,
      runAsUser: 7,
      runAsGroup: 8,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(restrictedPod()).toEqual({
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
    });
  });

  it('runs Ray as the ray user of its images', () => {
    expect(raySecurity()).toEqual({
      pod: {
        runAsNonRoot: true,
        runAsUser: 1000,
        runAsGroup: 100,
        fsGroup: 100,
        seccompProfile: { type: 'RuntimeDefault' },
      },
      container: restrictedContainer({ uid: 1000, gid: 100 }),
    });
  });
});
