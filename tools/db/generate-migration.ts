// Writes a migration with the SQL that brings the migrated schema in line with the entities.
// Usage: npm run db:migration:generate -- AddSomething
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pendingSchemaChanges, withScratchDatabase } from './scratch-database';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('Give the migration a PascalCase name, e.g. `npm run db:migration:generate -- AddMilestones`.');
  process.exit(2);
}

void withScratchDatabase(async (dataSource) => {
  const { up, down } = await pendingSchemaChanges(dataSource);
  if (up.length === 0) {
    console.log('Entities and migrations agree: nothing to generate.');
    return;
  }
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const q = (sql: string) => `    await queryRunner.query(${JSON.stringify(sql)});`;
  const file = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${up.map(q).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${down.map(q).join('\n')}
  }
}
`;
  const kebab = name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  const path = join(__dirname, '../../apps/api/src/database/migrations', `${timestamp}-${kebab}.ts`);
  writeFileSync(path, file);
  console.log(`Wrote ${path}\nAdd ${className} to apps/api/src/database/migrations/index.ts.`);
});
