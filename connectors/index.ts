import type { Connector } from '../src/connector/types.js';
import { awsConfigConnector } from './aws-config/index.js';
import { azureConnector } from './azure/index.js';
import { iacConnector } from './iac/index.js';
import { snapshotConnector } from './snapshot/index.js';
import { terraformPlanConnector } from './terraform-plan/index.js';
import { terraformStateConnector } from './terraform-state/index.js';

/** The explicit registry. One line per connector; a conformance test checks it against the folders. */
export const connectors: readonly Connector[] = [
  terraformStateConnector,
  snapshotConnector,
  awsConfigConnector,
  azureConnector,
  iacConnector,
  terraformPlanConnector,
];
