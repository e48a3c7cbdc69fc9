// The shape every feature keeps (CODE_STYLE.md), checked on the source tree so that the next feature copies it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const src = path.join(import.meta.dirname, '..', 'src');
const features = fs
  .readdirSync(src, { withFileTypes: true })
  .filter((e) => e.isDirectory() && e.name !== 'platform')
  .map((e) => e.name);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((e) => {
    const file = path.relative(src, path.join(e.parentPath, e.name));
    return e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$|test-support\.ts$/.test(e.name) ? [file] : [];
  });
}
const read = (file: string) => fs.readFileSync(path.join(src, file), 'utf8');
const featureFiles = features.flatMap((f) => sourceFiles(path.join(src, f)));
const pascal = (name: string) => name.replace(/(^|-)([a-z])/g, (_m, _d: string, c: string) => c.toUpperCase());

const routeFile = /(^|\/)([a-z]+(-[a-z]+)*-)?(api|page|asset)-routes\.tsx?$/;
const inputFile = /(^|\/)([a-z]+(-[a-z]+)*-)?inputs\.ts$/;
const registersRoutes = /\b(app|fastify|scope|instance)\.(get|post|put|patch|delete|route)\(/;

describe('the shape of a feature', () => {
  it('registers routes only in *api-routes.ts, *page-routes.tsx or *asset-routes.ts files', () => {
    const misnamed = featureFiles.filter((f) => registersRoutes.test(read(f)) && !routeFile.test(f));
    expect(misnamed).toEqual([]);
  });

  it('keeps zod input schemas in route files and inputs.ts files, and only tables in schema.ts', () => {
    const zodElsewhere = featureFiles.filter(
      (f) => /from 'zod'/.test(read(f)) && !routeFile.test(f) && !inputFile.test(f),
    );
    expect(zodElsewhere).toEqual([]);
    const misnamedInputs = featureFiles.filter((f) => /(schemas?|input)\.ts$/.test(f) && !/(^|\/)schema\.ts$/.test(f));
    expect(misnamedInputs).toEqual([]);
  });

  it('is wired into the app by one register<Feature> in its register.ts', () => {
    const app = read('app.ts');
    const featureImports = [...app.matchAll(/from '\.\/([^/']+)\/([^']+)'/g)].filter(([, dir]) => dir !== 'platform');
    expect(featureImports.map(([, dir, file]) => `${dir}/${file}`).filter((f) => !f.endsWith('/register.ts'))).toEqual(
      [],
    );
    const withRoutes = features.filter((f) =>
      featureFiles.some((file) => file.startsWith(`${f}/`) && routeFile.test(file)),
    );
    for (const feature of withRoutes) {
      expect(fs.existsSync(path.join(src, feature, 'register.ts')), `${feature}/register.ts`).toBe(true);
      expect(read(`${feature}/register.ts`)).toMatch(
        new RegExp(`export (async )?function register${pascal(feature)}\\(`),
      );
      expect(app).toMatch(new RegExp(`register${pascal(feature)}\\(`));
    }
  });

  it('keeps its words in its own messages.id.ts and messages.en.ts, registered in src/messages.ts', () => {
    const registry = read('messages.ts');
    const withPages = features.filter((f) =>
      featureFiles.some((file) => file.startsWith(`${f}/`) && /\.tsx$/.test(file)),
    );
    for (const feature of withPages) {
      for (const lang of ['id', 'en']) {
        expect(fs.existsSync(path.join(src, feature, `messages.${lang}.ts`)), `${feature}/messages.${lang}.ts`).toBe(
          true,
        );
        expect(registry).toContain(`'./${feature}/messages.${lang}.ts'`);
      }
    }
  });
});
