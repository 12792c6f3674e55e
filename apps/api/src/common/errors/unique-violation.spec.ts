import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import { AppException } from './app-exception';
import { transactionMappingUniqueViolations, violatedConstraint } from './unique-violation';

const uniqueViolation = (constraint: string) =>
  Object.assign(new QueryFailedError('INSERT …', [], new Error('duplicate key')), {
    driverError: { code: '23505', constraint },
  });
const failingWith = (error: unknown) => ({ transaction: async () => Promise.reject(error) }) as unknown as DataSource;
const work = async (manager: EntityManager) => (manager ? 'done' : 'none');

describe('transactionMappingUniqueViolations', () => {
  const violations = { UQ_inventory_reference_per_institution: { field: 'reference', rule: 'referenceTaken' } };

  it('turns a named unique constraint into the rule it stands for', async () => {
    const error = await transactionMappingUniqueViolations(
      failingWith(uniqueViolation('UQ_inventory_reference_per_institution')),
      violations,
      work,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppException);
    expect((error as AppException).fields).toEqual([{ field: 'reference', rule: 'referenceTaken' }]);
  });

  it('rethrows any other failure as it is', async () => {
    const other = uniqueViolation('UQ_something_else');
    await expect(transactionMappingUniqueViolations(failingWith(other), violations, work)).rejects.toBe(other);
    const plain = new Error('boom');
    await expect(transactionMappingUniqueViolations(failingWith(plain), violations, work)).rejects.toBe(plain);
    expect(violatedConstraint(plain)).toBeUndefined();
  });

  it('gives the work its answer', async () => {
    const dataSource = { transaction: (fn: typeof work) => fn({} as EntityManager) } as unknown as DataSource;
    await expect(transactionMappingUniqueViolations(dataSource, violations, work)).resolves.toBe('done');
  });
});
