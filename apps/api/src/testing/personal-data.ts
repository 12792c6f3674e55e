/** An e-mail address, anywhere in a body. */
export const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
/** A Moroccan phone number, international or national (not a fragment of an id). */
export const PHONE = /\+212[\s.]?\d(?:[\s.]?\d){8}|(?<![\w-])0[5-8](?:[ .]?\d{2}){4}(?![\w-])/;
/** Spreadsheet templates show how to fill them with a fictional person on example.ma (RFC 2606-like). */
export const FICTIONAL = /@example\.ma|\+212 537 00 00 00/g;
