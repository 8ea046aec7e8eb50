// @ts-check

/**
 * Tables of the base-image-tags backend: repositories with their health,
 * declared patterns with their sources, and the ranked tags per pattern.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('repositories', table => {
    table.comment('Container repositories listed for declared patterns');
    table.string('id', 700).primary().comment('registry/repository');
    table.string('registry', 255).notNullable();
    table.text('repository').notNullable();
    table
      .string('status', 20)
      .notNullable()
      .comment('pending, ok, failing or not-allowed');
    table.string('via', 255).nullable().comment('Sensor that lists it');
    table.integer('tag_count').nullable();
    table.timestamp('last_polled_at', { useTz: true }).nullable();
    table.timestamp('last_success_at', { useTz: true }).nullable();
    table.timestamp('failing_since', { useTz: true }).nullable();
    table.timestamp('next_attempt_at', { useTz: true }).notNullable();
    table.integer('consecutive_failures').notNullable().defaultTo(0);
    table.text('last_error').nullable().comment('Sanitised; no secrets');
    table.string('last_error_kind', 40).nullable();
    table.timestamp('refresh_requested_at', { useTz: true }).nullable();
    table.string('lease_owner', 64).nullable();
    table.timestamp('lease_until', { useTz: true }).nullable();
    table.index(['next_attempt_at'], 'repositories_next_attempt_idx');
  });

  await knex.schema.createTable('patterns', table => {
    table.comment('Declared base image patterns, one row per canonical key');
    table.string('id', 64).primary().comment('sha256 of the key');
    table.text('key').notNullable().comment('Canonical pattern text');
    table.text('raw').notNullable().comment('The pattern as declared');
    table.string('repository_id', 700).nullable();
    table.text('error').nullable().comment('Why the pattern is invalid');
    table.text('counts').nullable().comment('TagCounts as JSON');
    table.index(['repository_id'], 'patterns_repository_idx');
  });

  await knex.schema.createTable('pattern_sources', table => {
    table.comment('Who declares each pattern: entity refs or "config"');
    table
      .string('pattern_id', 64)
      .notNullable()
      .references('id')
      .inTable('patterns')
      .onDelete('CASCADE');
    table.string('source', 700).notNullable();
    table.primary(['pattern_id', 'source']);
    table.index(['source'], 'pattern_sources_source_idx');
  });

  await knex.schema.createTable('pattern_tags', table => {
    table.comment('The newest tags per pattern');
    table
      .string('pattern_id', 64)
      .notNullable()
      .references('id')
      .inTable('patterns')
      .onDelete('CASCADE');
    table.string('tag', 128).notNullable();
    table.integer('rank').notNullable().comment('0 is the newest');
    table.timestamp('first_seen_at', { useTz: true }).notNullable();
    table.primary(['pattern_id', 'tag']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('pattern_tags');
  await knex.schema.dropTable('pattern_sources');
  await knex.schema.dropTable('patterns');
  await knex.schema.dropTable('repositories');
};
