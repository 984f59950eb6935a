/**
 * JSON and YAML files are many things; only templates are read. The patterns stay within a line: `^\s+` would
 * cross lines, and make a file of blank lines take quadratic time.
 */
export function templateKind(text: string): 'cloudformation' | 'arm' | undefined {
  if (/AWSTemplateFormatVersion|"Type"\s*:\s*"AWS::|^[ \t]+Type:[ \t]*['"]?AWS::/m.test(text))
    return 'cloudformation';
  if (/deploymentTemplate\.json/i.test(text)) return 'arm';
  return undefined;
}
