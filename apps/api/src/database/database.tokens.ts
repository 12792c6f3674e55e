export const DATABASE_KIND = Symbol('DATABASE_KIND');
