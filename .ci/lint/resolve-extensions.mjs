// Node resolve hook: @camunda/form-linting ships ES modules whose relative imports omit the ".js"
// extension (it is written for bundlers); this lets Node load it as it is. Registered by register-hooks.mjs.
export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    if (error.code !== 'ERR_MODULE_NOT_FOUND' || !specifier.startsWith('.') || specifier.endsWith('.js')) {
      throw error;
    }
    try {
      return await nextResolve(specifier + '.js', context);
    } catch {
      return nextResolve(specifier + '/index.js', context);
    }
  }
}
