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

import { z } from 'zod';
import { boundedDocumentSchema } from './documents';
import { UNPROCESSABLE } from './errors';
import { groupRefListSchema, isSharedWith } from './groups';
import {
  CHART_REPOSITORY,
  DNS_SUBDOMAIN,
  HOST_PORT,
  IMAGE_REGISTRY,
  SECRET_KEY,
  semverSchema,
  slugSchema,
  timestampSchema,
  uniqueBy,
} from './validation';

export const ISOLATION_MODES = ['vcluster', 'namespace'] as const;
export type IsolationMode = (typeof ISOLATION_MODES)[number];

export const TEMPLATE_VERSION_STATES = [
  'draft',
  'published',
  'deprecated',
  'retired',
] as const;
export type TemplateVersionState = (typeof TEMPLATE_VERSION_STATES)[number];

/** A Helm chart installed into every tenant, e.g. JupyterLab or MLflow. */
export const addonSchema = z.object({
  name: slugSchema,
  chart: z.object({
    repository: z
      .string()
      .regex(
        CHART_REPOSITORY,
        'must be an https:// or oci:// URL, e.g. "oci://ghcr.io/example/charts"',
      ),
    name: z
      .string()
      .regex(
        /^[a-z0-9][-a-z0-9_.]*$/,
        'must be a Helm chart name such as "mlflow"',
      ),
    version: semverSchema,
  }),
  /** Where the chart goes inside the tenant; defaults to the add-on name. */
  namespace: slugSchema.optional(),
  /** Helm values. */
  values: boundedDocumentSchema.optional(),
});

export type Addon = z.infer<typeof addonSchema>;

/**
 * Kubernetes Pod Security Standards a tenant namespace can enforce, most
 * secure first.
 */
export const POD_SECURITY_LEVELS = ['restricted', 'baseline'] as const;
export type PodSecurityLevel = (typeof POD_SECURITY_LEVELS)[number];

export const securitySchema = z.object({
  networkPolicy: z.boolean(),
  tls: z.boolean(),
  /**
   * The Pod Security Standard the tenant namespace enforces. Default:
   * `restricted`, or `baseline` when the version has add-ons (their charts'
   * pods are not known to pass `restricted`).
   */
  podSecurity: z.enum(POD_SECURITY_LEVELS).optional(),
  /** Registry that replaces the default image registry, `host[:port][/path]`. */
  imageRegistry: z
    .string()
    .regex(
      IMAGE_REGISTRY,
      'must be host[:port][/path] with a port from 1 to 65535, e.g. "registry.example.com:5000/ray"',
    )
    .optional(),
  /** External Redis for Ray GCS fault tolerance. */
  gcsFaultTolerance: z
    .object({
      redisAddress: z
        .string()
        .regex(
          HOST_PORT,
          'must be host:port with a port from 1 to 65535, e.g. "redis.ray-system.svc:6379"',
        ),
      passwordSecretRef: z.object({
        name: z
          .string()
          .max(253, 'must be at most 253 characters')
          .regex(DNS_SUBDOMAIN, 'must be a Secret name (DNS-1123 subdomain)'),
        key: z
          .string()
          .max(253, 'must be at most 253 characters')
          .regex(
            SECRET_KEY,
            'must be a Secret key: letters, digits, "-", "_" and "."',
          ),
      }),
    })
    .optional(),
});

export type TemplateSecurity = z.infer<typeof securitySchema>;

/** The fields an imported document's `spec` and a stored version share. */
const contentFields = {
  kuberayVersion: semverSchema,
  rayVersion: semverSchema,
  vclusterChartVersion: semverSchema,
  isolationModes: z
    .array(z.enum(ISOLATION_MODES))
    .min(1, 'name at least one of vcluster, namespace')
    .superRefine(
      uniqueBy(
        mode => mode,
        mode => `"${mode}" is listed twice`,
      ),
    )
    .meta({ uniqueItems: true }),
  addons: z
    .array(addonSchema)
    .max(20, 'at most 20 add-ons')
    .default([])
    .superRefine(
      uniqueBy(
        addon => addon.name,
        name => `add-on "${name}" is listed twice`,
        // Items each valid that clash, which JSON Schema cannot state: 422.
        UNPROCESSABLE,
      ),
    ),
  security: securitySchema,
  changelog: z.string().max(20_000).default(''),
  /** Groups that may use the version, descendants included; empty = admins only. */
  sharedWith: groupRefListSchema.default([]),
};

/** A template version before the backend stores it, e.g. freshly imported. */
export const newTemplateVersionSchema = z.object({
  name: slugSchema,
  version: semverSchema,
  ...contentFields,
  state: z.enum(TEMPLATE_VERSION_STATES),
});

export type NewTemplateVersion = z.infer<typeof newTemplateVersionSchema>;

/** A stored tenant template version as the REST API returns it. */
export const templateVersionSchema = newTemplateVersionSchema
  .extend({
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    /** Entity ref of the user who imported the version. */
    createdBy: z.string().min(1),
  })
  .meta({ id: 'TemplateVersion' });

export type TemplateVersion = z.infer<typeof templateVersionSchema>;

export const TEMPLATE_VERSION_API_VERSION = 'ray-service.io/v1alpha1';
export const TEMPLATE_VERSION_KIND = 'TenantTemplateVersion';

/**
 * The YAML or JSON document admins import. Unknown keys in `spec` are errors
 * so that a misspelt optional setting is not silently dropped.
 */
export const templateVersionDocumentSchema = z
  .object({
    apiVersion: z.literal(TEMPLATE_VERSION_API_VERSION),
    kind: z.literal(TEMPLATE_VERSION_KIND),
    metadata: z.object({ name: slugSchema, version: semverSchema }),
    spec: z.strictObject({
      ...contentFields,
      /** Importing as published skips the draft review. */
      state: z.enum(['draft', 'published']).optional(),
    }),
  })
  .meta({ id: 'TemplateVersionDocument' });

export type TemplateVersionDocument = z.infer<
  typeof templateVersionDocumentSchema
>;

/** The version a parsed document describes; it starts as a draft unless it says published. */
export function templateVersionFromDocument(
  document: TemplateVersionDocument,
): NewTemplateVersion {
  const { state = 'draft', ...spec } = document.spec;
  return {
    name: document.metadata.name,
    version: document.metadata.version,
    ...spec,
    state,
  };
}

/**
 * Whether a plain user may see a version: published or deprecated (tenants
 * may still run on it) and shared with one of the user's groups or their
 * ancestors. Drafts and retired versions are for admins only.
 */
export function isTemplateVersionVisibleTo(
  version: Pick<TemplateVersion, 'state' | 'sharedWith'>,
  userGroupRefs: string[],
  ancestorsOf: (groupRef: string) => string[],
): boolean {
  return (
    (version.state === 'published' || version.state === 'deprecated') &&
    isSharedWith(version.sharedWith, userGroupRefs, ancestorsOf)
  );
}
