import type { YAMLError } from 'yaml';
import { LIMITS } from './limits.js';

/** What each of the YAML reader's error codes means, in words that quote nothing. */
const YAML_PROBLEMS: Record<string, string> = {
  ALIAS_PROPS: 'an alias cannot have a tag or an anchor',
  BAD_ALIAS: 'an alias names no anchor defined before it',
  BAD_COLLECTION_TYPE: 'a tag that does not fit its collection',
  BAD_DIRECTIVE: 'an invalid directive',
  BAD_DQ_ESCAPE: 'an invalid escape in a double-quoted string',
  BAD_INDENT: 'bad indentation',
  BAD_PROP_ORDER: 'anchor and tag in the wrong order',
  BAD_SCALAR_START: 'a plain value cannot start with this character',
  BLOCK_AS_IMPLICIT_KEY: 'a block collection used as a key',
  BLOCK_IN_FLOW: 'a block collection inside a flow collection',
  DUPLICATE_KEY: 'a key appears twice in one mapping',
  IMPOSSIBLE: 'unreadable input',
  KEY_OVER_1024_CHARS: 'a key longer than 1024 characters',
  MISSING_CHAR: 'a closing character is missing',
  MULTILINE_IMPLICIT_KEY: 'a key spans lines',
  MULTIPLE_ANCHORS: 'more than one anchor on a node',
  MULTIPLE_DOCS: 'more than one document',
  MULTIPLE_TAGS: 'more than one tag on a node',
  NON_STRING_KEY: 'a key that is not a string',
  TAB_AS_INDENT: 'a tab used for indentation',
  TAG_RESOLVE_FAILED: 'a tag this reader does not know',
  UNEXPECTED_TOKEN: 'unexpected content',
};

/** The YAML reader's messages that quote nothing: fixed phrases, or phrases naming only a kind of collection. */
const CONSTANT_MESSAGES = new RegExp(
  `^(?:${[
    'All (?:mapping|sequence) items must start at the same column',
    'Flow (?:map|sequence) in block collection must be sufficiently indented and end with a [}\\]]',
    'Tabs are not allowed as indentation',
    'Map keys must be unique',
    'Source contains multiple documents; please use YAML\\.parseAllDocuments\\(\\)',
    'Block collections are not allowed within flow collections',
    'Implicit (?:map )?keys (?:need to|of flow sequence pairs need to) (?:be on a single line|be followed by map values)',
    'Missing (?:closing [\'"]quote|, (?:or : )?between flow (?:map|sequence) items|space after : in flow (?:map|sequence))',
    'Unexpected , in flow (?:map|sequence)',
    'Unexpected empty item in flow (?:map|sequence)',
    'Sequence item without - indicator',
    'Nested mappings are not allowed in compact mappings',
    'A block sequence may not be used as an implicit map key',
    'A node can have at most one (?:anchor|tag)',
    'An alias node must not specify any properties',
    'Comments must be separated from other tokens by white space characters',
    'Tags and anchors must be separated from the next token by white space',
    'Block scalar values in collections must be indented',
    'Flow end indicator should be more indented than parent',
  ].join('|')})$`,
);

/** The reader's own message when it is a fixed phrase; else what its error code means. Never a quote. */
export function yamlProblem(error: YAMLError): string {
  if (error.code === 'RESOURCE_EXHAUSTION') return `nested deeper than ${LIMITS.nesting} levels`;
  const first = (error.message.split('\n')[0] ?? '').replace(/\s*at line \d+, column \d+:?\s*$/, '');
  if (CONSTANT_MESSAGES.test(first)) return first;
  return YAML_PROBLEMS[error.code] ?? 'syntax error';
}
