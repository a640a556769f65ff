// Session: the active and effective user, script time zone and locale.
import { CallCounter, Emulated } from '../core/calls';
import { UserImpl } from './user';
import type { Env } from '../core/env';

export class SessionImpl extends Emulated {
  static kind = 'Session';
  constructor(
    ctr: CallCounter,
    private readonly _env: Env,
  ) {
    super(ctr);
  }
  getActiveUser(): UserImpl {
    return new UserImpl(this._ctr, this._env.activeUser);
  }
  getEffectiveUser(): UserImpl {
    return new UserImpl(this._ctr, this._env.effectiveUser);
  }
  getScriptTimeZone(): string {
    return this._env.timeZone;
  }
  getActiveUserLocale(): string {
    return this._env.locale.split('_')[0];
  }
  getTemporaryActiveUserKey(): string {
    return `key-${Buffer.from(this._env.activeUser).toString('base64')}`;
  }
}
