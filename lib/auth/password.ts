import bcrypt from "bcryptjs";

const COST = 11;
/** Compared against when the user does not exist, so timing does not reveal accounts. */
const DUMMY_HASH = bcrypt.hashSync("herald-dummy-password", COST);

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(
  password: string,
  hash: string | null | undefined,
): Promise<boolean> {
  return bcrypt.compare(password, hash ?? DUMMY_HASH).then((ok) => ok && Boolean(hash));
}
