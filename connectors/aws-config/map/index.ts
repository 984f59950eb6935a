import { RESOURCE_TYPES } from '../../../src/model/types/index.js';
import type { TypeMapping } from './types.js';

/** The AWS Config mappings of the type catalogue (src/model/types), as this connector reads them. */
const CATALOGUE_MAPPINGS: readonly (TypeMapping & { global: boolean })[] = RESOURCE_TYPES.flatMap((type) =>
  type.sources.awsConfig
    ? [
        {
          configType: type.sources.awsConfig.type,
          terraformType: type.type,
          map: type.sources.awsConfig.map,
          global: type.sources.awsConfig.global === true,
        },
      ]
    : [],
);

/** Every Config type this connector maps. */
export const MAPPINGS: readonly TypeMapping[] = CATALOGUE_MAPPINGS;

export const MAPPING_BY_CONFIG_TYPE = new Map(MAPPINGS.map((m) => [m.configType, m]));
export const MAPPING_BY_TERRAFORM_TYPE = new Map(MAPPINGS.map((m) => [m.terraformType, m]));

/** Config's global resource types: recorded once, in the region that records global types. */
export const GLOBAL_CONFIG_TYPES = new Set(
  CATALOGUE_MAPPINGS.filter((m) => m.global).map((m) => m.configType),
);
