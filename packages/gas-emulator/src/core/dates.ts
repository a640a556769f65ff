// Date check that works across realms (a Date made in a vm context is not `instanceof Date` here).

export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}
