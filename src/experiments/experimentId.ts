/**
 * A well-formed experiment id, `<namespace>/<name>` in lowercase letters, digits and '-' (as
 * schema/project.schema.json, run-record.schema.json and golden.schema.json have it). Anchored
 * and without nested quantifiers, so testing any string is linear in its length.
 */
export const EXPERIMENT_ID = /^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/;
