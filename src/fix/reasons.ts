import type { CannotPatch } from './plan.js';

/** Why a value is not patched, in one sentence each: the CLI, the pull-request comment and the issue say the same. */
export const CANNOT_PATCH: Readonly<Record<CannotPatch, string>> = {
  variable: 'the value comes from a variable (var.*): change its value where it is set',
  local: 'the value comes from a local value (local.*)',
  reference: 'the value is a reference to another object',
  function: 'the value is a function call (such as jsonencode)',
  template: 'the value is a string template with interpolation',
  heredoc: 'the value is a heredoc',
  expression: 'the value is an expression, not a literal',
  dynamic: 'the block is made by a dynamic block',
  'set-element': 'the value is an element of a set, which Terraform matches by value, not position',
  block: 'the change is to a whole nested block',
  document: 'the value is inside a document written as one string',
  'not-in-code':
    'the resource block does not write this attribute (a provider default, or declared elsewhere)',
  module:
    'the resource is declared in a module: its values come from the module code shared by every call, or from the module inputs',
  instances: 'the resource is one instance of count or for_each: its block is shared by every instance',
  'no-address': 'the resource has no Terraform address (it is not declared by Terraform)',
  'no-block': 'no resource block with this address in the code that was read',
  ambiguous: 'more than one resource block has this address (override files included)',
  'sub-ambiguous':
    'more than one sub-resource block (such as aws_s3_bucket_versioning) configures this part of the resource',
  'code-differs': 'the code does not read what the state says was applied (unapplied code changes)',
  removed: 'the live side has no value here; removing it from code is left to you',
  secret: 'the value is a secret, masked in the report, and is never written',
  text: 'the live value cannot be written as an HCL literal',
  overlap: 'another change rewrites the same text',
};
