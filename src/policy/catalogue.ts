import { z } from 'zod';
import { SEVERITIES } from '../model/severity.js';

/**
 * The rule catalogue, written beside policy.wasm from the rules' `# METADATA` at build time, so that a scan knows
 * each rule's id, severity and types without parsing Rego.
 */
export const CATEGORIES = ['iam', 'encryption', 'network', 'secrets'] as const;

export const ruleMetadataSchema = z
  .object({
    id: z.string().regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/, 'must look like DW-AWS-IAM-001'),
    severity: z.enum(SEVERITIES),
    category: z.enum(CATEGORIES),
    resource_types: z
      .array(z.string().regex(/^[a-z][a-z0-9]*_[a-z0-9_]+$/, 'must be Terraform type names'))
      .min(1),
    controls: z.array(z.string()).default([]),
    remediation: z.string().min(1),
    /** The same check in the other scanners, for migration: `CKV_AWS_19`, `CKV2_AZURE_1`. */
    checkov: z.array(z.string().regex(/^CKV2?_[A-Z0-9]+_\d+$/, 'must look like CKV_AWS_19')).default([]),
    /** Trivy's ids for the same check: its AVD id `AVD-AWS-0088`, or its long id `aws-s3-enable-bucket-encryption`. */
    trivy: z
      .array(
        z
          .string()
          .regex(
            /^(AVD-[A-Z0-9]+-\d{4}|[a-z0-9]+(-[a-z0-9]+)+)$/,
            'must look like AVD-AWS-0088 or aws-s3-enable-bucket-encryption',
          ),
      )
      .default([]),
  })
  .loose();

/** The same check in Checkov and Trivy, whose inline skips waive this rule. */
export const equivalentsSchema = z.object({
  checkov: z.array(z.string()),
  trivy: z.array(z.string()),
});

export const catalogueRuleSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  severity: z.enum(SEVERITIES),
  category: z.enum(CATEGORIES),
  resourceTypes: z.array(z.string()),
  controls: z.array(z.string()),
  remediation: z.string(),
  /** Absent in bundles built before the equivalents were recorded. */
  equivalents: equivalentsSchema.default({ checkov: [], trivy: [] }),
  relatedResources: z.array(z.string()),
  /** The Wasm entrypoint: the rule's package path with slashes, plus `/deny`. */
  entrypoint: z.string(),
  file: z.string(),
});

export const catalogueSchema = z.object({
  catalogueVersion: z.literal(1),
  opaVersion: z.string(),
  /** sha256 of the sources, the capabilities and the opa version: a stale bundle is one whose hash differs. */
  sourceHash: z.string(),
  rules: z.array(catalogueRuleSchema),
});

export type CatalogueRule = z.infer<typeof catalogueRuleSchema>;
export type Catalogue = z.infer<typeof catalogueSchema>;
