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
 * The job history: RayJobs submitted through the portal, tracked until they
 * finish, then kept (status, times, the end of the log) after their cluster
 * is gone, for the retention configured.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('job_history', table => {
    table.comment('RayJobs submitted through the portal, and how they ended');
    table.increments('id');
    table.string('tenant', 63).notNullable();
    table.string('name', 63).notNullable();
    table.string('uid', 63).notNullable().comment("the RayJob's metadata.uid");
    table.string('host_cluster', 63).notNullable();
    table.string('cluster_name', 63).nullable();
    table.string('submission_id', 128).nullable();
    table.text('entrypoint').notNullable();
    table
      .string('status', 16)
      .nullable()
      .comment('Ray job status once finished');
    table.text('message').nullable();
    table.timestamp('start_time', { useTz: true }).nullable();
    table.timestamp('end_time', { useTz: true }).nullable();
    table.text('log_tail').nullable();
    table.boolean('finished').notNullable().defaultTo(false);
    table.timestamp('recorded_at', { useTz: true }).notNullable();
    table.unique(['tenant', 'name', 'uid']);
    table.index(['finished', 'recorded_at']);
    table.index(['tenant', 'finished', 'id']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('job_history');
};
