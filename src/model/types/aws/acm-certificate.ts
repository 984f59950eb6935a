import { isPlainObject, isUnknown, type Value } from '../../value.js';
import { put, record, tagMap } from '../read/aws-config.js';
import * as cfn from '../read/cloudformation.js';
import { type Attributes, defineType } from '../resource-type.js';
import * as s from '../schema.js';
import type { AwsConfigItem } from '../sources.js';
import { idText, str, strs } from './shared/config-fields.js';

/**
 * aws_acm_certificate, keyed by its ARN: the state's `id` and the import id (the provider docs' Import section:
 * `terraform import aws_acm_certificate.cert arn:aws:acm:...:certificate/...`).
 *
 * AWS Config (AWS::ACM::Certificate): the DescribeCertificate shape, awslabs/aws-config-resource-schema
 * `config/properties/resource-types/AWS::ACM::Certificate.properties.json` (configuration.certificateArn,
 * domainName, subjectAlternativeNames[] (the domain name among them), domainValidationOptions[{validationMethod}],
 * keyAlgorithm, certificateAuthorityArn, options.certificateTransparencyLoggingPreference, type, status,
 * renewalEligibility; tags the envelope's map). DescribeCertificate writes key algorithms with a hyphen (`RSA-2048`)
 * where the request enum and templates use an underscore (`RSA_2048`): every form is brought to the underscore.
 *
 * CloudFormation: AWS::CertificateManager::Certificate (DomainName, SubjectAlternativeNames, ValidationMethod,
 * CertificateAuthorityArn (a private certificate), KeyAlgorithm (default RSA_2048),
 * CertificateTransparencyLoggingPreference (default ENABLED), Tags).
 * Terraform: hashicorp/terraform-provider-aws aws_acm_certificate: subject_alternative_names leaves out the domain
 * name; validation_method is the first validation option's method for an Amazon-issued certificate, NONE otherwise.
 * The private key and certificate body of an imported certificate are never read.
 */
export const acmCertificate = defineType({
  type: 'aws_acm_certificate',
  provider: 'aws',
  schema: s.attributes({
    arn: s.string,
    domain_name: s.string,
    subject_alternative_names: s.strings,
    validation_method: s.string,
    key_algorithm: s.string,
    certificate_authority_arn: s.string,
    options: s.blocks({ certificate_transparency_logging_preference: s.string }),
    type: s.string,
    status: s.string,
    tags: s.tags,
  }),
  sets: ['subject_alternative_names'],
  computed: ['arn', 'status', 'type', 'not_after', 'not_before', 'renewal_eligibility', 'renewal_summary'],
  sensitive: ['private_key'],
  // The provider's aws_acm_certificate documentation: certificate_transparency_logging_preference "Defaults to
  // `ENABLED`"; ACM's default key algorithm is RSA_2048.
  defaults: { key_algorithm: 'RSA_2048' },
  id: { attribute: 'arn', caseInsensitive: false },
  canonicalise(attributes) {
    attributes.key_algorithm = keyAlgorithm(attributes.key_algorithm) as Value;
    if (attributes.key_algorithm === undefined) delete attributes.key_algorithm;
  },
  sources: {
    awsConfig: { type: 'AWS::ACM::Certificate', map: fromConfigItem },
    cloudFormation: {
      type: 'AWS::CertificateManager::Certificate',
      map: cfn.fromSpec({
        domain_name: 'DomainName',
        subject_alternative_names: (p) =>
          sansOf(cfn.field(p, 'SubjectAlternativeNames'), cfn.field(p, 'DomainName')),
        validation_method: (p) =>
          cfn.field(p, 'CertificateAuthorityArn') !== undefined ? 'NONE' : cfn.field(p, 'ValidationMethod'),
        key_algorithm: cfn.or('KeyAlgorithm', 'RSA_2048', keyAlgorithm),
        certificate_authority_arn: cfn.or('CertificateAuthorityArn', null),
        options: (p) => [
          {
            certificate_transparency_logging_preference:
              cfn.field(p, 'CertificateTransparencyLoggingPreference') ?? 'ENABLED',
          },
        ],
        type: (p) => {
          const authority = cfn.field(p, 'CertificateAuthorityArn');
          if (isUnknown(authority)) return authority;
          return authority === undefined ? 'AMAZON_ISSUED' : 'PRIVATE';
        },
        tags: ['Tags', cfn.tags],
      }),
    },
  },
});

/** `RSA-2048` (DescribeCertificate) and `RSA_2048` (the request enum, templates) are one algorithm. */
function keyAlgorithm(value: Value | undefined): Value | undefined {
  return typeof value === 'string' ? value.replaceAll('-', '_') : value;
}

/** The subject alternative names without the domain name, as the provider keeps them. */
function sansOf(names: Value | undefined, domain: Value | undefined): Value | undefined {
  if (names === undefined || isUnknown(names) || !Array.isArray(names)) return names;
  return names.filter((name) => name !== domain);
}

function validationMethodOfItem(type: Value | undefined, options: unknown): Value | undefined {
  if (type !== 'AMAZON_ISSUED') return typeof type === 'string' ? 'NONE' : undefined;
  if (!Array.isArray(options)) return undefined;
  return str(record(options[0])?.validationMethod);
}

function fromConfigItem(item: AwsConfigItem) {
  const c = item.configuration;
  const arn = idText(c.certificateArn) ?? item.arn ?? item.resourceId;
  const attributes: Attributes = { arn };
  const domain = str(c.domainName);
  put(attributes, 'domain_name', domain);
  put(attributes, 'subject_alternative_names', sansOf(strs(c.subjectAlternativeNames), domain));
  const type = str(c.type);
  put(attributes, 'type', type);
  put(attributes, 'validation_method', validationMethodOfItem(type, c.domainValidationOptions));
  put(attributes, 'key_algorithm', keyAlgorithm(str(c.keyAlgorithm)));
  attributes.certificate_authority_arn = str(c.certificateAuthorityArn) ?? null;
  const options = c.options;
  if (isPlainObject(options as Value))
    attributes.options = [
      {
        certificate_transparency_logging_preference:
          str(record(options)?.certificateTransparencyLoggingPreference) ?? null,
      },
    ];
  put(attributes, 'status', str(c.status));
  put(attributes, 'tags', tagMap(item.tags));
  return { id: arn, attributes };
}
