import * as cfn from '../read/cloudformation.js';
import { defineType } from '../resource-type.js';
import * as s from '../schema.js';

/**
 * aws_lambda_permission, one statement of a Lambda function's resource-based policy (hashicorp/terraform-provider-aws
 * website/docs/r/lambda_permission.html.markdown: `action`, `function_name`, `principal`, `source_arn`,
 * `source_account`, `principal_org_id`, `event_source_token`, `function_url_auth_type`, `qualifier`,
 * `statement_id`; the state's `id` is the statement id, the import id `<function_name>/<statement_id>`).
 *
 * CloudFormation: AWS::Lambda::Permission (`Action`, `FunctionName`, `Principal`, `SourceArn`, `SourceAccount`,
 * `PrincipalOrgID`, `EventSourceToken`, `FunctionUrlAuthType`; aws-cloudformation/cfn-lint's schema). A property
 * left out sets no condition, which Terraform holds as null. AWS Config records no permission type (the function's
 * item does not carry its policy), so no live source maps this type.
 */
export const lambdaPermission = defineType({
  type: 'aws_lambda_permission',
  provider: 'aws',
  schema: s.attributes({
    action: s.string,
    function_name: s.string,
    principal: s.string,
    source_arn: s.string,
    source_account: s.string,
    principal_org_id: s.string,
    event_source_token: s.string,
    function_url_auth_type: s.string,
    qualifier: s.string,
    statement_id: s.string,
  }),
  // Not built from the function and the statement id: a plan creating the permission has no id yet.
  id: { attribute: 'id', caseInsensitive: false },
  sources: {
    cloudFormation: {
      type: 'AWS::Lambda::Permission',
      map: cfn.fromSpec({
        action: 'Action',
        function_name: 'FunctionName',
        principal: 'Principal',
        source_arn: cfn.or('SourceArn', null),
        source_account: cfn.or('SourceAccount', null),
        principal_org_id: cfn.or('PrincipalOrgID', null),
        event_source_token: cfn.or('EventSourceToken', null),
        function_url_auth_type: cfn.or('FunctionUrlAuthType', null),
      }),
    },
  },
});
