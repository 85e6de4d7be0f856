/** Prototype: the workbench without overlap bands, to measure what BandsPlugin costs. */
export function BandsPlugin(_props: unknown): null {
  return null;
}
