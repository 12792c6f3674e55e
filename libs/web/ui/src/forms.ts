// Forms and dialogs: a separate entry point so the shell's initial bundle stays free of MatDialog.
export * from './lib/dialogs/confirm-dialog';
export * from './lib/dialogs/conflict-dialog';
export * from './lib/forms/field-error';
export * from './lib/forms/form-utils';
export * from './lib/forms/form-alert';
export * from './lib/forms/server-form';
export * from './lib/forms/date-adapter';
