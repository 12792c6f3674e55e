import { registerDecorator, ValidateIf, type ValidationArguments, type ValidationOptions } from 'class-validator';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A calendar date written YYYY-MM-DD that exists (no 2026-02-30). */
export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIsoDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a date (YYYY-MM-DD)', ...options },
      validator: { validate: (value: unknown) => isIsoDate(value) },
    });
}

/** A finite number with at most `places` decimals: 3e-323 or 1e-7 are refused, as 0.123 is for 2. */
export function isDecimal(value: unknown, places: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Number(value.toFixed(places)) === value;
}

/**
 * A number with at most `places` decimals. class-validator's `IsNumber({ maxDecimalPlaces })` reads the
 * decimals from `toString()` and throws on exponent notation (3e-323), answering 500: this does not.
 */
export function IsDecimal(places: number, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isDecimal',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [places],
      options: { message: `$property must be a number with at most ${places} decimals`, ...options },
      validator: { validate: (value: unknown) => isDecimal(value, places) },
    });
}

/** An object of per-locale texts ({ar, fr, en}) with at least one non-blank entry. */
export function HasSomeLocale(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'hasSomeLocale',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property needs text in at least one language', ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          ['ar', 'fr', 'en'].some((locale) => {
            const text = (value as Record<string, unknown>)[locale];
            return typeof text === 'string' && text.trim().length > 0;
          }),
      },
    });
}

/** This date must not be after the date in `otherProperty` (when both are set). */
export function NotAfter(otherProperty: string, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'notAfter',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [otherProperty],
      options: { message: `$property must not be after ${otherProperty}`, ...options },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const other = (args.object as Record<string, unknown>)[otherProperty];
          return typeof value !== 'string' || typeof other !== 'string' || value <= other;
        },
      },
    });
}

/**
 * A field that may be left out, but not sent as null: unlike `@IsOptional()`, null is validated
 * (and refused by the field's rules), so it never reaches a NOT NULL column.
 */
export function IsOmittable(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((_: object, value: unknown) => value !== undefined, options);
}
