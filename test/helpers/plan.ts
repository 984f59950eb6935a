/**
 * A Terraform JSON plan (`terraform show -json plan.out`, format_version 1.2) shaped as Terraform 1.9 writes it,
 * after hashicorp/terraform internal/command/jsonplan: each resource in `planned_values` (root or child module)
 * and in `resource_changes`. Values known only after apply are left out of `values` and `after`, and marked in
 * `after_unknown`, as Terraform does.
 */
export interface PlanResourceSpec {
  /** `module.app`; the root module when absent. */
  module?: string;
  type: string;
  name: string;
  values: Record<string, unknown>;
  /** Top-level attributes known only after apply. */
  unknown?: string[];
  /** `create` has no `before`; the default is `no-op`. */
  action?: 'create' | 'update' | 'no-op';
}

export function plan(resources: PlanResourceSpec[]): string {
  const planned = resources.map((r) => {
    const address = `${r.module ? `${r.module}.` : ''}${r.type}.${r.name}`;
    const unknown = new Set(r.unknown ?? []);
    const values = Object.fromEntries(Object.entries(r.values).filter(([name]) => !unknown.has(name)));
    const action = r.action ?? 'no-op';
    const common = {
      address,
      mode: 'managed',
      type: r.type,
      name: r.name,
      provider_name: `registry.terraform.io/hashicorp/${r.type.split('_')[0]}`,
    };
    return {
      module: r.module,
      resource: { ...common, schema_version: 0, values, sensitive_values: {} },
      change: {
        ...common,
        ...(r.module ? { module_address: r.module } : {}),
        change: {
          actions: [action],
          before: action === 'create' ? null : values,
          after: values,
          after_unknown: Object.fromEntries([...unknown].map((name) => [name, true])),
          before_sensitive: action === 'create' ? false : {},
          after_sensitive: {},
        },
      },
    };
  });
  const modules = [...new Set(planned.flatMap((p) => (p.module ? [p.module] : [])))];
  return JSON.stringify(
    {
      format_version: '1.2',
      terraform_version: '1.9.8',
      planned_values: {
        root_module: {
          resources: planned.filter((p) => !p.module).map((p) => p.resource),
          child_modules: modules.map((address) => ({
            address,
            resources: planned.filter((p) => p.module === address).map((p) => p.resource),
          })),
        },
      },
      resource_changes: planned.map((p) => p.change),
      configuration: {},
      timestamp: '2025-01-01T00:00:00Z',
      applyable: planned.some((p) => p.change.change.actions[0] !== 'no-op'),
      complete: true,
      errored: false,
    },
    null,
    2,
  );
}
