// The one function used from @bcoe/v8-coverage (c8's and vitest's merger of raw V8 coverage), which ships no types.
declare module '@bcoe/v8-coverage' {
  interface ScriptCov {
    scriptId: string;
    url: string;
    functions: { functionName: string; isBlockCoverage: boolean; ranges: { startOffset: number; endOffset: number; count: number }[] }[];
  }
  const v8Coverage: { mergeScriptCovs(scripts: readonly ScriptCov[]): ScriptCov | undefined };
  export default v8Coverage;
}
