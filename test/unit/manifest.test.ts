/**
 * manifest.yml must pass the validators `forge deploy` runs, offline. `forge lint` needs an Atlassian
 * login, so this uses @forge/manifest's own processors (basic, full, product-trigger), which check
 * module names, handler files, resource folders and the scopes each product event needs.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProcessorBuilder, ValidationTypes } from '@forge/manifest';

const validations = [ValidationTypes.BASIC, ValidationTypes.FULL, ValidationTypes.PRODUCT_TRIGGER];

async function validate(path: string, type: ValidationTypes): Promise<string[]> {
  const result = await ProcessorBuilder.instance().withValidation(type).build().process(path);
  return result.success ? [] : (result.errors ?? []).map((e) => `line ${e.line ?? '?'}: ${e.message}`);
}

function manifestVariant(transform: (yaml: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
  const path = join(dir, 'manifest.yml');
  writeFileSync(path, transform(readFileSync('manifest.yml', 'utf8')));
  return path;
}

describe('manifest.yml', () => {
  it.each(validations)('passes @forge/manifest %s validation', async (type) => {
    expect(await validate('manifest.yml', type)).toEqual([]);
  });

  it('declares the runtime Forge supports and only scopes from the allowed list', () => {
    const yaml = readFileSync('manifest.yml', 'utf8');
    expect(yaml).toMatch(/runtime:\s*\n\s*name: nodejs22\.x/);
    expect(yaml).not.toMatch(/@forge\/ui|jira:versionPanel/);
  });

  // The checks above are only worth something if the validator really rejects a bad manifest.
  it('rejects a module Jira does not have, with the validator message', async () => {
    const broken = manifestVariant((yaml) => yaml.replace('jira:projectPage:', 'jira:versionPanel:'));
    expect((await validate(broken, ValidationTypes.FULL)).join('\n')).toContain("invalid value 'jira:versionPanel'");
  });

  it('rejects a product trigger whose event needs a scope the manifest lacks', async () => {
    const broken = manifestVariant((yaml) => {
      const withoutScope = yaml.replace('    - read:jira-work\n', '');
      // The app's own release-gate trigger already needs the scope; add a probe only if it is gone.
      return /\n {2}trigger:\n/.test(withoutScope)
        ? withoutScope
        : withoutScope.replace('  function:\n', '  trigger:\n    - key: probe\n      function: resolver\n      events: [avi:jira:released:version]\n  function:\n');
    });
    expect((await validate(broken, ValidationTypes.PRODUCT_TRIGGER)).join('\n')).toMatch(/requires 'read:jira-work' scope/);
  });
});
