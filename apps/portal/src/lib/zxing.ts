// The camera's barcode reader, loaded only when the scan dialog opens (a dynamic import of
// this module). Its WebAssembly file is bundled and served by the portal itself: by default
// zxing-wasm fetches it from a CDN, which the content security policy forbids and a library's
// network may block. (The kiosk does the same in its own copy; apps do not import each other.)
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
