import type { Resource } from '../model/resource.js';

/**
 * A normalisation pass reconciles one modelling difference between sources. Every pass runs on both sides
 * before comparison and policy evaluation, mutating the resource's attributes in place.
 */
export interface NormalisePass {
  name: string;
  apply(resource: Resource): void;
}
