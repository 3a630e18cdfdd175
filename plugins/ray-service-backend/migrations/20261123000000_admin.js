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

// @ts-check

/**
 * What admins manage (compute profiles, tenant template versions), the audit
 * log of their changes, and tenants, which profile deletion and template
 * retirement must count.
 *
 * Group refs of `visibleTo`/`sharedWith` get their own tables so that lists
 * can be filtered by a user's groups in SQL and paged by key.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('compute_profiles', table => {
    table.comment('Compute profiles teams pick for their tenants');
    table.string('name', 63).primary().notNullable();
    table.boolean('published').notNullable();
    table
      .text('spec')
      .notNullable()
      .comment(
        'JSON: displayName, description, resources, partitioning, allocation',
      );
    table.string('created_by').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('compute_profile_visibility', table => {
    table.comment('Groups a profile is visible to; none = everyone');
    table
      .string('profile_name', 63)
      .notNullable()
      .references('name')
      .inTable('compute_profiles')
      .onDelete('CASCADE');
    table.string('group_ref').notNullable().comment('normalized group ref');
    table.primary(['profile_name', 'group_ref']);
    table.index('group_ref');
  });

  await knex.schema.createTable('template_versions', table => {
    table.comment('Versions of tenant templates and their lifecycle state');
    table.string('name', 63).notNullable();
    table.string('version', 255).notNullable();
    table
      .text('version_key')
      .notNullable()
      .comment('digits only; sorts like semver precedence in any collation');
    table.string('state', 16).notNullable();
    table
      .text('spec')
      .notNullable()
      .comment(
        'JSON: kuberayVersion, rayVersion, vclusterChartVersion, isolationModes, addons, security, changelog',
      );
    table.string('created_by').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.primary(['name', 'version']);
    table.index(['name', 'version_key', 'version'], 'template_versions_order');
  });

  await knex.schema.createTable('template_version_sharing', table => {
    table.comment('Groups a template version is shared with; none = admins');
    table.string('template_name', 63).notNullable();
    table.string('template_version', 255).notNullable();
    table.string('group_ref').notNullable().comment('normalized group ref');
    table.primary(['template_name', 'template_version', 'group_ref']);
    table
      .foreign(['template_name', 'template_version'])
      .references(['name', 'version'])
      .inTable('template_versions')
      .onDelete('CASCADE');
    table.index('group_ref');
  });

  await knex.schema.createTable('audit_log', table => {
    table.comment('Every admin change: who did what to which object');
    table.increments('id').primary();
    table.timestamp('at', { useTz: true }).notNullable();
    table.string('actor').notNullable();
    table.string('action', 64).notNullable();
    table.string('target_kind', 32).notNullable();
    table.string('target_name').notNullable();
    table.text('before').nullable().comment('JSON of the object before');
    table.text('after').nullable().comment('JSON of the object after');
  });

  await knex.schema.createTable('tenants', table => {
    table.comment('Tenants: desired state (spec) and observed state (status)');
    table.string('name', 63).primary().notNullable();
    table.string('owner').notNullable().comment('group ref');
    table.string('profile', 63).notNullable();
    table.string('template_name', 63).notNullable();
    table.string('template_version', 255).notNullable();
    table.string('host_cluster', 63).notNullable();
    table.string('isolation', 16).notNullable();
    table.string('phase', 32).notNullable();
    table.text('spec').notNullable().comment('JSON');
    table.text('status').notNullable().comment('JSON');
    table.integer('generation').notNullable().defaultTo(1);
    table.integer('observed_generation').notNullable().defaultTo(0);
    table.string('created_by').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.timestamp('deletion_requested_at', { useTz: true }).nullable();
    table.index('profile');
    table.index(['template_name', 'template_version']);
    table.index('owner');
    table.index('host_cluster');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('tenants');
  await knex.schema.dropTable('audit_log');
  await knex.schema.dropTable('template_version_sharing');
  await knex.schema.dropTable('template_versions');
  await knex.schema.dropTable('compute_profile_visibility');
  await knex.schema.dropTable('compute_profiles');
};
