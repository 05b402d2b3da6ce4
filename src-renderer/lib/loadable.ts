/** Something loaded over the bridge: not yet asked, on its way, there, or failed with a sentence. */
export type Loadable<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'error'; error: string; nextStep: string | null };
