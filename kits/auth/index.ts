/**
 * The sign-in kit: who may call which API, in one place for every service. Passwords (scrypt hashes), signed
 * and revocable session cookies, the sign-in guard (rate limit per address, lock-out per user and address, a bound
 * on password checks at once), the constant-time comparison of bearer tokens and other secrets, who is calling (a
 * wall display's token or a user's session: the principal and its roles), the roles (one per job), the accounts and
 * the session secret from the settings, and the role gate every API route table puts in front of its routes.
 */
export { hashPassword, verifyPassword } from './passwords.js'
export { sameSecret } from './secrets.js'
export { hasAdminToken, requireAdminToken } from './admin.js'
export { parseCookies, SESSION_COOKIE, SessionGenerations, SessionSigner, type SessionClaims } from './session.js'
export {
  DEFAULT_SIGN_IN_LIMITS,
  loggable,
  SignInGuard,
  type Outcome,
  type Refusal,
  type SignInCounts,
  type SignInLimits,
} from './sign-in-guard.js'
export { authenticate, type Accounts, type AuthResult, type Principal, type UserAccount } from './principal.js'
export { ANY_ROLE, isRole, ROLES, type Role } from './roles.js'
export {
  admit,
  byRole,
  devAccess,
  devApiKey,
  existingDevApiKey,
  keptInDataDir,
  sessionGenerations,
  sessionSecret,
  roleGate,
  signInAccounts,
  type AccessSettings,
  type Caller,
  type RoleGate,
  type DevAccess,
} from './access.js'
