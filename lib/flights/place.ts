/** A gate or belt as the flight record holds it: up to 8 letters, digits, spaces, dots or dashes. */
export const PLACE = /^[\p{L}\p{N} ._-]{1,8}$/u;
