// Base.User: a person identified by email (Session users, protection editors, spreadsheet owner).
import { CallCounter, Emulated } from '../core/calls';

export class UserImpl extends Emulated {
  static kind = 'User';
  constructor(
    ctr: CallCounter,
    private readonly email: string,
  ) {
    super(ctr);
  }
  getEmail(): string {
    return this.email;
  }
  getUsername(): string {
    return this.email.split('@')[0];
  }
  getUserLoginId(): string {
    return this.email;
  }
  toString(): string {
    return this.email;
  }
}

/** Emails from the forms Apps Script accepts: "a@b", User objects, or arrays of either. */
export function emailOf(u: unknown): string {
  if (u instanceof UserImpl) return u.getEmail();
  if (typeof u === 'string') return u;
  throw new Error('Invalid argument: user');
}
