// A webpack loader for fault tests: swaps two snippets of a workflow source file, to build a bundle whose steps
// run in another order than the recorded histories. Options: { first, second } (exact source text).
module.exports = function swapCalls(source) {
  const { first, second } = this.getOptions();
  if (!source.includes(first) || !source.includes(second)) {
    throw new Error(`swap-calls-loader: ${this.resourcePath} does not contain both snippets`);
  }
  const marker = '\u0000swap\u0000';
  return source.replace(first, marker).replace(second, first).replace(marker, second);
};
