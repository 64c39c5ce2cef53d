// The camera's barcode reader, loaded only when a camera opens (camera-scan.ts imports this
// module dynamically). Its WebAssembly file is bundled by each app's Vite build and served by
// the app itself: by default zxing-wasm would fetch it from a CDN, which an offline kiosk
// cannot reach and the content security policy forbids.
import { prepareZXingModule, type ReaderOptions, readBarcodes } from "zxing-wasm/reader";
import wasmUrl from "zxing-wasm/reader/zxing_reader.wasm?url";

/** Resolves once the WebAssembly module is compiled; rejects if it cannot be loaded. */
export const ready = prepareZXingModule({
  overrides: {
    locateFile: (path: string, prefix: string) =>
      path.endsWith(".wasm") ? wasmUrl : prefix + path,
  },
  fireImmediately: true,
});

export type BarcodeFormat = NonNullable<ReaderOptions["formats"]>[number];

/** The text of the first valid code in a video frame, or null. */
export async function readFrame(
  image: ImageData,
  formats: readonly BarcodeFormat[],
): Promise<string | null> {
  const results = await readBarcodes(image, {
    formats: [...formats],
    tryHarder: true,
    maxNumberOfSymbols: 1,
  });
  const hit = results.find((r) => r.isValid && r.text);
  return hit ? hit.text : null;
}
