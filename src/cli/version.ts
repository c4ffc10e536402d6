/** spnet's version; the build replaces nothing, so keep it in step with package.json. */
export const version = '0.1.0'
