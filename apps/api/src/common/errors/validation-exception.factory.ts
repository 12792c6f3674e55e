import type { ValidationError } from 'class-validator';
import { AppException, type RuleViolation } from './app-exception';

/** Flattens class-validator errors into one violation per broken rule, with dotted field paths. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): RuleViolation[] {
  const violations: RuleViolation[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const rule of Object.keys(error.constraints ?? {})) {
      const args = (error.contexts?.[rule] as { args?: unknown[] } | undefined)?.args ?? constraintArgs(error, rule);
      violations.push({ field, rule, args });
    }
    if (error.children?.length) violations.push(...flattenValidationErrors(error.children, field));
  }
  return violations;
}

// class-validator keeps a rule's arguments only inside its English message; recover the common ones.
function constraintArgs(error: ValidationError, rule: string): unknown[] {
  const message = error.constraints?.[rule] ?? '';
  if (rule === 'min' || rule === 'max') return [message.match(/(-?\d+(\.\d+)?)/)?.[1]];
  if (rule === 'maxLength' || rule === 'minLength' || rule === 'arrayMaxSize') return [message.match(/(\d+)/)?.[1]];
  if (rule === 'isIn') return [message.split(': ').slice(1).join(': ')];
  return [];
}

export function validationExceptionFactory(errors: ValidationError[]): AppException {
  return AppException.validation(flattenValidationErrors(errors));
}
