import { registerDecorator, type ValidationOptions } from 'class-validator';

/** Per-locale text ({ar, fr, en}) with a non-blank Arabic or French entry: the languages the showcase is read in. */
export function HasArabicOrFrench(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'hasArabicOrFrench',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property needs text in Arabic or French', ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          ['ar', 'fr'].some((locale) => {
            const text = (value as Record<string, unknown>)[locale];
            return typeof text === 'string' && text.trim().length > 0;
          }),
      },
    });
}
