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

import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { profileInput, templateDocument } from '../__testUtils__/fixtures';
import { createTestServices, people } from '../__testUtils__/services';
import { importBootstrapContent } from './importBootstrapContent';

const SHIPPED = resolve(__dirname, '../../../../templates');

describe('importBootstrapContent', () => {
  const logger = mockServices.logger.mock();
  const credentials = mockCredentials.service('plugin:ray-service');

  it('imports the shipped template versions and profiles once', async () => {
    const services = await createTestServices();
    const sources = {
      templateVersionsDir: join(SHIPPED, 'tenant-versions'),
      profilesFile: join(SHIPPED, 'compute-profiles.yaml'),
    };
    const first = await importBootstrapContent(sources, {
      ...services,
      logger,
      credentials,
    });
    expect(first).toEqual({
      templateVersions: { imported: 3, kept: 0, invalid: 0 },
      profiles: { imported: 4, kept: 0, invalid: 0 },
    });
    const second = await importBootstrapContent(sources, {
      ...services,
      logger,
      credentials,
    });
    expect(second).toEqual({
      templateVersions: { imported: 0, kept: 3, invalid: 0 },
      profiles: { imported: 0, kept: 4, invalid: 0 },
    });

    const audit = await services.audit.list(people.pat, { limit: 50 });
    expect(audit.totalCount).toBe(7);
    expect(new Set(audit.items.map(entry => entry.actor))).toEqual(
      new Set(['service:plugin:ray-service']),
    );
  });

  it('never overwrites what admins changed', async () => {
    const services = await createTestServices();
    const dir = await mkdtemp(join(tmpdir(), 'bootstrap-'));
    const profilesFile = join(dir, 'profiles.yaml');
    await writeFile(profilesFile, stringify([profileInput()]));
    await importBootstrapContent(
      { profilesFile },
      { ...services, logger, credentials },
    );
    await services.profiles.update(
      people.pat,
      'small',
      profileInput({ displayName: 'Changed by an admin' }),
    );

    await importBootstrapContent(
      { profilesFile },
      { ...services, logger, credentials },
    );
    expect((await services.profiles.get(people.pat, 'small')).displayName).toBe(
      'Changed by an admin',
    );
  });

  it('skips and logs invalid documents, importing the rest', async () => {
    const services = await createTestServices();
    const dir = await mkdtemp(join(tmpdir(), 'bootstrap-'));
    await writeFile(
      join(dir, 'two.yaml'),
      [
        stringify(templateDocument({ version: '1.0.0' })),
        stringify(templateDocument({ version: 'one' })),
      ].join('---\n'),
    );
    await writeFile(join(dir, 'broken.yml'), 'spec: [unclosed');
    await writeFile(join(dir, 'notes.txt'), 'not a template');

    const result = await importBootstrapContent(
      { templateVersionsDir: dir },
      { ...services, logger, credentials },
    );
    expect(result.templateVersions).toEqual({
      imported: 1,
      kept: 0,
      invalid: 2,
    });
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringMatching(/two\.yaml \(document 2\).*metadata\.version/),
    );
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringMatching(/broken\.yml.*invalid YAML/),
    );
  });

  it('fails when a configured source is missing', async () => {
    const services = await createTestServices();
    await expect(
      importBootstrapContent(
        { profilesFile: '/nonexistent/profiles.yaml' },
        { ...services, logger, credentials },
      ),
    ).rejects.toThrow(/ENOENT/);
  });
});
