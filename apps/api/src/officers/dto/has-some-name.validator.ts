import { registerDecorator, type ValidationOptions } from 'class-validator';

/** A person's name in Arabic or French script: at least one of the two. */
export function HasSomeName(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'hasSomeName',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property needs the name in Arabic or French', ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          ['ar', 'fr'].some(
            (k) =>
              typeof (value as Record<string, unknown>)[k] === 'string' &&
              (value as Record<string, string>)[k].trim() !== '',
          ),
      },
    });
}
