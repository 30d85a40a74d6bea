/**
 * The sign-in kit: who may call which API, in one place for every service. Passwords (scrypt hashes), signed
 * session cookies, the constant-time comparison of bearer tokens and other secrets, who is calling (a wall
 * display's token or a supervisor's session: the principal and its roles), the accounts and the session secret
 * from the settings, and the role gate the QA, planner and routing APIs put in front of their routes.
 */
export { hashPassword, verifyPassword } from './passwords.js'
export { sameSecret } from './secrets.js'
export { parseCookies, SESSION_COOKIE, SessionSigner, type SessionClaims } from './session.js'
export { authenticate, type Accounts, type AuthResult, type Principal, type SupervisorAccount } from './principal.js'
export {
  admitted,
  devAccess,
  devApiKey,
  existingDevApiKey,
  keptInDataDir,
  sessionSecret,
  signInAccounts,
  supervisorGate,
  SUPERVISOR_ROLES,
  type AccessSettings,
  type Admitted,
  type DevAccess,
  type Gate,
} from './access.js'
