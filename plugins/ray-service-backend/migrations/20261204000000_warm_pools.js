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
 * Warm pools. A tenant's namespace is its own column: a pool tenant keeps
 * the namespace it was provisioned in when a team claims it under another
 * name. `pool` names the warm-pool profile of an unclaimed standby; `ready_at`
 * is when a tenant first became Ready. `pools` holds each pool's last
 * control-loop status, `pool_events` claims, misses and times to Ready, and
 * `pool_samples` the history shown on the admin page (both pruned by age).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('tenants', table => {
    table.string('namespace', 63).nullable();
    table
      .string('pool', 63)
      .nullable()
      .comment('warm-pool profile of an unclaimed standby');
    table.timestamp('ready_at', { useTz: true }).nullable();
    table.timestamp('claimed_at', { useTz: true }).nullable();
  });
  await knex('tenants').update({
    namespace: knex.raw("'ray-' || ??", ['name']),
  });
  await knex.schema.alterTable('tenants', table => {
    table.unique(['host_cluster', 'namespace'], {
      indexName: 'tenants_namespace_unique',
    });
    table.index(['pool', 'phase'], 'tenants_pool');
  });

  await knex.schema.createTable('pools', table => {
    table.comment('The last control-loop status of each warm pool');
    table.string('profile', 63).primary().notNullable();
    table.text('status').notNullable().comment('JSON: desired, conditions');
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });
  await knex.schema.createTable('pool_events', table => {
    table.comment('Claims, misses and times to Ready of warm pools');
    table.increments('id');
    table.string('profile', 63).notNullable();
    table.string('kind', 16).notNullable().comment('claim, miss or ready');
    table.string('tenant', 63).nullable();
    table.integer('duration_ms').nullable().comment('ready: create to Ready');
    table.timestamp('at', { useTz: true }).notNullable();
    table.index(['profile', 'kind', 'at']);
    table.index('at');
  });
  await knex.schema.createTable('pool_samples', table => {
    table.comment('History of warm pools: desired, ready, claims over time');
    table.increments('id');
    table.string('profile', 63).notNullable();
    table.timestamp('at', { useTz: true }).notNullable();
    table.integer('desired').notNullable();
    table.integer('ready').notNullable();
    table.integer('provisioning').notNullable();
    table.integer('claims').notNullable();
    table.index(['profile', 'at']);
    table.index('at');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('pool_samples');
  await knex.schema.dropTable('pool_events');
  await knex.schema.dropTable('pools');
  await knex.schema.alterTable('tenants', table => {
    table.dropIndex(['pool', 'phase'], 'tenants_pool');
    table.dropUnique(['host_cluster', 'namespace'], 'tenants_namespace_unique');
    table.dropColumn('claimed_at');
    table.dropColumn('ready_at');
    table.dropColumn('pool');
    table.dropColumn('namespace');
  });
};
