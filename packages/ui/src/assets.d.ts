// Vite's `?url` imports (the apps' builds resolve them): the URL of the bundled file.
declare module "*.wasm?url" {
  const url: string;
  export default url;
}
