export * from './identity/roles';
export * from './identity/principal';
export * from './identity/nhs-number';
export * from './identity/password-rules';
export * from './policy/actions';
export * from './policy/resources';
export * from './policy/decide';
export * from './scheduling/slots';
