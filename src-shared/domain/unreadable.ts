import { z } from 'zod';

/**
 * One object a server sent that SiteSync could not read (issue 13): which object, which field,
 * what was expected and what came. It becomes one problem line, not a failed run. `got` is
 * display-safe: values of secret fields (PINs, cards, tokens, passwords) are never in it.
 */
export const UnreadableObjectSchema = z.object({
  /** "resident res_12", "apartment at position 3 of GET /communities/c1/apartments". */
  object: z.string(),
  /** The object's ID when it had a readable one. */
  id: z.string().nullable(),
  /** Dotted path of the first field that could not be read (`externalRef.location`). */
  field: z.string(),
  expected: z.string(),
  got: z.string(),
  /** The object's externalRef key when that part could be read (a community that cannot be read still names its property). */
  refKey: z.string().nullable().optional(),
});
/** See {@link UnreadableObjectSchema}. */
export type UnreadableObject = z.infer<typeof UnreadableObjectSchema>;
