// jstat ships no type declarations; this declares only the Student t functions the engine calls.
// The package is UMD: under CommonJS interop the default import is jStat itself, which also carries a
// `jStat` property pointing at itself, hence both members. (Same as src-main/services/indicators/
// jstat.d.ts, plus `pdf`, which the quantile's Newton polish needs.)
declare module 'jstat' {
  interface JStat {
    studentt: {
      inv(p: number, dof: number): number;
      cdf(x: number, dof: number): number;
      pdf(x: number, dof: number): number;
    };
  }
  const jstat: JStat & { jStat?: JStat };
  export default jstat;
}
