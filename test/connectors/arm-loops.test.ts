import { describe, expect, it } from 'vitest';
import { createTemplateScope, evaluateValue } from '../../connectors/iac/arm-expressions.js';
import { parseArmTemplate } from '../../connectors/iac/arm-template.js';
import type { Value } from '../../src/model/value.js';

/*
 * Copy loops whose count is static, in the shapes Bicep compiles every `for` loop to, and the functions they are
 * built from; and multi-line string literals. Each case is a minimal reproduction of a compiled template.
 */

const UNKNOWN = { __unknown: true, reason: 'expression' };
const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
const account = { type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-05-01' };

function template(resources: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ $schema: SCHEMA, contentVersion: '1.0.0.0', ...extra, resources }, null, 2);
}

function evaluate(expression: Value, parameters: Value = {}, variables: Value = {}): Value {
  return evaluateValue(expression, createTemplateScope(parameters, variables));
}

/** The addresses and names of the storage accounts a template with one looped account yields. */
function loopNames(count: string, name: string, extra: Record<string, unknown> = {}) {
  const text = template([{ ...account, name, copy: { name: 'accounts', count } }], extra);
  const parsed = parseArmTemplate(text, 'main.json');
  return {
    names: parsed.resources.map((r) => [r.address, r.attributes.name]),
    diagnostics: parsed.diagnostics,
  };
}

describe('copy loops of compiled Bicep', () => {
  it('for over a nullable array parameter: length(coalesce(parameters(x), createArray()))', () => {
    // `param names array? = ['a', 'b']` ... `resource st ... = [for n in names ?? []: {name: n}]`
    const parameters = { names: { type: 'array', nullable: true, defaultValue: ['logsa', 'logsb'] } };
    expect(
      loopNames(
        "[length(coalesce(parameters('names'), createArray()))]",
        "[coalesce(parameters('names'), createArray())[copyIndex()]]",
        { parameters },
      ),
    ).toEqual({
      names: [
        ['Microsoft.Storage/storageAccounts/logsa[0]', 'logsa'],
        ['Microsoft.Storage/storageAccounts/logsb[1]', 'logsb'],
      ],
      diagnostics: [],
    });
  });

  it('for over range(0, n): length(range(0, parameters(n))), the index from range()[copyIndex()]', () => {
    const parameters = { n: { type: 'int', defaultValue: 3 } };
    expect(
      loopNames(
        "[length(range(0, parameters('n')))]",
        "[format('st{0}', range(0, parameters('n'))[copyIndex()])]",
        { parameters },
      ).names,
    ).toEqual([
      ['Microsoft.Storage/storageAccounts/st0[0]', 'st0'],
      ['Microsoft.Storage/storageAccounts/st1[1]', 'st1'],
      ['Microsoft.Storage/storageAccounts/st2[2]', 'st2'],
    ]);
  });

  it('for over a variable of objects: length(variables(x)), with unknown values inside the elements', () => {
    const variables = {
      accounts: [
        { name: 'sta', location: '[resourceGroup().location]' },
        { name: 'stb', location: '[resourceGroup().location]' },
      ],
    };
    expect(
      loopNames("[length(variables('accounts'))]", "[variables('accounts')[copyIndex()].name]", { variables })
        .names,
    ).toEqual([
      ['Microsoft.Storage/storageAccounts/sta[0]', 'sta'],
      ['Microsoft.Storage/storageAccounts/stb[1]', 'stb'],
    ]);
  });

  it('arithmetic counts: add, sub, mul, div, mod, min and max of parameter defaults', () => {
    const parameters = { zones: { type: 'array', defaultValue: ['1', '2', '3'] } };
    const count = "[max(1, min(sub(mul(length(parameters('zones')), 2), add(div(7, 2), mod(7, 2))), 5))]";
    // 3 * 2 - (3 + 1) = 2
    expect(loopNames(count, "[concat('st', copyIndex(1))]", { parameters }).names).toEqual([
      ['Microsoft.Storage/storageAccounts/st1[0]', 'st1'],
      ['Microsoft.Storage/storageAccounts/st2[1]', 'st2'],
    ]);
  });

  it('counts that depend on the deployment stay unknown: a parameter without a default, reference()', () => {
    const parameters = { names: { type: 'array' } };
    for (const count of [
      "[length(coalesce(parameters('names'), createArray()))]",
      "[length(reference('vnet').subnets)]",
      "[add(length(parameters('names')), 1)]",
    ]) {
      const { names, diagnostics } = loopNames(count, "[concat('st', copyIndex())]", { parameters });
      expect(names, count).toEqual([
        ["Microsoft.Storage/storageAccounts/[concat('st', copyIndex())][*]", UNKNOWN],
      ]);
      expect(diagnostics.map((d) => d.code)).toEqual(['iac.arm-copy-count']);
    }
  });

  it("a static count past ARM's limit is still read once, as before", () => {
    const { names, diagnostics } = loopNames('[length(range(0, 10000))]', "[concat('st', copyIndex())]");
    expect(names).toEqual([["Microsoft.Storage/storageAccounts/[concat('st', copyIndex())][*]", UNKNOWN]]);
    expect(diagnostics[0]?.message).toBe(
      "the copy count of Microsoft.Storage/storageAccounts is 10,000, more than 800 (ARM's limit); read as one resource whose per-copy values are unknown",
    );
  });
});

describe('the functions copy counts are built from', () => {
  const parameters = {
    zones: { type: 'array', defaultValue: ['1', '2'] },
    tags: { type: 'object', defaultValue: { env: 'prod', team: { name: 'a' } } },
    none: { type: 'array' },
  };

  it('evaluates them where their arguments are static', () => {
    const cases: [string, Value][] = [
      ["[length(parameters('zones'))]", 2],
      ["[length('abc')]", 3],
      ["[length(parameters('tags'))]", 2],
      ['[add(2, 3)]', 5],
      ['[sub(2, 3)]', -1],
      ['[mul(4, 3)]', 12],
      ['[div(7, 2)]', 3],
      ['[div(-7, 2)]', -3],
      ['[mod(-7, 2)]', -1],
      ['[min(3, 1, 2)]', 1],
      ['[max(createArray(3, 1, 2))]', 3],
      ['[range(5, 3)]', [5, 6, 7]],
      ['[range(0, 0)]', []],
      ["[createArray('a', 1, true())]", ['a', 1, true]],
      ['[createArray()]', []],
      ["[coalesce(null(), parameters('zones'))]", UNKNOWN], // null() is not a function this reader knows
      ["[coalesce(json('null'), 'x')]", UNKNOWN],
      ["[coalesce(parameters('none'), createArray())]", UNKNOWN],
      ["[coalesce(parameters('zones'), parameters('none'))]", ['1', '2']],
      ["[empty(parameters('zones'))]", false],
      ['[empty(createArray())]', true],
      ["[empty('')]", true],
      ["[if(empty(parameters('zones')), 1, length(parameters('zones')))]", 2],
      ["[union(parameters('zones'), createArray('2', '3'))]", ['1', '2', '3']],
      [
        "[union(parameters('tags'), createObject('team', createObject('lead', 'b')))]",
        UNKNOWN, // createObject is not evaluated
      ],
      ["[concat(parameters('zones'), range(3, 1))]", ['1', '2', 3]],
    ];
    for (const [expression, expected] of cases)
      expect(evaluate(expression, parameters), expression).toEqual(expected);
  });

  it('merges objects with union, nested objects too, later values winning', () => {
    const variables = { more: { env: 'dev', team: { lead: 'b' }, cost: 'c1' } };
    expect(evaluate("[union(parameters('tags'), variables('more'))]", parameters, variables)).toEqual({
      env: 'dev',
      team: { name: 'a', lead: 'b' },
      cost: 'c1',
    });
  });

  it('gives no value where ARM would fail the deployment, or a value is not static', () => {
    for (const expression of [
      '[div(1, 0)]',
      '[mod(1, 0)]',
      "[add(1, '2')]",
      '[add(1)]',
      '[min(createArray())]',
      '[range(0, 10001)]',
      '[range(2147483647, 1)]',
      '[range(0, -1)]',
      '[mul(9007199254740991, 2)]',
      "[length(parameters('none'))]",
      "[length(reference('x').items)]",
      "[union(parameters('zones'), parameters('tags'))]",
      "[union(parameters('zones'), createArray(reference('x').id))]",
      '[empty(1)]',
    ])
      expect(evaluate(expression, parameters), expression).toEqual(UNKNOWN);
  });
});

describe('multi-line string literals', () => {
  // A deployment script's inline body, written across lines as ARM accepts it.
  const text = `{
  "$schema": "${SCHEMA}",
  "resources": [
    {
      "type": "Microsoft.Resources/deploymentScripts",
      "apiVersion": "2023-08-01",
      "name": "seed",
      "kind": "AzureCLI",
      "properties": {
        "scriptContent": "az storage container create \\\\
          --name seed
	echo done"
      }
    },
    {
      "type": "Microsoft.Storage/storageAccounts",
      "apiVersion": "2023-05-01",
      "name": "stseed",
      "properties": { "description": "line one
line two", "minimumTlsVersion": "TLS1_2" }
    }
  ]
}
`;

  it('reads raw line breaks and tabs inside strings, and the resources after them keep their lines', () => {
    const parsed = parseArmTemplate(text, 'script.json');
    expect(parsed.diagnostics).toEqual([
      expect.objectContaining({ code: 'iac.arm-unmapped', level: 'info' }),
    ]);
    expect(parsed.resources.map((r) => [r.address, r.line, r.endLine, r.attributes.min_tls_version])).toEqual(
      [['Microsoft.Storage/storageAccounts/stseed', 15, 21, 'TLS1_2']],
    );
  });

  it('keeps the string as written, line breaks included', () => {
    const parsed = JSON.parse(JSON.stringify(evaluate(['a\nb\r\n\tc'])));
    expect(parsed).toEqual(['a\nb\r\n\tc']);
    const script = `{"$schema": "${SCHEMA}", "variables": {"s": "one\ntwo"}, "resources": [{"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-05-01", "name": "[variables('s')]"}]}`;
    expect(parseArmTemplate(script, 's.json').resources[0]?.attributes.name).toBe('one\ntwo');
  });

  it('a raw line break right after a backslash is an invalid escape, named at its line', () => {
    const bad = `{"$schema": "${SCHEMA}",\n"resources": [{"name": "a\\\nb"}]}`;
    expect(parseArmTemplate(bad, 'bad.json').diagnostics).toEqual([
      {
        level: 'error',
        code: 'iac.parse',
        message: 'malformed JSON at column 26: invalid escape in a string',
        source: 'bad.json:2',
      },
    ]);
  });
});
