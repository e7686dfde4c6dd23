// jstat ships no type declarations; this declares only the Student t quantile the core calls.
// The package is UMD: under CommonJS interop the default import is jStat itself, which also carries a
// `jStat` property pointing at itself, hence both members.
declare module 'jstat' {
  interface JStat {
    studentt: { inv(p: number, dof: number): number; cdf(x: number, dof: number): number };
  }
  const jstat: JStat & { jStat?: JStat };
  export default jstat;
}
