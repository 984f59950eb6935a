/**
 * A Terraform resource address (`module.net.aws_subnet.public[0]`, `aws_s3_bucket.this["logs"]`) in its parts,
 * and the commands that act on one resource: `-target` takes the address as Terraform prints it
 * (developer.hashicorp.com/terraform/cli/state/resource-addressing). Addresses come from state files, so each
 * command quotes it for a POSIX shell: brackets and quotes are shell syntax.
 */
export interface ResourceAddress {
  /** The module path, `module.a.module.b`; empty at the root. */
  modules: string[];
  type: string;
  name: string;
  /** `count` or `for_each` instance key, as written (`[0]`, `["logs"]`). */
  instance?: string;
}

const NAME = '[A-Za-z_][A-Za-z0-9_-]*';
const INDEX = '\\[(?:[0-9]+|"(?:[^"\\\\]|\\\\.)*")\\]';
const MODULE = new RegExp(`^module\\.(${NAME})(?:${INDEX})?\\.`);
const RESOURCE = new RegExp(`^(${NAME})\\.(${NAME})(${INDEX})?$`);

export function parseAddress(address: string): ResourceAddress | undefined {
  const modules: string[] = [];
  let rest = address;
  for (let match = MODULE.exec(rest); match; match = MODULE.exec(rest)) {
    modules.push(match[0].slice(0, -1));
    rest = rest.slice(match[0].length);
  }
  const match = RESOURCE.exec(rest);
  if (!match || match[1] === 'data') return undefined;
  const parsed: ResourceAddress = { modules, type: match[1] as string, name: match[2] as string };
  if (match[3] !== undefined) parsed.instance = match[3];
  return parsed;
}

/**
 * `terraform apply -target=ADDR`: puts the cloud back as the code says. One resource may take several targets:
 * a bucket's versioning is reverted by applying its aws_s3_bucket_versioning, not the bucket.
 */
export function revertCommand(addresses: readonly string[]): string {
  return `terraform apply ${targets(addresses)}`;
}

/** `terraform apply -refresh-only -target=ADDR`: records the live value in state, changing no cloud resource. */
export function refreshCommand(addresses: readonly string[]): string {
  return `terraform apply -refresh-only ${targets(addresses)}`;
}

function targets(addresses: readonly string[]): string {
  return addresses.map((address) => `-target=${shellQuote(address)}`).join(' ');
}

export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}
