/** Builders for Terraform state v4 and snapshot documents, shaped as Terraform and driftwarden write them. */
export interface InstanceSpec {
  index_key?: number | string;
  attributes: Record<string, unknown>;
  sensitive_attributes?: unknown[];
  status?: string;
  deposed?: string;
}

export interface ResourceSpec {
  module?: string;
  mode?: 'managed' | 'data';
  type: string;
  name: string;
  each?: 'list' | 'map';
  instances: InstanceSpec[];
}

export function state(resources: ResourceSpec[], version = 4): string {
  return JSON.stringify(
    {
      version,
      terraform_version: '1.9.8',
      serial: 3,
      lineage: '0f7c2a52-5d1e-4b8e-9a57-0c1c2b9c9e11',
      outputs: {},
      resources: resources.map((r) => ({
        ...(r.module ? { module: r.module } : {}),
        mode: r.mode ?? 'managed',
        type: r.type,
        name: r.name,
        ...(r.each ? { each: r.each } : {}),
        provider: `provider["registry.terraform.io/hashicorp/${r.type.split('_')[0]}"]`,
        instances: r.instances.map((i) => ({ schema_version: 0, sensitive_attributes: [], ...i })),
      })),
      check_results: null,
    },
    null,
    2,
  );
}

export function one(
  type: string,
  name: string,
  attributes: Record<string, unknown>,
  extra: Partial<ResourceSpec> = {},
): ResourceSpec {
  return { type, name, instances: [{ attributes }], ...extra };
}

export interface SnapshotItem {
  type: string;
  id: string;
  attributes: Record<string, unknown>;
}

export function snapshot(
  resources: SnapshotItem[],
  coveredTypes: string[] = [...new Set(resources.map((r) => r.type))],
): string {
  return JSON.stringify({ snapshotVersion: 1, coveredTypes, resources }, null, 2);
}
