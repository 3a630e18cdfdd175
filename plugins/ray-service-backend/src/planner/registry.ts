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

/**
 * The image registry override of air-gapped clusters
 * (`security.imageRegistry`, e.g. `registry.internal.example.com:5000/mirror`).
 *
 * The mirroring rule: an upstream image `<registry>/<repository>` is expected
 * at `<override>/<repository>`, so `quay.io/kuberay/operator` becomes
 * `<override>/kuberay/operator` and `docker.io/rayproject/ray` becomes
 * `<override>/rayproject/ray` (`skopeo sync`/`crane copy` layouts).
 * Charts the planner installs on its own (vcluster, KubeRay operator) are
 * expected as OCI artifacts under `oci://<override>/charts/<chart>`.
 */

export interface UpstreamImage {
  registry: string;
  repository: string;
}

export const UPSTREAM_IMAGES = {
  kuberayOperator: { registry: 'quay.io', repository: 'kuberay/operator' },
  ray: { registry: 'docker.io', repository: 'rayproject/ray' },
} as const satisfies Record<string, UpstreamImage>;

/** Where an upstream image's repository is pulled from. */
export function imageRepository(
  image: UpstreamImage,
  registry: string | undefined,
): string {
  return `${registry ?? image.registry}/${image.repository}`;
}

/** The Ray image of a template version, e.g. `docker.io/rayproject/ray:2.60.0`. */
export function rayImage(template: {
  rayVersion: string;
  security: { imageRegistry?: string };
}): string {
  return `${imageRepository(
    UPSTREAM_IMAGES.ray,
    template.security.imageRegistry,
  )}:${template.rayVersion}`;
}

export const MIRRORED_CHARTS_PATH = 'charts';

/** `oci://<override>/charts`: where mirrored charts live. */
export function mirroredChartRepository(registry: string): string {
  return `oci://${registry}/${MIRRORED_CHARTS_PATH}`;
}

type Values = Record<string, unknown>;

function isObject(value: unknown): value is Values {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rewriteImageReferences(value: unknown, registry: string): unknown {
  if (Array.isArray(value)) {
    return value.map(item => rewriteImageReferences(item, registry));
  }
  if (!isObject(value)) {
    return value;
  }
  const isImageReference =
    typeof value.registry === 'string' && typeof value.repository === 'string';
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => [
      key,
      isImageReference && key === 'registry'
        ? registry
        : rewriteImageReferences(child, registry),
    ]),
  );
}

/**
 * The values of an add-on with the registry override applied. Helm charts
 * have no single convention for images, so the rule is deliberately narrow:
 *
 * - `global.imageRegistry` is set (the Bitnami convention many charts follow);
 * - every `{ registry, repository }` object in the template's values (the
 *   common `image.registry` convention) gets the override as its registry.
 *
 * Charts that name images differently need their mirrored image names in the
 * template's add-on values.
 */
export function addonValuesWithRegistry(
  values: Values,
  registry: string | undefined,
): Values {
  if (!registry) {
    return values;
  }
  const rewritten = rewriteImageReferences(values, registry) as Values;
  const global = isObject(rewritten.global) ? rewritten.global : {};
  return { ...rewritten, global: { ...global, imageRegistry: registry } };
}
